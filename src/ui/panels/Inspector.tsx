/**
 * The inspector: the selected object's `kubectl describe` and `kubectl get -o yaml` output, produced
 * by the same kubectl code the terminal runs (state/inspect.ts), refreshed as the cluster changes.
 * That output is kubectl's, in English on every page (`lang="en"`).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { inspectDescribe, inspectYaml } from '../../state/inspect.ts';
import type { InspectorTab } from '../../state/slices/uiSlice.ts';
import { useAppStore, useAppStoreApi } from '../hooks/useAppStore.ts';

const TABS: InspectorTab[] = ['describe', 'yaml'];

/** The inspector panel. */
export function Inspector() {
  const { t } = useTranslation();
  const app = useAppStoreApi();
  const { selected, tab, setTab, version, now } = useAppStore(
    useShallow((s) => ({
      selected: s.selected,
      tab: s.inspectorTab,
      setTab: s.setInspectorTab,
      version: s.clusterVersion,
      // describe shows ages: refresh it each virtual second, not each frame
      now: Math.floor(s.now / 1000),
    })),
  );
  const out = useMemo(() => {
    if (!selected || version < 0 || now < 0) return undefined;
    const sim = app.host.getSim();
    const ns = selected.namespace;
    return tab === 'yaml'
      ? inspectYaml(sim, selected.kind, selected.name, ns)
      : inspectDescribe(sim, selected.kind, selected.name, ns);
  }, [app, selected, tab, version, now]);
  return (
    <section className="panel inspector" aria-labelledby="inspector-title">
      <h2 id="inspector-title">
        {t('inspector.title')}
        {selected && (
          <>
            {' '}
            <code>
              {selected.kind}/{selected.name}
            </code>
          </>
        )}
      </h2>
      {!selected ? (
        <p>{t('inspector.empty')}</p>
      ) : (
        <>
          <div role="tablist" aria-label={t('inspector.title')}>
            {TABS.map((k) => (
              <button
                key={k}
                type="button"
                role="tab"
                aria-selected={tab === k}
                onClick={() => setTab(k)}
                id={`inspector-tab-${k}`}
              >
                {t(`inspector.${k}`)}
              </button>
            ))}
          </div>
          <pre
            role="tabpanel"
            aria-labelledby={`inspector-tab-${tab}`}
            className="inspector-output"
            data-testid="inspector-output"
            lang="en"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling output must be reachable by keyboard
            tabIndex={0}
          >
            {out ? `${out.stdout}${out.stderr}` : ''}
          </pre>
        </>
      )}
    </section>
  );
}
