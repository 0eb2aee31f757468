/**
 * The terminal's panel frame: heading, busy hint, and the lazily loaded xterm screen. The page can
 * load the screen's code early (`preloadTerminalPanel`, called while the lab is being built); once
 * loaded it is rendered directly, not through Suspense, because React holds a Suspense boundary's
 * content back for up to 300 ms after its fallback shows (FALLBACK_THROTTLE_MS) — a third of the
 * page's one-second budget to be interactive.
 */
import { type ComponentType, lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStore } from '../../state/createAppStore.ts';
import { useAppStore } from '../hooks/useAppStore.ts';

type TerminalPanelType = ComponentType<{ app: AppStore }>;
let loadedPanel: TerminalPanelType | undefined;
let loading: Promise<{ default: TerminalPanelType }> | undefined;

/** Starts loading the xterm screen's code (once); resolves when it is loaded. */
export function preloadTerminalPanel(): Promise<{ default: TerminalPanelType }> {
  loading ??= import('./TerminalPanel.tsx').then(
    (m) => {
      loadedPanel = m.default;
      return m;
    },
    (e: unknown) => {
      // a failed fetch (offline, new deploy) may be retried by the next caller
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

const LazyTerminalPanel = lazy(preloadTerminalPanel);

export interface TerminalSectionProps {
  app: AppStore;
}

/** The terminal section (says so plainly when no terminal engine is wired). */
export function TerminalSection({ app }: TerminalSectionProps) {
  const { t } = useTranslation();
  const available = useAppStore((s) => s.terminal.available);
  const busy = useAppStore((s) => s.terminal.busy);
  // decided once per mount: switching paths later would remount the screen and drop its state
  const [Loaded] = useState(() => loadedPanel);
  return (
    <section className="panel terminal-panel" aria-labelledby="terminal-title">
      <h2 id="terminal-title" tabIndex={-1}>
        {t('terminal.title')}
      </h2>
      {!available ? (
        <p>{t('terminal.unavailable')}</p>
      ) : Loaded ? (
        <Loaded app={app} />
      ) : (
        <Suspense fallback={<p>{t('terminal.loading')}</p>}>
          <LazyTerminalPanel app={app} />
        </Suspense>
      )}
      <p className="hint" aria-live="polite">
        {busy ? t('terminal.busy') : t('terminal.keys')}
      </p>
    </section>
  );
}
