/**
 * The App with lessons, embedding and sharing around it: the lab bar (notices, share, reset), the
 * lesson panel or the list of lessons, the panels `?panels=` asks for, and the wiring to the course page
 * and to this browser's storage (wireEmbedding.ts) while mounted.
 */
import type { i18n as I18n } from 'i18next';
import { useEffect } from 'react';
import { LESSON_INDEX } from '../../lessons/content/lessonCatalogue.ts';
import type { Language } from '../../state/slices/uiSlice.ts';
import { LabBar, LessonPicker } from '../../ui/lessons/LabBar.tsx';
import { LessonPanel } from '../../ui/lessons/LessonPanel.tsx';
import { App } from '../App.tsx';
import type { StorageLike } from './autosave.ts';
import { showsPanel } from './embedParams.ts';
import type { StartedLab } from './startLab.ts';
import { resetLab, shareLinkFor, wireEmbedding } from './wireEmbedding.ts';

export interface EmbeddedAppProps {
  started: StartedLab;
  i18n: I18n;
  storage?: StorageLike;
  /** the editor's starting text */
  manifest: string;
}

/** Switches every place the language shows: translations, the store, and `<html lang>`. */
export function setPageLanguage(started: StartedLab, i18n: I18n, lang: Language): void {
  started.lab.app.store.getState().setLanguage(lang);
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

/** The page for a started lab. */
export function EmbeddedApp({ started, i18n, storage, manifest }: EmbeddedAppProps) {
  useEffect(
    () => wireEmbedding(started, { storage, setLanguage: (lang) => setPageLanguage(started, i18n, lang) }),
    [started, i18n, storage],
  );
  const { params, session } = started;
  const hrefFor = (id: string) => {
    const q = new URLSearchParams(window.location.search);
    q.set('lesson', id);
    q.delete('lessonData');
    q.delete('step');
    return `?${q}`;
  };
  const lesson = session ? (
    <LessonPanel session={session} />
  ) : params.embed ? undefined : (
    <LessonPicker lessons={LESSON_INDEX} hrefFor={hrefFor} />
  );
  return (
    <App
      app={started.lab.app}
      manifest={manifest}
      view={{
        show: (p) => showsPanel(params, p),
        bar: (
          <LabBar
            notices={started.notices}
            shareLink={() => shareLinkFor(started)}
            onReset={() => resetLab(started, storage)}
          />
        ),
        lesson,
        lessonOpen: session !== undefined,
      }}
    />
  );
}
