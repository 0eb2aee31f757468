/**
 * The browser side of a started lab: evaluates the lesson whenever the page's state changes, posts
 * progress events to the course page around the iframe, obeys the commands it sends (messages.ts),
 * autosaves to this browser's storage, and builds share links. The only module here that touches
 * window, location and timers.
 */

import { parseLesson, validateLesson } from '../../lessons/schema/parseLesson.ts';
import type { Language } from '../../state/slices/uiSlice.ts';
import { clearLab, type StorageLike, saveLab } from './autosave.ts';
import { eventsFor, type LabEvent, MESSAGE_SOURCE, parseCommand, progressInfo } from './messages.ts';
import { encodeShareState, encodeText } from './shareState.ts';
import type { StartedLab } from './startLab.ts';

export interface EmbedHooks {
  /** switches the page's language (i18n, store, <html lang>) */
  setLanguage(lang: Language): void;
  storage?: StorageLike;
}

/** How often (real ms) the lab saves at most while the learner works. */
const SAVE_EVERY_MS = 1000;

/** The address that reproduces the lab now: this page's URL with the lab in the fragment. */
export function shareLinkFor(started: StartedLab, loc: Location = window.location): string {
  return `${loc.origin}${loc.pathname}${loc.search}#lab=${encodeShareState(started.shareState())}`;
}

/** Set while the page reloads for a reset: nothing may be saved on the way out. */
let resetting = false;

/** Forgets saved work and reloads the page without a shared lab in it. */
export function resetLab(started: StartedLab, storage: StorageLike | undefined): void {
  resetting = true;
  if (storage) clearLab(storage, started.saveKey);
  const { pathname, search } = window.location;
  // reloading must not restore again: drop the fragment
  window.history.replaceState(null, '', `${pathname}${search}`);
  window.location.reload();
}

/**
 * Scrolls this page (only this document, never the course page around it) so the terminal shows.
 * A command the course page runs should be seen where it ran; and xterm.js draws nothing while its
 * screen is outside the viewport (its renderer pauses on an IntersectionObserver), so a terminal
 * scrolled away would show the command only once the learner scrolled to it.
 */
function revealTerminal(): void {
  const panel = document.querySelector('.terminal-panel');
  if (!panel) return;
  const box = panel.getBoundingClientRect();
  if (box.top >= 0 && box.bottom <= window.innerHeight) return;
  // window.scrollTo, not element.scrollIntoView: the latter also scrolls the embedding page
  window.scrollTo({ top: Math.max(0, window.scrollY + box.top), behavior: 'instant' });
}

/** Connects a started lab to the page around it. Returns a function that disconnects. */
export function wireEmbedding(started: StartedLab, hooks: EmbedHooks): () => void {
  const { lab, session, lesson, params } = started;
  const store = lab.app.store;
  const parent = window.parent !== window ? window.parent : undefined;
  const post = (e: LabEvent) =>
    parent?.postMessage({ source: MESSAGE_SOURCE, ...e }, params.parentOrigin ?? '*');
  const cleanups: (() => void)[] = [];

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const saveNow = () => {
    saveTimer = undefined;
    if (!resetting && params.autosave && hooks.storage)
      saveLab(hooks.storage, started.saveKey, started.shareState());
  };
  const saveSoon = () => {
    saveTimer ??= setTimeout(saveNow, SAVE_EVERY_MS);
  };
  cleanups.push(lab.recorder.onAction(saveSoon));
  const onHide = () => saveNow();
  window.addEventListener('pagehide', onHide);
  cleanups.push(() => window.removeEventListener('pagehide', onHide));

  if (session && lesson) {
    cleanups.push(
      session.subscribe((change) => {
        for (const e of eventsFor(lesson, change)) post(e);
        saveSoon();
      }),
    );
    // the cluster, the clock or the terminal changed: the step's goal may hold now
    cleanups.push(store.subscribe(() => session.evaluate()));
    session.evaluate();
  }

  const onMessage = (ev: MessageEvent) => {
    if (!parent || ev.source !== parent) return;
    if (params.parentOrigin && ev.origin !== params.parentOrigin) return;
    const cmd = parseCommand(ev.data);
    if (cmd === undefined) return;
    if ('error' in cmd) return post({ type: 'error', message: cmd.error });
    const s = store.getState();
    switch (cmd.type) {
      case 'run':
        if (!s.submitCommand(cmd.command)) post({ type: 'error', message: 'the terminal is busy' });
        else revealTerminal();
        break;
      case 'answer':
        session?.answer(cmd.choice);
        break;
      case 'next':
        session?.next();
        break;
      case 'restart':
        session?.restart((cmd.step ?? 1) - 1);
        break;
      case 'set-language':
        hooks.setLanguage(cmd.lang);
        break;
      case 'set-speed':
        s.setSpeed(cmd.speed);
        break;
      case 'play':
        s.play();
        break;
      case 'pause':
        s.pause();
        break;
      case 'get-state':
        post({ type: 'state', link: shareLinkFor(started), progress: session?.progress() ?? null });
        break;
      case 'reset':
        resetLab(started, hooks.storage);
        break;
      case 'load-lesson': {
        const r = typeof cmd.lesson === 'string' ? parseLesson(cmd.lesson) : validateLesson(cmd.lesson);
        if (!r.ok) return post({ type: 'error', message: `the lesson is not valid: ${r.errors.join('; ')}` });
        const q = new URLSearchParams(window.location.search);
        q.delete('lesson');
        q.delete('step');
        q.set(
          'lessonData',
          encodeText(typeof cmd.lesson === 'string' ? cmd.lesson : JSON.stringify(cmd.lesson)),
        );
        window.location.assign(`${window.location.pathname}?${q}`);
        break;
      }
    }
  };
  window.addEventListener('message', onMessage);
  cleanups.push(() => window.removeEventListener('message', onMessage));

  post({
    type: 'ready',
    lesson: lesson?.id ?? null,
    lang: store.getState().language,
    total: lesson?.steps.length ?? 0,
  });
  if (session && lesson) post({ type: 'progress', ...progressInfo(lesson, session.progress()) });

  return () => {
    if (saveTimer) clearTimeout(saveTimer);
    for (const c of cleanups) c();
  };
}
