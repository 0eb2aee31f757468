/**
 * The CI proof that every shipped lesson can be completed: each lesson's solution script
 * (src/lessons/solutions/<file>.sh, the lines a learner would type) runs through the headless terminal
 * runner, and every step of the lesson must complete, in the lesson's order.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LESSON_FILES, shippedLessonResults } from '../content/lessonCatalogue.ts';
import { runSolution, solutionLines } from './runSolution.ts';

const solutionFor = (file: string) =>
  readFileSync(new URL(`../solutions/${file.replace(/\.yaml$/, '.sh')}`, import.meta.url), 'utf8');

describe('shipped lessons are completed by their solution scripts', () => {
  for (const file of Object.keys(LESSON_FILES)) {
    it(`${file}: every step completes, in order`, async () => {
      const result = shippedLessonResults().get(file);
      if (!result?.ok) throw new Error(`${file} does not validate: ${result?.errors.join('; ')}`);
      const lesson = result.lesson;
      const run = await runSolution(lesson, solutionLines(solutionFor(file)));
      const done = run.completed.map((c) => c.stepId);
      if (!run.finished) {
        const stuck = lesson.steps[run.progress?.step ?? 0]?.id;
        throw new Error(
          `stuck at step "${stuck}" after completing [${done.join(', ')}]\n--- screen ---\n${run.screen}`,
        );
      }
      expect(done).toEqual(lesson.steps.map((s) => s.id));
    }, 120_000);
  }
});
