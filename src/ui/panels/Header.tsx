/**
 * The page header: title, tagline, a skip link to the terminal and the language switch. It also keeps
 * the document's title (what a screen reader announces for the tab) in the page's language.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../state/slices/uiSlice.ts';
import { useAppStore } from '../hooks/useAppStore.ts';
import { LANGUAGES } from '../i18n/i18n.ts';

/** The header bar. */
export function Header() {
  const { t, i18n } = useTranslation();
  const setLanguage = useAppStore((s) => s.setLanguage);
  const change = (lang: Language) => {
    setLanguage(lang);
    void i18n.changeLanguage(lang);
    document.documentElement.lang = lang;
  };
  const title = t('app.title');
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <header className="header">
      <a className="skip-link" href="#terminal-title">
        {t('app.skip')}
      </a>
      <h1>{t('app.title')}</h1>
      <p className="tagline">{t('app.tagline')}</p>
      <label className="lang">
        {t('app.language')}{' '}
        <select value={i18n.language} onChange={(e) => change(e.target.value as Language)}>
          {LANGUAGES.map((l) => (
            // each language named in itself, and marked so a screen reader pronounces it so
            <option key={l} value={l} lang={l}>
              {l === 'en' ? 'English' : '日本語'}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
