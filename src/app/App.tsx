/**
 * The app shell: arranges the panels, nothing else. Heavy panels (xterm, CodeMirror) load lazily so
 * the first paint carries only the diagram and the controls.
 */
import { lazy, Suspense } from 'react';
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

const ManifestEditor = lazy(() => import('../ui/panels/ManifestEditor.tsx'));

export interface AppProps {
  app: AppStore;
  /** the editor's starting text (the chapter's manifest) */
  manifest: string;
}

/** The whole page. */
export function App({ app, manifest }: AppProps) {
  const { t } = useTranslation();
  usePlaybackLoop(app);
  useReducedMotion(app);
  return (
    <AppStoreContext.Provider value={app}>
      <Header />
      <main className="layout">
        <div className="col col-cluster">
          <PlaybackControls />
          <section className="panel diagram-panel" aria-labelledby="diagram-title">
            <h2 id="diagram-title">{t('diagram.title')}</h2>
            <p className="legend">{t('diagram.legend')}</p>
            <ClusterDiagram
              app={app}
              label={t('diagram.label')}
              summaryLabel={t('diagram.summary')}
              emptyText={t('diagram.empty')}
            />
          </section>
          <ControlsPanel />
        </div>
        <div className="col col-work">
          <TerminalSection app={app} />
          <Suspense fallback={<p className="panel">{t('editor.loading')}</p>}>
            <ManifestEditor app={app} initialText={manifest} />
          </Suspense>
          <Inspector />
          <EventTimeline />
        </div>
      </main>
    </AppStoreContext.Provider>
  );
}
