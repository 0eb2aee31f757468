/**
 * Builds and renders the lab once its code has loaded: reads the URL (`?scenario=`, `?seed=`, `?lang=`,
 * and the lesson, embedding and sharing parameters of app/embed/embedParams.ts), creates the cluster,
 * terminal session and store — replaying a shared link or this browser's autosave when there is one —
 * sets up translations and renders the App. In dev/test builds, or when the page is opened with
 * `?simapi`, it exposes `window.__simApi`.
 * Loaded with a dynamic import from main.tsx so the first paint does not wait for the simulation,
 * the terminal engine and kubectl.
 */
import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { readBuiltinExample } from '../terminal/examples/builtinExamples.ts';
import { createI18n, detectLanguage } from '../ui/i18n/i18n.ts';
import { preloadTerminalPanel } from '../ui/panels/TerminalSection.tsx';
import type { StorageLike } from './embed/autosave.ts';
import { EmbeddedApp } from './embed/EmbeddedApp.tsx';
import { startLab } from './embed/startLab.ts';
import { createSimApi, type SimApi } from './simApi.ts';

declare global {
  interface Window {
    __simApi?: SimApi;
  }
}

/** This browser's storage, or undefined where it is blocked (sandboxed iframes, privacy settings). */
function browserStorage(): StorageLike | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Creates the lab for the page's URL and renders it into `root`. */
export function boot(root: Root): void {
  const { search, hash } = window.location;
  const lang = detectLanguage(search, navigator.languages ?? [navigator.language]);
  document.documentElement.lang = lang;
  const i18n = createI18n(lang);
  const storage = browserStorage();
  // The terminal's code (xterm) loads while the lab is built, and the first render shows the
  // terminal at once: the page is interactive when the terminal takes keys (TerminalSection.tsx).
  const terminal = preloadTerminalPanel().catch(() => undefined);
  const starting = startLab({ search, hash, storage });
  void Promise.all([starting, terminal]).then(([started]) => {
    const lab = started.lab.app;
    lab.store.getState().setLanguage(lang);
    document.documentElement.classList.toggle('compact', started.params.embed);
    if (import.meta.env.DEV || import.meta.env.MODE === 'test' || new URLSearchParams(search).has('simapi')) {
      window.__simApi = createSimApi(lab);
    }
    root.render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <EmbeddedApp
            started={started}
            i18n={i18n}
            storage={storage}
            manifest={started.params.manifest ?? readBuiltinExample('minimal-sts.yaml') ?? ''}
          />
        </I18nextProvider>
      </StrictMode>,
    );
  });
}
