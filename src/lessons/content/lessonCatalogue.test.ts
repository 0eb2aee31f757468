/**
 * The shipped lessons as a set: all valid, in order 1..8, each in real Japanese and English, and every
 * file a step tells the learner to use exists (in the lesson or among the lab's built-in examples).
 */
import { describe, expect, it } from 'vitest';
import { readBuiltinExample } from '../../terminal/examples/builtinExamples.ts';
import type { LocalText } from '../schema/lessonSchema.ts';
import { LESSON_FILES, shippedLessonResults, shippedLessons } from './lessonCatalogue.ts';

/** Every LocalText in a lesson, with where it is. */
function texts(o: unknown, at = ''): [string, LocalText][] {
  if (Array.isArray(o)) return o.flatMap((x, i) => texts(x, `${at}[${i}]`));
  if (o === null || typeof o !== 'object') return [];
  const r = o as Record<string, unknown>;
  if (typeof r.ja === 'string' && typeof r.en === 'string' && Object.keys(r).length === 2)
    return [[at, r as unknown as LocalText]];
  return Object.entries(r).flatMap(([k, v]) => texts(v, at ? `${at}.${k}` : k));
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('shipped lessons', () => {
  it('all validate', () => {
    for (const [file, r] of shippedLessonResults()) expect(r.ok ? [] : r.errors, file).toEqual([]);
  });

  it('are the eight lessons of the issue, in order, with unique ids', () => {
    const lessons = shippedLessons();
    expect(lessons.map((l) => l.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(lessons.map((l) => l.id)).size).toBe(Object.keys(LESSON_FILES).length);
  });

  it('have every text translated: Japanese text is Japanese, and differs from the English', () => {
    for (const l of shippedLessons())
      for (const [where, text] of texts(l)) {
        expect(JAPANESE.test(text.ja), `${l.id} ${where}.ja is not Japanese: ${text.ja}`).toBe(true);
        expect(text.ja, `${l.id} ${where}`).not.toBe(text.en);
        expect(JAPANESE.test(text.en), `${l.id} ${where}.en has Japanese in it: ${text.en}`).toBe(false);
      }
  });

  it('only refer to files the learner has', () => {
    for (const l of shippedLessons())
      for (const line of [
        ...l.setup,
        ...l.steps.flatMap((s) => s.do.flatMap((a) => (a.command ? [a.command] : []))),
      ])
        for (const [, file] of line.matchAll(/-f (\S+\.ya?ml)/g))
          expect(l.files[file] ?? readBuiltinExample(file), `${l.id}: ${line}`).toBeDefined();
  });

  it('make visible the misconceptions they claim (each of learners.md 1-7, 9-12 is covered)', () => {
    const covered = new Set(shippedLessons().flatMap((l) => l.misconceptions));
    for (const n of [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12])
      expect(covered.has(n), `misconception ${n}`).toBe(true);
  });

  it('ask a predict-then-watch question in every lesson, with feedback on each choice', () => {
    for (const l of shippedLessons()) {
      const asked = l.steps.filter((s) => s.predict);
      expect(asked.length, l.id).toBeGreaterThan(0);
      for (const s of asked)
        for (const c of s.predict?.choices ?? []) expect(c.feedback, `${l.id}/${s.id}/${c.id}`).toBeDefined();
    }
  });
});
