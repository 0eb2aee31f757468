/**
 * Time controls and the virtual clock: play/pause, speed 1x/5x/20x/60x, step one controller action,
 * +10 s. The clock is a live region so a screen reader hears where time stands when it is asked.
 * Button icons are inline SVG (components/Icon.tsx), not emoji, so they show without an emoji font.
 */
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { clusterTimestamp, formatElapsed } from '../../state/formatTime.ts';
import { SPEEDS } from '../../state/slices/playbackSlice.ts';
import { Icon } from '../components/Icon.tsx';
import { useAppStore } from '../hooks/useAppStore.ts';

/** The playback bar. */
export function PlaybackControls() {
  const { t } = useTranslation();
  const s = useAppStore(
    useShallow((st) => ({
      now: st.now,
      paused: st.paused,
      speed: st.speed,
      lastStep: st.lastStep,
      play: st.play,
      pause: st.pause,
      setSpeed: st.setSpeed,
      stepOnce: st.stepOnce,
      skip: st.skip,
    })),
  );
  return (
    <section className="panel playback" aria-labelledby="playback-title">
      <h2 id="playback-title" className="visually-hidden">
        {t('playback.title')}
      </h2>
      <div className="clock" title={clusterTimestamp(s.now)}>
        <span className="visually-hidden">{t('playback.clock')}: </span>
        <time data-testid="clock" dateTime={clusterTimestamp(s.now)}>
          {formatElapsed(s.now)}
        </time>
      </div>
      <button
        type="button"
        onClick={s.paused ? s.play : s.pause}
        aria-pressed={!s.paused}
        data-testid="play-pause"
      >
        <Icon name={s.paused ? 'play' : 'pause'} /> {s.paused ? t('playback.play') : t('playback.pause')}
      </button>
      <fieldset className="speeds">
        <legend className="visually-hidden">{t('playback.speed')}</legend>
        {SPEEDS.map((sp) => (
          <button key={sp} type="button" aria-pressed={s.speed === sp} onClick={() => s.setSpeed(sp)}>
            {sp}x
          </button>
        ))}
      </fieldset>
      <button type="button" onClick={s.stepOnce} data-testid="step">
        <Icon name="step" /> {t('playback.step')}
      </button>
      <button type="button" onClick={() => s.skip(10_000)} aria-label={t('playback.skipLabel')}>
        {t('playback.skip')}
      </button>
      {s.lastStep && (
        <span className="last-step" aria-live="polite">
          {t('playback.lastStep')}:{' '}
          {s.lastStep.kind === 'idle' ? (
            t('playback.idle')
          ) : (
            <>
              {t(s.lastStep.kind === 'sync' ? 'playback.sync' : 'playback.timer')}{' '}
              {/* the controller or timer and its key: identifiers, as the simulation names them */}
              <code>{s.lastStep.detail}</code>
            </>
          )}
        </span>
      )}
    </section>
  );
}
