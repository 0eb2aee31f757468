/**
 * The bar above the panels: messages about how the lab started (restored work, a link or lesson that
 * could not be read — each with its technical details folded away), a button that makes a link
 * reproducing the cluster, and a button to start over. Texts from links and lessons are shown as text.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './lessons.css';

/** A message for the learner: a catalogue key, its parameters, and optional technical details. */
export interface LabNotice {
  key: string;
  params?: Record<string, string>;
  details?: string[];
}

export interface LabBarProps {
  notices: readonly LabNotice[];
  /** a URL that reproduces the lab as it is now */
  shareLink(): string;
  /** forgets saved work and starts the lab clean */
  onReset(): void;
}

/** Notices, share and reset. */
export function LabBar({ notices, shareLink, onReset }: LabBarProps) {
  const { t } = useTranslation();
  const [link, setLink] = useState<string | undefined>();
  const [copied, setCopied] = useState(false);
  const [shown, setShown] = useState(notices);
  const share = () => {
    const url = shareLink();
    setLink(url);
    setCopied(false);
    navigator.clipboard?.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="lab-bar" data-testid="lab-bar">
      {shown.map((n, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: notices are fixed once the lab has started
        <div key={i} className="lab-notice" role="status" data-testid="lab-notice" data-notice={n.key}>
          {t(n.key, n.params)}{' '}
          <button type="button" onClick={() => setShown(shown.filter((_, j) => j !== i))}>
            {t('lab.dismiss')}
          </button>
          {n.details && n.details.length > 0 && (
            <details>
              <summary>{t('lesson.details')}</summary>
              {/* technical details (validation errors, decoding errors) are the parsers' English */}
              <ul lang="en">
                {n.details.map((d, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: details are fixed text
                  <li key={j}>
                    <code>{d}</code>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      ))}
      <button type="button" onClick={share} data-testid="share-link">
        {t('lab.share')}
      </button>
      {link !== undefined && (
        <input
          className="lab-share-url"
          readOnly
          value={link}
          aria-label={t('lab.shareLabel')}
          data-testid="share-url"
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
      {copied && <span role="status">{t('lab.shareCopied')}</span>}
      <button type="button" className="danger" onClick={onReset} data-testid="reset-lab">
        {t('lab.reset')}
      </button>
    </div>
  );
}

export interface LessonPickerProps {
  lessons: readonly { id: string; title: { ja: string; en: string } }[];
  /** the page address that opens a lesson */
  hrefFor(id: string): string;
}

/** The list of shipped lessons, as links (shown when no lesson is open). */
export function LessonPicker({ lessons, hrefFor }: LessonPickerProps) {
  const { t, i18n } = useTranslation();
  return (
    <nav className="panel lesson-picker" aria-labelledby="lesson-picker-title">
      <h2 id="lesson-picker-title">{t('lesson.choose')}</h2>
      <p>{t('lesson.chooseHint')}</p>
      <ol>
        {lessons.map((l) => (
          <li key={l.id}>
            <a href={hrefFor(l.id)}>{i18n.language.startsWith('ja') ? l.title.ja : l.title.en}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
