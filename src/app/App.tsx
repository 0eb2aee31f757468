/**
 * The app shell: arranges the panels, nothing else. Heavy panels (xterm, CodeMirror) load lazily so
 * the first paint carries only the diagram and the controls.
 * While a lesson is open its panel comes first in the document, so it is what a phone shows first and
 * where keyboard and screen-reader users start; on a wide screen the grid still places it at the top
 * of the right-hand column, beside the diagram (styles/app.css `.layout-lesson`).
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
  /** the lesson panel (or the list of lessons): first in the work column, or first of all when `lessonOpen` */
  lesson?: ReactNode;
  /** true while a lesson is being taken: its panel then comes before everything else */
  lessonOpen?: boolean;
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
  const lesson = show('lesson') ? view?.lesson : undefined;
  // without the cluster column the lesson already comes first in the work column
  const lessonFirst = Boolean(lesson && view?.lessonOpen && clusterColumn);
  return (
    <AppStoreContext.Provider value={app}>
      <Header />
      {view?.bar}
      <main className={lessonFirst ? 'layout layout-lesson' : 'layout'}>
        {lessonFirst && <div className="col col-lesson">{lesson}</div>}
        {clusterColumn && (
          <div className="col col-cluster">
            {show('playback') && <PlaybackControls />}
            {show('diagram') && (
              <section className="panel diagram-panel" aria-labelledby="diagram-title">
                <h2 id="diagram-title">{t('diagram.title')}</h2>
                <p className="legend">{t('diagram.legend')}</p>
                <ClusterDiagram app={app} />
              </section>
            )}
            {show('controls') && <ControlsPanel />}
          </div>
        )}
        <div className="col col-work">
          {!lessonFirst && lesson}
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
