/** The postMessage API: commands parsed (others ignored, malformed explained) and progress events derived in order. */
import { describe, expect, it } from 'vitest';
import type { LessonProgress } from '../../lessons/runner/lessonRunner.ts';
import { validateLesson } from '../../lessons/schema/parseLesson.ts';
import { eventsFor, MESSAGE_SOURCE, parseCommand, progressInfo } from './messages.ts';

const t = (en: string) => ({ en, ja: `${en}（日本語）` });
const r = validateLesson({
  id: 'demo',
  order: 1,
  title: t('Demo'),
  summary: t('Demo'),
  steps: ['one', 'two'].map((id) => ({
    id,
    title: t(id),
    text: t(id),
    predict: {
      question: t('?'),
      choices: [
        { id: 'a', text: t('A') },
        { id: 'b', text: t('B') },
      ],
      answer: 'a',
    },
    check: { exists: { kind: 'Pod', name: id } },
    explain: t(id),
  })),
});
if (!r.ok) throw new Error(r.errors.join());
const lesson = r.lesson;
const p = (step: number, stepDone: boolean, answers: Record<string, string> = {}): LessonProgress => ({
  lessonId: 'demo',
  step,
  stepDone,
  answers,
  vars: {},
});

describe('postMessage API', () => {
  it('reads the commands a course page sends', () => {
    expect(parseCommand({ target: MESSAGE_SOURCE, type: 'run', command: 'kubectl get pods' })).toEqual({
      target: MESSAGE_SOURCE,
      type: 'run',
      command: 'kubectl get pods',
    });
    expect(parseCommand({ target: MESSAGE_SOURCE, type: 'set-speed', speed: 20 })).toMatchObject({
      speed: 20,
    });
    expect(parseCommand({ target: MESSAGE_SOURCE, type: 'load-lesson', lesson: 'id: x' })).toMatchObject({
      type: 'load-lesson',
    });
  });

  it('ignores messages meant for others, and explains malformed ones', () => {
    expect(parseCommand('hello')).toBeUndefined();
    expect(parseCommand({ type: 'run', command: 'x' })).toBeUndefined();
    expect(parseCommand({ target: MESSAGE_SOURCE, type: 'set-speed', speed: 7 })).toHaveProperty('error');
    expect(parseCommand({ target: MESSAGE_SOURCE, type: 'run', command: '' })).toHaveProperty('error');
    expect(parseCommand({ target: MESSAGE_SOURCE, type: 'format-disk' })).toHaveProperty('error');
  });

  it('tells the page about a prediction, a completed step and the progress, in that order', () => {
    expect(eventsFor(lesson, { prev: p(0, false), next: p(0, true, { one: 'b' }) })).toEqual([
      { type: 'prediction', lesson: 'demo', stepId: 'one', choice: 'b', correct: false },
      { type: 'step-completed', lesson: 'demo', step: 0, stepId: 'one' },
      { type: 'progress', lesson: 'demo', step: 0, stepId: 'one', stepDone: true, finished: false, total: 2 },
    ]);
  });

  it('announces the end of the lesson once, when the last step completes', () => {
    const done = eventsFor(lesson, {
      prev: p(1, false, { one: 'a', two: 'a' }),
      next: p(1, true, { one: 'a', two: 'a' }),
    });
    expect(done.map((e) => e.type)).toEqual(['step-completed', 'progress', 'lesson-completed']);
    const after = eventsFor(lesson, {
      prev: p(1, true, { one: 'a', two: 'a' }),
      next: p(2, false, { one: 'a', two: 'a' }),
    });
    expect(after.map((e) => e.type)).toEqual(['progress']);
    expect(progressInfo(lesson, p(2, false))).toMatchObject({ finished: true, stepId: null });
  });

  it('reports a step that already holds when the learner lands on it (next or restart)', () => {
    expect(eventsFor(lesson, { prev: p(1, false), next: p(0, true) }).map((e) => e.type)).toEqual([
      'step-completed',
      'progress',
    ]);
  });
});
