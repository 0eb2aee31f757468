/**
 * The event timeline: what the controllers decided (sim.state.decisions), what they wait for now, and
 * the cluster's Events, newest first, each stamped with its virtual time. It answers "why did that
 * happen?" in the controller's own words. Those words, like kubectl's Events, are English on every
 * page (marked `lang="en"` so a screen reader pronounces them as English); the frame around them is
 * translated.
 */
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { formatElapsed, virtualMsOf } from '../../state/formatTime.ts';
import { Icon } from '../components/Icon.tsx';
import { useAppStore } from '../hooks/useAppStore.ts';

/** How many entries the timeline lists (the newest). */
const SHOWN = 80;

interface Entry {
  at: number;
  key: string;
  kind: 'decision' | 'event';
  text: string;
  warning: boolean;
}

/** The timeline panel. */
export function EventTimeline() {
  const { t } = useTranslation();
  const { decisions, events, waiting } = useAppStore(
    useShallow((s) => ({
      decisions: s.cluster.decisions,
      events: s.cluster.events,
      waiting: s.cluster.waiting,
    })),
  );
  const entries: Entry[] = [
    ...decisions.map((d, i) => ({
      at: d.at,
      key: `d${i}-${d.at}`,
      kind: 'decision' as const,
      text: `${d.controller} ${d.action} ${d.object}: ${d.message}`,
      warning: false,
    })),
    ...events.map((e) => ({
      at: virtualMsOf(e.lastTimestamp),
      key: e.metadata.uid,
      kind: 'event' as const,
      text: `${e.type} ${e.reason} ${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}: ${e.message}${
        e.count > 1 ? ` (x${e.count})` : ''
      }`,
      warning: e.type === 'Warning',
    })),
  ]
    .sort((a, b) => b.at - a.at)
    .slice(0, SHOWN);
  return (
    <section className="panel timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      {waiting.length > 0 && (
        <ul className="waiting" aria-label={t('timeline.waiting')}>
          {waiting.map((w) => (
            <li key={w.key}>
              <Icon name="wait" /> <span lang="en">{`${w.object}: ${w.message}`}</span>
            </li>
          ))}
        </ul>
      )}
      {entries.length === 0 ? (
        <p>{t('timeline.empty')}</p>
      ) : (
        <ol
          className="entries"
          data-testid="timeline"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling list must be reachable by keyboard (axe scrollable-region-focusable)
          tabIndex={0}
          aria-labelledby="timeline-title"
        >
          {entries.map((e) => (
            <li key={e.key} className={`entry entry-${e.kind}${e.warning ? ' warning' : ''}`}>
              <time>{formatElapsed(e.at)}</time>{' '}
              <span className="tag">
                {e.kind === 'decision' ? t('timeline.decisions') : t('timeline.events')}
              </span>{' '}
              <span lang="en">{e.text}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
