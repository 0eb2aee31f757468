/**
 * The app shell: arranges the panels, nothing else. Heavy panels (xterm, CodeMirror) load lazily so
 * the first paint carries only the diagram and the controls.
 */
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ClusterDiagram } from '../diagram/ClusterDiagram.tsx';
import type { AppStore } from '../state/createAppStore.ts';
import { AppStoreContext } from '../ui/hooks/useAppStore.ts';
import { usePlaybackLoop } from '../ui/hooks/usePlaybackLoop.ts';
import { useReducedMotion } from '../ui/hooks/useReducedMotion.ts';
import { ControlsPanel } from '../ui/panels/ControlsPanel.tsx';
import { EventTimeline } from '../ui/panels/EventTimeline.tsx';
import { Header } from '../ui/panels/Header.tsx';
import { Inspector } from '../ui/panels/Inspector.tsx';
import { PlaybackControls } from '../ui/panels/PlaybackControls.tsx';
import { TerminalSection } from '../ui/panels/TerminalSection.tsx';
import type { Panel } from './embed/embedParams.ts';

const ManifestEditor = lazy(() => import('../ui/panels/ManifestEditor.tsx'));

/** Lessons, embedding and sharing (app/embed): which panels to show, and what to add to them. */
export interface AppView {
  /** false hides a panel (`?panels=`); panel names as in app/embed/embedParams.ts PANELS */
  show?: (panel: Panel) => boolean;
  /** notices, share and reset, above the panels */
  bar?: ReactNode;
  /** the lesson panel (or the list of lessons), first in the work column */
  lesson?: ReactNode;
}

export interface AppProps {
  app: AppStore;
  /** the editor's starting text (the chapter's manifest) */
  manifest: string;
  view?: AppView;
}

/** The whole page. */
export function App({ app, manifest, view }: AppProps) {
  const { t } = useTranslation();
  usePlaybackLoop(app);
  useReducedMotion(app);
  const show = view?.show ?? (() => true);
  const clusterColumn = show('playback') || show('diagram') || show('controls');
  return (
    <AppStoreContext.Provider value={app}>
      <Header />
      {view?.bar}
      <main className="layout">
        {clusterColumn && (
          <div className="col col-cluster">
            {show('playback') && <PlaybackControls />}
            {show('diagram') && (
              <section className="panel diagram-panel" aria-labelledby="diagram-title">
                <h2 id="diagram-title">{t('diagram.title')}</h2>
                <p className="legend">{t('diagram.legend')}</p>
                <ClusterDiagram
                  app={app}
                  label={t('diagram.label')}
                  summaryLabel={t('diagram.summary')}
                  emptyText={t('diagram.empty')}
                  waitingText={t('diagram.waiting')}
                  noIpText={t('diagram.noIp')}
                />
              </section>
            )}
            {show('controls') && <ControlsPanel />}
          </div>
        )}
        <div className="col col-work">
          {show('lesson') && view?.lesson}
          {show('terminal') && <TerminalSection app={app} />}
          {show('editor') && (
            <Suspense fallback={<p className="panel">{t('editor.loading')}</p>}>
              <ManifestEditor app={app} initialText={manifest} />
            </Suspense>
          )}
          {show('inspector') && <Inspector />}
          {show('timeline') && <EventTimeline />}
        </div>
      </main>
    </AppStoreContext.Provider>
  );
}
