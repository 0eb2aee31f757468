/**
 * The page's translations (i18next + react-i18next), English and Japanese. The language comes from
 * `?lang=` when given, else the browser's preferred language, else English. Terminal output is never
 * translated: it is what the real tools print.
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../state/slices/uiSlice.ts';
import en from './en.json';
import ja from './ja.json';

export const LANGUAGES: readonly Language[] = ['en', 'ja'];

/** The language to show: `?lang=` if supported, else the first supported browser language, else en. */
export function detectLanguage(search: string, browserLanguages: readonly string[]): Language {
  const asked = new URLSearchParams(search).get('lang');
  if (asked && (LANGUAGES as readonly string[]).includes(asked)) return asked as Language;
  for (const l of browserLanguages) {
    const base = l.toLowerCase().split('-')[0];
    if ((LANGUAGES as readonly string[]).includes(base)) return base as Language;
  }
  return 'en';
}

/** Initialises a fresh i18next instance for a language (synchronous: catalogues are bundled). */
export function createI18n(lng: Language): i18n {
  const inst = i18next.createInstance();
  inst.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    resources: { en: { translation: en }, ja: { translation: ja } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return inst;
}
