/**
 * The lesson runner: tracks a learner's progress through a lesson from the cluster's state. Pure: each
 * function takes the lesson, the progress so far and (where needed) the cluster state, and returns new
 * progress; nothing is mutated. The page calls `evaluateStep` after every change it shows; the headless
 * solution runner calls `autoAdvance` after every command.
 *
 * The loop it enforces is predict -> act -> watch -> explain: a step with a question cannot complete
 * until the learner answered it; when its check holds the step is complete and its explanation is
 * shown; the learner moves on with `nextStep`, which remembers the new step's values (e.g. a pod's uid
 * before it is deleted) and evaluates it at once against the same state.
 */
import type { ClusterState } from '../../core/simulation/clusterState.ts';
import { evaluateCheck, findObject } from '../checks/evaluateCheck.ts';
import { getField } from '../checks/fieldPath.ts';
import type { Lesson, LessonStep } from '../schema/lessonSchema.ts';

/** Where a learner is in a lesson; plain JSON (saved with the lab and put in share links). */
export interface LessonProgress {
  lessonId: string;
  /** index of the current step; equals the number of steps once the lesson is finished */
  step: number;
  /** true once the current step's check held (its explanation is shown) */
  stepDone: boolean;
  /** step id -> the choice the learner predicted */
  answers: Record<string, string>;
  /** values remembered by steps, by name */
  vars: Record<string, unknown>;
}

/** The current step, or undefined once the lesson is finished. */
export function currentStep(lesson: Lesson, p: LessonProgress): LessonStep | undefined {
  return lesson.steps[p.step];
}

/** True when every step is complete. */
export function isFinished(lesson: Lesson, p: LessonProgress): boolean {
  return p.step >= lesson.steps.length;
}

/** True when the current step still waits for the learner's prediction. */
export function needsAnswer(lesson: Lesson, p: LessonProgress): boolean {
  const s = currentStep(lesson, p);
  return s?.predict !== undefined && p.answers[s.id] === undefined;
}

function remember(step: LessonStep | undefined, vars: Record<string, unknown>, state: ClusterState) {
  const out = { ...vars };
  for (const r of step?.remember ?? []) {
    if (r.minikube !== undefined) out[r.as] = getField(state.minikube, r.minikube);
    else if (r.kind && r.name && r.path) {
      const obj = findObject(state, { kind: r.kind, name: r.name, namespace: r.namespace });
      out[r.as] = obj === undefined ? null : (getField(obj, r.path) ?? null);
    }
  }
  return out;
}

/** Progress at the first step (or at `stepIndex`, for a course page that starts later), evaluated. */
export function startLesson(lesson: Lesson, state: ClusterState, stepIndex = 0): LessonProgress {
  const step = Math.max(0, Math.min(Math.trunc(stepIndex) || 0, lesson.steps.length - 1));
  const p: LessonProgress = { lessonId: lesson.id, step, stepDone: false, answers: {}, vars: {} };
  return evaluateStep(lesson, { ...p, vars: remember(lesson.steps[step], {}, state) }, state);
}

/** Records the learner's prediction for the current step (once; later answers are ignored). */
export function answerPrediction(lesson: Lesson, p: LessonProgress, choiceId: string): LessonProgress {
  const s = currentStep(lesson, p);
  if (!s?.predict || p.answers[s.id] !== undefined) return p;
  if (!s.predict.choices.some((c) => c.id === choiceId)) return p;
  return { ...p, answers: { ...p.answers, [s.id]: choiceId } };
}

/** Marks the current step complete when its question is answered and its check holds in `state`. */
export function evaluateStep(lesson: Lesson, p: LessonProgress, state: ClusterState): LessonProgress {
  const s = currentStep(lesson, p);
  if (!s || p.stepDone || needsAnswer(lesson, p)) return p;
  return evaluateCheck(s.check, state, p.vars) ? { ...p, stepDone: true } : p;
}

/** Moves past a complete step: remembers the next step's values and evaluates it. */
export function nextStep(lesson: Lesson, p: LessonProgress, state: ClusterState): LessonProgress {
  if (!p.stepDone || isFinished(lesson, p)) return p;
  const step = p.step + 1;
  const moved: LessonProgress = {
    ...p,
    step,
    stepDone: false,
    vars: remember(lesson.steps[step], p.vars, state),
  };
  return evaluateStep(lesson, moved, state);
}

/**
 * Headless driving: evaluates, and while the current step is complete moves on. `answer` picks the
 * prediction for a step that asks one (the solution runner answers with the lesson's own answer).
 */
export function autoAdvance(
  lesson: Lesson,
  p: LessonProgress,
  state: ClusterState,
  answer: (step: LessonStep) => string | undefined = () => undefined,
): LessonProgress {
  let cur = p;
  for (;;) {
    const s = currentStep(lesson, cur);
    if (!s) return cur;
    if (needsAnswer(lesson, cur)) {
      const choice = answer(s);
      if (choice !== undefined) cur = answerPrediction(lesson, cur, choice);
    }
    cur = evaluateStep(lesson, cur, state);
    if (!cur.stepDone) return cur;
    cur = nextStep(lesson, cur, state);
  }
}

/**
 * Checks progress read from storage or a link against the lesson. Returns it as a clean copy, or
 * undefined when it does not belong to this lesson or is malformed (the caller starts afresh).
 */
export function restoreProgress(lesson: Lesson, data: unknown): LessonProgress | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const d = data as Record<string, unknown>;
  if (d.lessonId !== lesson.id) return undefined;
  if (typeof d.step !== 'number' || !Number.isInteger(d.step) || d.step < 0 || d.step > lesson.steps.length)
    return undefined;
  if (typeof d.stepDone !== 'boolean') return undefined;
  const answers: Record<string, string> = {};
  if (d.answers !== null && typeof d.answers === 'object') {
    for (const s of lesson.steps) {
      const a = (d.answers as Record<string, unknown>)[s.id];
      if (typeof a === 'string' && s.predict?.choices.some((c) => c.id === a)) answers[s.id] = a;
    }
  }
  const vars: Record<string, unknown> = {};
  if (d.vars !== null && typeof d.vars === 'object' && !Array.isArray(d.vars)) {
    for (const [k, v] of Object.entries(d.vars as Record<string, unknown>))
      if (
        /^[A-Za-z][A-Za-z0-9_]*$/.test(k) &&
        (v === null || ['string', 'number', 'boolean'].includes(typeof v))
      )
        vars[k] = v;
  }
  return {
    lessonId: lesson.id,
    step: d.step,
    stepDone: d.stepDone && d.step < lesson.steps.length,
    answers,
    vars,
  };
}
