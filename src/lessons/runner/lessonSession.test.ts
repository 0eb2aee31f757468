/** The observable lesson session the page and the embedding API share. */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../core/api/types.ts';
import { type ClusterState, emptyClusterState } from '../../core/simulation/clusterState.ts';
import { validateLesson } from '../schema/parseLesson.ts';
import { createLessonSession, type ProgressChange } from './lessonSession.ts';

const t = (en: string) => ({ en, ja: `${en}（日本語）` });
const r = validateLesson({
  id: 'two',
  order: 1,
  title: t('Two'),
  summary: t('Two steps'),
  steps: [
    {
      id: 'make',
      title: t('Make'),
      text: t('Make the pod'),
      predict: {
        question: t('Q'),
        choices: [
          { id: 'a', text: t('A') },
          { id: 'b', text: t('B') },
        ],
        answer: 'a',
      },
      check: { exists: { kind: 'Pod', name: 'p' } },
      explain: t('Made'),
    },
    {
      id: 'remove',
      title: t('Remove'),
      text: t('Remove it'),
      check: { absent: { kind: 'Pod', name: 'p' } },
      explain: t('Gone'),
    },
  ],
});
if (!r.ok) throw new Error(r.errors.join('\n'));
const lesson = r.lesson;

describe('lesson session', () => {
  it('follows the cluster it reads, and tells listeners about each change', () => {
    let state: ClusterState = emptyClusterState(0, 1);
    const s = createLessonSession(lesson, () => state);
    const changes: ProgressChange[] = [];
    s.subscribe((c) => changes.push(c));
    state = structuredClone(state);
    state.objects.Pod = {
      'default/p': {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', namespace: 'default' },
      } as KubeObject,
    };
    s.evaluate();
    expect(changes).toHaveLength(0); // the question comes first
    s.answer('b');
    expect(s.progress()).toMatchObject({ step: 0, stepDone: true, answers: { make: 'b' } });
    s.next();
    expect(s.progress()).toMatchObject({ step: 1, stepDone: false });
    expect(changes.map((c) => [c.prev.step, c.next.step, c.next.stepDone])).toEqual([
      [0, 0, true],
      [0, 1, false],
    ]);
    s.restart();
    expect(s.progress()).toMatchObject({ step: 0, answers: {} });
  });

  it('resumes saved progress that fits, and ignores progress that does not', () => {
    const state = emptyClusterState(0, 1);
    const saved = { lessonId: 'two', step: 1, stepDone: false, answers: { make: 'a' }, vars: {} };
    expect(createLessonSession(lesson, () => state, { saved }).progress().step).toBe(1);
    expect(
      createLessonSession(lesson, () => state, { saved: { ...saved, lessonId: 'x' } }).progress().step,
    ).toBe(0);
  });
});
