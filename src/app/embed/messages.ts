/**
 * The postMessage API between the lab (in an iframe) and the course page around it. Documented for
 * authors in docs/EMBEDDING.md. Pure: parsing what the page sends, and deriving what the lab sends
 * from progress changes.
 *
 * Out (lab -> page), every message `{ source: 'statefulset-lab', type, ... }`:
 *   ready, progress, step-completed, prediction, lesson-completed, state, error.
 * In (page -> lab), every message `{ target: 'statefulset-lab', type, ... }`:
 *   run {command}, answer {choice}, next, restart {step?}, set-language {lang}, set-speed {speed},
 *   play, pause, load-lesson {lesson: text | object}, get-state, reset.
 */
import { z } from 'zod';
import type { LessonProgress } from '../../lessons/runner/lessonRunner.ts';
import type { ProgressChange } from '../../lessons/runner/lessonSession.ts';
import type { Lesson } from '../../lessons/schema/lessonSchema.ts';
import { EMBED_SPEEDS } from './embedParams.ts';

export const MESSAGE_SOURCE = 'statefulset-lab';

/** Where a learner is, as the page receives it. `step` is 0-based; `total` is the number of steps. */
export interface ProgressInfo {
  lesson: string;
  step: number;
  stepId: string | null;
  stepDone: boolean;
  finished: boolean;
  total: number;
}

export type LabEvent =
  | { type: 'ready'; lesson: string | null; lang: string; total: number }
  | ({ type: 'progress' } & ProgressInfo)
  | { type: 'step-completed'; lesson: string; step: number; stepId: string }
  | { type: 'prediction'; lesson: string; stepId: string; choice: string; correct: boolean }
  | { type: 'lesson-completed'; lesson: string }
  | { type: 'state'; link: string; progress: LessonProgress | null }
  | { type: 'error'; message: string };

/** An event as posted: with the source marker a course page filters on. */
export type LabMessage = LabEvent & { source: typeof MESSAGE_SOURCE };

const inbound = z.discriminatedUnion('type', [
  z.strictObject({
    target: z.literal(MESSAGE_SOURCE),
    type: z.literal('run'),
    command: z.string().min(1).max(5000),
  }),
  z.strictObject({
    target: z.literal(MESSAGE_SOURCE),
    type: z.literal('answer'),
    choice: z.string().max(64),
  }),
  z.strictObject({ target: z.literal(MESSAGE_SOURCE), type: z.literal('next') }),
  z.strictObject({
    target: z.literal(MESSAGE_SOURCE),
    type: z.literal('restart'),
    step: z.number().int().min(1).max(1000).optional(),
  }),
  z.strictObject({
    target: z.literal(MESSAGE_SOURCE),
    type: z.literal('set-language'),
    lang: z.enum(['en', 'ja']),
  }),
  z.strictObject({
    target: z.literal(MESSAGE_SOURCE),
    type: z.literal('set-speed'),
    speed: z.union(
      EMBED_SPEEDS.map((s) => z.literal(s)) as [
        z.ZodLiteral<1>,
        z.ZodLiteral<5>,
        z.ZodLiteral<20>,
        z.ZodLiteral<60>,
      ],
    ),
  }),
  z.strictObject({ target: z.literal(MESSAGE_SOURCE), type: z.literal('play') }),
  z.strictObject({ target: z.literal(MESSAGE_SOURCE), type: z.literal('pause') }),
  z.strictObject({
    target: z.literal(MESSAGE_SOURCE),
    type: z.literal('load-lesson'),
    lesson: z.union([z.string().max(400_000), z.record(z.string(), z.unknown())]),
  }),
  z.strictObject({ target: z.literal(MESSAGE_SOURCE), type: z.literal('get-state') }),
  z.strictObject({ target: z.literal(MESSAGE_SOURCE), type: z.literal('reset') }),
]);

export type LabCommand = z.infer<typeof inbound>;

/**
 * Reads a message from the course page. `undefined` for messages not meant for the lab (other
 * libraries share the channel); an error text for a lab message that is malformed.
 */
export function parseCommand(data: unknown): LabCommand | { error: string } | undefined {
  if (data === null || typeof data !== 'object' || (data as { target?: unknown }).target !== MESSAGE_SOURCE)
    return undefined;
  const r = inbound.safeParse(data);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  return { error: `bad message${first.path.length ? ` (${first.path.join('.')})` : ''}: ${first.message}` };
}

/** Where the learner is in `lesson`, for the page. */
export function progressInfo(lesson: Lesson, p: LessonProgress): ProgressInfo {
  const step = Math.min(p.step, lesson.steps.length);
  return {
    lesson: lesson.id,
    step,
    stepId: lesson.steps[step]?.id ?? null,
    stepDone: p.stepDone,
    finished: p.step >= lesson.steps.length || (p.step === lesson.steps.length - 1 && p.stepDone),
    total: lesson.steps.length,
  };
}

/** The events one progress change gives the page, in the order they happened. */
export function eventsFor(lesson: Lesson, { prev, next }: ProgressChange): LabEvent[] {
  const out: LabEvent[] = [];
  for (const s of lesson.steps) {
    const choice = next.answers[s.id];
    if (choice !== undefined && prev.answers[s.id] === undefined)
      out.push({
        type: 'prediction',
        lesson: lesson.id,
        stepId: s.id,
        choice,
        correct: choice === s.predict?.answer,
      });
  }
  // a step completes in place, or the step moved to (next, restart) holds already
  if (next.stepDone && next.step < lesson.steps.length && (next.step !== prev.step || !prev.stepDone))
    out.push({
      type: 'step-completed',
      lesson: lesson.id,
      step: next.step,
      stepId: lesson.steps[next.step].id,
    });
  out.push({ type: 'progress', ...progressInfo(lesson, next) });
  if (next.step >= lesson.steps.length - 1 && next.stepDone && !(prev.step === next.step && prev.stepDone))
    out.push({ type: 'lesson-completed', lesson: lesson.id });
  return out;
}
