/**
 * The shipped lessons as a set: all valid, in order 1..n, each in real Japanese and English, and every
 * file a step tells the learner to use exists (in the lesson or among the lab's built-in examples).
 * The static index the page lists lessons from names every lesson file in this folder and agrees with
 * each, and opening a lesson parses that lesson alone.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { readBuiltinExample } from '../../terminal/examples/builtinExamples.ts';
import type { LocalText } from '../schema/lessonSchema.ts';
import { parseLesson } from '../schema/parseLesson.ts';
import {
  LESSON_FILES,
  LESSON_INDEX,
  loadShippedLesson,
  shippedLessonResult,
  shippedLessonResults,
  shippedLessons,
} from './lessonCatalogue.ts';

/** How many times the catalogue has called the lesson parser (it is wrapped, not replaced). */
const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock('../schema/parseLesson.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../schema/parseLesson.ts')>();
  return {
    ...real,
    parseLesson: (text: string) => {
      parses.count++;
      return real.parseLesson(text);
    },
  };
});

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

  it('are the lessons of the issue (at least eight), numbered 1..n in order, with unique ids', () => {
    const lessons = shippedLessons();
    expect(lessons.length).toBeGreaterThanOrEqual(8);
    expect(lessons.map((l) => l.order)).toEqual(lessons.map((_, i) => i + 1));
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

describe('the lesson index (what the page lists without parsing)', () => {
  const folder = readdirSync(new URL('.', import.meta.url))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();

  it('names every lesson file in this folder, once, and the bundle has them all', () => {
    expect(folder.length).toBeGreaterThan(0);
    expect(LESSON_INDEX.map((e) => e.file).sort()).toEqual(folder);
    expect(Object.keys(LESSON_FILES)).toEqual(folder);
  });

  it("agrees with each file's own id, order and title, in lesson order", () => {
    for (const entry of LESSON_INDEX) {
      const r = shippedLessonResult(entry.file);
      if (!r?.ok) throw new Error(`${entry.file}: ${r ? r.errors.join('; ') : 'missing'}`);
      expect(entry, entry.file).toEqual({
        id: r.lesson.id,
        file: entry.file,
        order: r.lesson.order,
        title: r.lesson.title,
      });
    }
    expect(LESSON_INDEX.map((e) => e.order)).toEqual(shippedLessons().map((l) => l.order));
  });

  it("opens a lesson by parsing that lesson alone, once, with the parser's own result", async () => {
    vi.resetModules();
    const before = parses.count;
    const fresh = await import('./lessonCatalogue.ts');
    expect(fresh.LESSON_INDEX.length).toBe(folder.length);
    expect(parses.count).toBe(before);
    const [, second] = fresh.LESSON_INDEX;
    const opened = fresh.loadShippedLesson(second.id);
    expect(parses.count).toBe(before + 1);
    expect(opened).toEqual(parseLesson(LESSON_FILES[second.file]));
    expect(fresh.loadShippedLesson(second.id)).toBe(opened);
    expect(fresh.loadShippedLesson('no-such-lesson')).toBeUndefined();
    // the comparison above parsed once more itself; the catalogue did not parse again
    expect(parses.count).toBe(before + 2);
    expect(loadShippedLesson(second.id)).toEqual(opened);
  });
});
