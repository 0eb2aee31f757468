/**
 * A lesson being taken: the lesson, the learner's progress, and the few actions a page offers
 * (answer, next, evaluate against the cluster now, restart). A thin observable around the pure runner
 * (lessonRunner.ts) so the page's panel and the embedding API share one source of truth. No DOM, no
 * timers: the page calls `evaluate()` whenever the cluster it shows has changed.
 */
import type { ClusterState } from '../../core/simulation/clusterState.ts';
import type { Lesson } from '../schema/lessonSchema.ts';
import {
  answerPrediction,
  evaluateStep,
  type LessonProgress,
  nextStep,
  restoreProgress,
  startLesson,
} from './lessonRunner.ts';

/** A change of progress, with the progress before it (listeners derive events from the pair). */
export interface ProgressChange {
  prev: LessonProgress;
  next: LessonProgress;
}

export interface LessonSession {
  readonly lesson: Lesson;
  /** the progress now (a new object after every change; never mutated) */
  progress(): LessonProgress;
  /** Re-evaluates the current step against the cluster as it is now. */
  evaluate(): void;
  /** Records the learner's prediction for the current step, then re-evaluates. */
  answer(choiceId: string): void;
  /** Moves past a completed step. */
  next(): void;
  /** Starts the lesson over from `step` (default 0) on the cluster as it is now. */
  restart(step?: number): void;
  /** Calls `cb` after each change; returns unsubscribe. */
  subscribe(cb: (change: ProgressChange) => void): () => void;
}

/**
 * Creates a session on a cluster read through `getState` (the page's cluster may be replaced, e.g.
 * by `minikube delete`). `saved` progress is used when it fits the lesson, else the lesson starts at
 * `startStep`.
 */
export function createLessonSession(
  lesson: Lesson,
  getState: () => ClusterState,
  opts: { saved?: unknown; startStep?: number } = {},
): LessonSession {
  let progress = restoreProgress(lesson, opts.saved) ?? startLesson(lesson, getState(), opts.startStep ?? 0);
  const listeners = new Set<(c: ProgressChange) => void>();
  const set = (next: LessonProgress) => {
    if (next === progress) return;
    const prev = progress;
    progress = next;
    for (const cb of listeners) cb({ prev, next });
  };
  return {
    lesson,
    progress: () => progress,
    evaluate: () => set(evaluateStep(lesson, progress, getState())),
    answer: (choiceId) => set(evaluateStep(lesson, answerPrediction(lesson, progress, choiceId), getState())),
    next: () => set(nextStep(lesson, progress, getState())),
    restart: (step = 0) => set(startLesson(lesson, getState(), step)),
    subscribe: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
}
