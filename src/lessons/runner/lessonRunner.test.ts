/** The pure lesson runner: predict before completing, remember before acting, explain before moving on, restore only what fits. */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../core/api/types.ts';
import { type ClusterState, emptyClusterState } from '../../core/simulation/clusterState.ts';
import type { Lesson } from '../schema/lessonSchema.ts';
import { validateLesson } from '../schema/parseLesson.ts';
import {
  answerPrediction,
  autoAdvance,
  currentStep,
  evaluateStep,
  isFinished,
  needsAnswer,
  nextStep,
  restoreProgress,
  startLesson,
} from './lessonRunner.ts';

const t = (en: string) => ({ en, ja: `${en}（日本語）` });
const step = (id: string, check: unknown, extra: object = {}) => ({
  id,
  title: t(id),
  text: t(id),
  check,
  explain: t(`${id} done`),
  ...extra,
});

/** apply -> (predict) delete pod 0 and see it come back with a new uid -> cleanup */
function lesson(): Lesson {
  const r = validateLesson({
    id: 'demo',
    order: 1,
    title: t('Demo'),
    summary: t('Demo'),
    steps: [
      step('apply', { exists: { kind: 'Pod', name: 'web-0' } }),
      step(
        'replace',
        { field: { kind: 'Pod', name: 'web-0', path: 'metadata.uid', notEquals: { var: 'uid0' } } },
        {
          remember: [{ as: 'uid0', kind: 'Pod', name: 'web-0', path: 'metadata.uid' }],
          predict: {
            question: t('Same pod?'),
            choices: [
              { id: 'same', text: t('Same') },
              { id: 'new', text: t('New') },
            ],
            answer: 'new',
          },
        },
      ),
      step('cleanup', { absent: { kind: 'Pod', name: 'web-0' } }),
    ],
  });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.lesson;
}

function withPod(uid: string | undefined): ClusterState {
  const s = emptyClusterState(0, 1);
  if (uid)
    s.objects.Pod = {
      'default/web-0': {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'web-0', namespace: 'default', uid },
      } as KubeObject,
    };
  return s;
}

describe('lesson runner', () => {
  it('waits at a step until its check holds, then shows it done until the learner moves on', () => {
    const l = lesson();
    let p = startLesson(l, withPod(undefined));
    expect(currentStep(l, p)?.id).toBe('apply');
    expect(p.stepDone).toBe(false);
    p = evaluateStep(l, p, withPod('a'));
    expect(p).toMatchObject({ step: 0, stepDone: true });
    // the explanation stays on screen: evaluating again does not move on by itself
    expect(evaluateStep(l, p, withPod('a'))).toBe(p);
  });

  it('remembers values when a step begins and asks its question before it can complete', () => {
    const l = lesson();
    let p = nextStep(l, evaluateStep(l, startLesson(l, withPod(undefined)), withPod('a')), withPod('a'));
    expect(p.vars).toEqual({ uid0: 'a' });
    expect(needsAnswer(l, p)).toBe(true);
    // the pod was replaced, but the prediction comes first
    p = evaluateStep(l, p, withPod('b'));
    expect(p.stepDone).toBe(false);
    p = answerPrediction(l, p, 'same');
    expect(p.answers).toEqual({ replace: 'same' });
    // the first answer counts; later ones and unknown choices are ignored
    expect(answerPrediction(l, p, 'new')).toBe(p);
    p = evaluateStep(l, p, withPod('a'));
    expect(p.stepDone).toBe(false);
    p = evaluateStep(l, p, withPod('b'));
    expect(p.stepDone).toBe(true);
  });

  it('does not move on past a step that is not done', () => {
    const l = lesson();
    const p = startLesson(l, withPod(undefined));
    expect(nextStep(l, p, withPod(undefined))).toBe(p);
  });

  it('drives a whole lesson headlessly, answering with the given choice', () => {
    const l = lesson();
    let p = startLesson(l, withPod(undefined));
    p = autoAdvance(l, p, withPod('a'), (s) => s.predict?.answer);
    expect(currentStep(l, p)?.id).toBe('replace');
    p = autoAdvance(l, p, withPod('b'), (s) => s.predict?.answer);
    expect(currentStep(l, p)?.id).toBe('cleanup');
    p = autoAdvance(l, p, withPod(undefined));
    expect(isFinished(l, p)).toBe(true);
    expect(p.answers).toEqual({ replace: 'new' });
  });

  it('can start at a later step (a course page that links to one)', () => {
    const l = lesson();
    expect(startLesson(l, withPod('a'), 1)).toMatchObject({ step: 1, vars: { uid0: 'a' } });
    expect(startLesson(l, withPod('a'), 99).step).toBe(2);
    expect(startLesson(l, withPod('a'), -3).step).toBe(0);
  });

  it('restores saved progress only when it fits the lesson', () => {
    const l = lesson();
    const saved = {
      lessonId: 'demo',
      step: 1,
      stepDone: false,
      answers: { replace: 'new', bogus: 'x' },
      vars: { uid0: 'a', 'bad key': 1, obj: {} },
    };
    expect(restoreProgress(l, saved)).toEqual({
      lessonId: 'demo',
      step: 1,
      stepDone: false,
      answers: { replace: 'new' },
      vars: { uid0: 'a' },
    });
    for (const bad of [
      null,
      'text',
      { ...saved, lessonId: 'other' },
      { ...saved, step: 9 },
      { ...saved, step: 1.5 },
      { ...saved, stepDone: 'yes' },
    ])
      expect(restoreProgress(l, bad)).toBeUndefined();
  });
});
