/** The terminal's panel frame: heading, busy hint, and the lazily loaded xterm screen. */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStore } from '../../state/createAppStore.ts';
import { useAppStore } from '../hooks/useAppStore.ts';

const TerminalPanel = lazy(() => import('./TerminalPanel.tsx'));

export interface TerminalSectionProps {
  app: AppStore;
}

/** The terminal section (says so plainly when no terminal engine is wired). */
export function TerminalSection({ app }: TerminalSectionProps) {
  const { t } = useTranslation();
  const available = useAppStore((s) => s.terminal.available);
  const busy = useAppStore((s) => s.terminal.busy);
  return (
    <section className="panel terminal-panel" aria-labelledby="terminal-title">
      <h2 id="terminal-title" tabIndex={-1}>
        {t('terminal.title')}
      </h2>
      {!available ? (
        <p>{t('terminal.unavailable')}</p>
      ) : (
        <Suspense fallback={<p>{t('terminal.loading')}</p>}>
          <TerminalPanel app={app} />
        </Suspense>
      )}
      <p className="hint" aria-live="polite">
        {busy ? t('terminal.busy') : t('terminal.keys')}
      </p>
    </section>
  );
}
