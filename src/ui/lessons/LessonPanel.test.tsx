// @vitest-environment jsdom
/**
 * The lesson panel as a learner meets it: the question comes before the instructions, "Type it" types
 * the step's command into the terminal, the explanation and the Next button appear once the cluster
 * reaches the goal, and the panel speaks the page's language.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../core/api/types.ts';
import { type ClusterState, emptyClusterState } from '../../core/simulation/clusterState.ts';
import type { Simulation } from '../../core/simulation/simulation.ts';
import { createLessonSession } from '../../lessons/runner/lessonSession.ts';
import { validateLesson } from '../../lessons/schema/parseLesson.ts';
import { createAppStore } from '../../state/createAppStore.ts';
import { FakeSession } from '../../state/testing.ts';
import { AppStoreContext } from '../hooks/useAppStore.ts';
import { createI18n } from '../i18n/i18n.ts';
import { LessonPanel } from './LessonPanel.tsx';

const r = validateLesson({
  id: 'panel',
  order: 1,
  title: { en: 'Panel lesson', ja: 'パネルのレッスン' },
  summary: { en: 'Summary', ja: '概要' },
  steps: [
    {
      id: 'make',
      title: { en: 'Make the pod', ja: 'ポッドを作る' },
      text: { en: 'Run `kubectl run p --image=nginx`.', ja: '`kubectl run p --image=nginx` を実行します。' },
      do: [{ command: 'kubectl run p --image=nginx' }],
      predict: {
        question: { en: 'What appears?', ja: '何ができますか？' },
        choices: [
          { id: 'pod', text: { en: 'A pod', ja: 'ポッド' }, feedback: { en: 'Yes.', ja: 'はい。' } },
          { id: 'set', text: { en: 'A StatefulSet', ja: 'ステートフルセット' } },
        ],
        answer: 'pod',
      },
      hints: [{ en: 'Press Enter.', ja: 'Enter を押します。' }],
      check: { exists: { kind: 'Pod', name: 'p' } },
      explain: { en: 'The pod exists.', ja: 'ポッドができました。' },
    },
  ],
});
if (!r.ok) throw new Error(r.errors.join('\n'));
const lesson = r.lesson;

function setup(lang: 'en' | 'ja' = 'en') {
  let state: ClusterState = emptyClusterState(0, 1);
  const fake = new FakeSession();
  // the bridge reads only `state`, `now` and `watch` of the simulation: a plain object stands in for it
  const app = createAppStore({
    getSim: () => ({ state, now: 0, watch: () => () => undefined }) as unknown as Simulation,
    session: fake,
  });
  const session = createLessonSession(lesson, () => state);
  render(
    <I18nextProvider i18n={createI18n(lang)}>
      <AppStoreContext.Provider value={app}>
        <LessonPanel session={session} />
      </AppStoreContext.Provider>
    </I18nextProvider>,
  );
  const makePod = () => {
    state = structuredClone(state);
    state.objects.Pod = {
      'default/p': {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', namespace: 'default' },
      } as KubeObject,
    };
    act(() => session.evaluate());
  };
  return { fake, session, makePod };
}

afterEach(cleanup);

describe('LessonPanel', () => {
  it('asks first, then shows what to do, then explains once the cluster reaches the goal', () => {
    const { fake, makePod } = setup();
    expect(screen.getByTestId('lesson-progress').textContent).toBe('Step 1 of 1');
    expect(screen.queryByRole('button', { name: /Type kubectl run/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'A StatefulSet' }));
    expect(screen.getByText(/Not quite/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Type kubectl run p --image=nginx in the terminal' }));
    expect(fake.lines).toEqual(['kubectl run p --image=nginx']);
    fireEvent.click(screen.getByTestId('lesson-hint'));
    expect(screen.getByText('Press Enter.')).toBeTruthy();
    expect(screen.queryByTestId('lesson-explain')).toBeNull();
    makePod();
    expect(screen.getByTestId('lesson-explain').textContent).toContain('The pod exists.');
    fireEvent.click(screen.getByTestId('lesson-next'));
    expect(screen.getByTestId('lesson-finished')).toBeTruthy();
  });

  it('speaks Japanese on a Japanese page', () => {
    setup('ja');
    expect(screen.getByText('ポッドを作る')).toBeTruthy();
    expect(screen.getByTestId('lesson-progress').textContent).toBe('ステップ 1 / 1');
    expect(screen.getByRole('button', { name: 'ポッド' })).toBeTruthy();
  });
});
