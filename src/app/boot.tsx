/**
 * Builds and renders the lab once its code has loaded: reads `?scenario=`, `?seed=` and `?lang=`,
 * creates the cluster, scenario, terminal session and store, sets up translations and renders the App.
 * In dev/test builds, or when the page is opened with `?simapi`, it exposes `window.__simApi`.
 * Loaded with a dynamic import from main.tsx so the first paint does not wait for the simulation,
 * the terminal engine and kubectl.
 */
import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { readBuiltinExample } from '../terminal/examples/builtinExamples.ts';
import { createI18n, detectLanguage } from '../ui/i18n/i18n.ts';
import { App } from './App.tsx';
import { createLab, labOptionsFrom } from './createLab.ts';
import { createSimApi, type SimApi } from './simApi.ts';

declare global {
  interface Window {
    __simApi?: SimApi;
  }
}

/** Creates the lab for the page's URL and renders it into `root`. */
export function boot(root: Root): void {
  const search = window.location.search;
  const lab = createLab(labOptionsFrom(search));
  const lang = detectLanguage(search, navigator.languages ?? [navigator.language]);
  lab.store.getState().setLanguage(lang);
  document.documentElement.lang = lang;
  const i18n = createI18n(lang);
  if (import.meta.env.DEV || import.meta.env.MODE === 'test' || new URLSearchParams(search).has('simapi')) {
    window.__simApi = createSimApi(lab);
  }
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App app={lab} manifest={readBuiltinExample('minimal-sts.yaml') ?? ''} />
      </I18nextProvider>
    </StrictMode>,
  );
}
