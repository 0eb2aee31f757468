/**
 * The shape of a lesson file (YAML or JSON) that course authors write, as a zod schema. A lesson has
 * an id, a title and summary, optional files the learner can use (`kubectl apply -f NAME`), optional
 * setup lines typed before the learner begins, and steps. Each step has text in Japanese and English,
 * what to do (commands to type or a click to make), an optional predict-then-watch question, a check
 * on the cluster's state, hints, and an explanation shown once the check holds. Every piece of text
 * has both languages: a lesson with one missing is rejected, so no learner meets an untranslated step.
 */
import { z } from 'zod';
import { type Check, checkSchema, type ObjectRef, varsUsedBy } from './checkSchema.ts';

/** Text in both of the lab's languages. */
export interface LocalText {
  ja: string;
  en: string;
}

export interface Choice {
  id: string;
  text: LocalText;
  /** shown after the learner picks this choice */
  feedback?: LocalText;
}

/** A predict-then-watch question: asked before the step can complete. */
export interface Predict {
  question: LocalText;
  choices: Choice[];
  /** the id of the right choice */
  answer: string;
}

/** One thing to do: a command to type, or a click in the lab (described in words). */
export interface Action {
  command?: string;
  click?: LocalText;
}

/**
 * A value to remember when the step becomes current (before the learner acts), for later checks:
 * a field of an object (`kind` + `name` + `path`) or of the minikube profile (`minikube: path`).
 */
export interface Remember extends Partial<ObjectRef> {
  as: string;
  path?: string;
  minikube?: string;
}

export interface LessonStep {
  id: string;
  title: LocalText;
  text: LocalText;
  do: Action[];
  predict?: Predict;
  remember?: Remember[];
  check: Check;
  hints: LocalText[];
  explain: LocalText;
}

export interface Lesson {
  id: string;
  /** position in the lab's list of lessons */
  order: number;
  title: LocalText;
  summary: LocalText;
  /** the learners.md misconceptions (1–12) the lesson makes visible */
  misconceptions: number[];
  /** files the learner can refer to by name (`kubectl apply -f NAME`, `cat NAME`) */
  files: Record<string, string>;
  /** lines typed at the start (visible in the terminal) to reach the lesson's starting point */
  setup: string[];
  steps: LessonStep[];
}

/** Limits that keep a hostile lesson from freezing the page. */
export const LESSON_LIMITS = { steps: 60, text: 6000, files: 10, fileSize: 50_000, setup: 40 } as const;

const text = (max: number = LESSON_LIMITS.text) =>
  z.string().trim().min(1, 'must not be empty').max(max, `is longer than ${max} characters`);
const localText = z.strictObject({ ja: text(), en: text() });
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and "-"');
const commandLine = z
  .string()
  .min(1)
  .max(2000)
  .refine((s) => !s.includes('\n'), 'must be one line');

const action = z
  .strictObject({ command: commandLine.optional(), click: localText.optional() })
  .refine((a) => (a.command === undefined) !== (a.click === undefined), {
    message: 'an action has exactly one of: command, click',
  });

const predict = z.strictObject({
  question: localText,
  choices: z
    .array(z.strictObject({ id, text: localText, feedback: localText.optional() }))
    .min(2, 'needs at least two choices')
    .max(6),
  answer: id,
});

const remember = z
  .strictObject({
    as: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be a plain name'),
    kind: z.string().optional(),
    name: z.string().optional(),
    namespace: z.string().optional(),
    path: z.string().optional(),
    minikube: z.string().optional(),
  })
  .refine(
    (r) => (r.minikube !== undefined ? !r.kind && !r.name && !r.path : !!(r.kind && r.name && r.path)),
    {
      message: 'remember either `minikube: PATH`, or `kind`, `name` and `path` of an object',
    },
  );

const step = z.strictObject({
  id,
  title: localText,
  text: localText,
  do: z.array(action).max(20).default([]),
  predict: predict.optional(),
  remember: z.array(remember).max(10).optional(),
  check: checkSchema,
  hints: z.array(localText).max(10).default([]),
  explain: localText,
});

/** The zod schema of a whole lesson, with the cross-field rules (unique ids, known answers, vars). */
export const lessonSchema: z.ZodType<Lesson, unknown> = z
  .strictObject({
    id,
    order: z.number().int().min(0).max(999),
    title: localText,
    summary: localText,
    misconceptions: z.array(z.number().int().min(1).max(12)).default([]),
    files: z
      .record(
        z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'file names are plain names'),
        text(LESSON_LIMITS.fileSize),
      )
      .refine((f) => Object.keys(f).length <= LESSON_LIMITS.files, `at most ${LESSON_LIMITS.files} files`)
      .default({}),
    setup: z.array(commandLine).max(LESSON_LIMITS.setup).default([]),
    steps: z.array(step).min(1, 'a lesson needs at least one step').max(LESSON_LIMITS.steps),
  })
  .superRefine((lesson, ctx) => {
    const seen = new Set<string>();
    const known = new Set<string>();
    lesson.steps.forEach((s, i) => {
      if (seen.has(s.id))
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `"${s.id}" is used twice` });
      seen.add(s.id);
      if (s.predict) {
        const ids = s.predict.choices.map((c) => c.id);
        if (!ids.includes(s.predict.answer))
          ctx.addIssue({
            code: 'custom',
            path: ['steps', i, 'predict', 'answer'],
            message: `"${s.predict.answer}" is not one of the choices (${ids.join(', ')})`,
          });
        if (new Set(ids).size !== ids.length)
          ctx.addIssue({
            code: 'custom',
            path: ['steps', i, 'predict', 'choices'],
            message: 'choice ids repeat',
          });
      }
      for (const r of s.remember ?? []) known.add(r.as);
      for (const v of varsUsedBy(s.check))
        if (!known.has(v))
          ctx.addIssue({
            code: 'custom',
            path: ['steps', i, 'check'],
            message: `uses {var: ${v}}, which no step up to this one remembers`,
          });
    });
  }) as z.ZodType<Lesson, unknown>;
