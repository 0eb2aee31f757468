/**
 * The lesson panel: the current step's text, its predict-then-watch question, what to do (commands
 * the learner can type, or have typed for them, and clicks described in words), hints on request,
 * and — once the cluster reaches the step's goal — what happened and a button to go on. Progress
 * comes from a LessonSession (src/lessons/runner/lessonSession.ts), which the app evaluates against the
 * cluster; this panel only shows it and forwards the learner's answers and clicks.
 */
import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { currentStep, isFinished, needsAnswer } from '../../lessons/runner/lessonRunner.ts';
import type { LessonSession } from '../../lessons/runner/lessonSession.ts';
import type { LessonStep } from '../../lessons/schema/lessonSchema.ts';
import { useAppStore } from '../hooks/useAppStore.ts';
import { InlineText, LessonText, pick } from './LessonText.tsx';
import './lessons.css';

export interface LessonPanelProps {
  session: LessonSession;
}

/** The panel for a lesson being taken. */
export function LessonPanel({ session }: LessonPanelProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const progress = useSyncExternalStore(session.subscribe, session.progress);
  const lesson = session.lesson;
  const step = currentStep(lesson, progress);
  const finished = isFinished(lesson, progress);
  const n = Math.min(progress.step + 1, lesson.steps.length);
  return (
    <section className="panel lesson-panel" aria-labelledby="lesson-title" data-testid="lesson-panel">
      <h2 id="lesson-title">
        {t('lesson.title')}: {pick(lesson.title, lang)}
      </h2>
      <p className="lesson-progress" data-testid="lesson-progress">
        {t('lesson.stepOf', { n, total: lesson.steps.length })}
      </p>
      <progress
        max={lesson.steps.length}
        value={progress.step + (progress.stepDone ? 1 : 0)}
        aria-hidden="true"
      />
      {finished || !step ? (
        <div role="status" data-testid="lesson-finished">
          <p className="lesson-done">{t('lesson.finished')}</p>
          <button type="button" onClick={() => session.restart()}>
            {t('lesson.restart')}
          </button>
        </div>
      ) : (
        <StepView
          key={step.id}
          step={step}
          lang={lang}
          answer={progress.answers[step.id]}
          asking={needsAnswer(lesson, progress)}
          done={progress.stepDone}
          last={progress.step === lesson.steps.length - 1}
          session={session}
        />
      )}
    </section>
  );
}

interface StepViewProps {
  step: LessonStep;
  lang: string;
  answer: string | undefined;
  asking: boolean;
  done: boolean;
  last: boolean;
  session: LessonSession;
}

function StepView({ step, lang, answer, asking, done, last, session }: StepViewProps) {
  const { t } = useTranslation();
  const submit = useAppStore((s) => s.submitCommand);
  const busy = useAppStore((s) => s.terminal.busy);
  const [hints, setHints] = useState(0);
  const chosen = step.predict?.choices.find((c) => c.id === answer);
  return (
    <div className="lesson-step" data-testid="lesson-step" data-step={step.id} data-done={done}>
      <h3>{pick(step.title, lang)}</h3>
      <LessonText text={step.text} lang={lang} />
      {step.predict && (
        <fieldset className="lesson-predict" data-testid="lesson-predict">
          <legend>
            {t('lesson.predict')}: {pick(step.predict.question, lang)}
          </legend>
          {asking && <p className="hint">{t('lesson.predictHint')}</p>}
          <div className="lesson-choices">
            {step.predict.choices.map((c) => (
              <button
                key={c.id}
                type="button"
                aria-pressed={answer === c.id}
                disabled={!asking}
                data-choice={c.id}
                onClick={() => session.answer(c.id)}
              >
                {pick(c.text, lang)}
              </button>
            ))}
          </div>
          {chosen && (
            <p role="status" className={chosen.id === step.predict.answer ? 'lesson-right' : 'lesson-wrong'}>
              {chosen.id === step.predict.answer ? t('lesson.right') : t('lesson.wrong')}{' '}
              {chosen.feedback && <InlineText text={pick(chosen.feedback, lang)} />}
            </p>
          )}
        </fieldset>
      )}
      {!asking && step.do.length > 0 && (
        <div className="lesson-do">
          <h4>{t('lesson.do')}</h4>
          <ol>
            {step.do.map((a, i) =>
              a.command !== undefined ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: a step's actions are fixed data
                <li key={i}>
                  <code>{a.command}</code>{' '}
                  <button
                    type="button"
                    className="lesson-type"
                    disabled={busy}
                    aria-label={t('lesson.typeItLabel', { command: a.command })}
                    onClick={() => submit(a.command as string)}
                  >
                    {t('lesson.typeIt')}
                  </button>
                </li>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: a step's actions are fixed data
                <li key={i}>
                  {t('lesson.click')}: <InlineText text={a.click ? pick(a.click, lang) : ''} />
                </li>
              ),
            )}
          </ol>
        </div>
      )}
      {!done ? (
        <>
          <p className="hint" aria-live="polite">
            {t('lesson.watching')}
          </p>
          {step.hints.slice(0, hints).map((h, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: hints are fixed data, shown in order
            <p key={i} className="lesson-hint">
              {t('lesson.hintN', { n: i + 1 })}: <InlineText text={pick(h, lang)} />
            </p>
          ))}
          {hints < step.hints.length && (
            <button type="button" onClick={() => setHints(hints + 1)} data-testid="lesson-hint">
              {t('lesson.hint')}
            </button>
          )}
        </>
      ) : (
        <div className="lesson-explain" role="status" data-testid="lesson-explain">
          <h4>
            ✓ {t('lesson.done')} — {t('lesson.explain')}
          </h4>
          <LessonText text={step.explain} lang={lang} />
          <button
            type="button"
            className="lesson-next"
            onClick={() => session.next()}
            data-testid="lesson-next"
          >
            {last ? t('lesson.finish') : t('lesson.next')}
          </button>
        </div>
      )}
    </div>
  );
}
