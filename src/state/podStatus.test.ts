import { describe, expect, it } from 'vitest';
import { isPodReady, podReadyText, podStage, podStatusText } from './podStatus.ts';
import { makePod, makeSet } from './testing.ts';

describe('pod status as kubectl shows it', () => {
  const set = makeSet('web', 1);
  it.each([
    ['pending', 'Pending', '0/1', 'pending'],
    ['creating', 'ContainerCreating', '0/1', 'creating'],
    ['running', 'Running', '0/1', 'running'],
    ['ready', 'Running', '1/1', 'ready'],
    ['terminating', 'Terminating', '1/1', 'terminating'],
    ['crashing', 'CrashLoopBackOff', '0/1', 'failed'],
  ] as const)('a %s pod reads STATUS %s, READY %s', (shape, status, ready, stage) => {
    const pod = makePod(set, 0, shape);
    expect(podStatusText(pod)).toBe(status);
    expect(podReadyText(pod)).toBe(ready);
    expect(podStage(pod)).toBe(stage);
  });

  it('reports a terminated container without a reason as ExitCode:N', () => {
    const pod = makePod(set, 0, 'running');
    const [c] = pod.status.containerStatuses ?? [];
    pod.status.containerStatuses = [{ ...c, state: { terminated: { exitCode: 3 } }, ready: false }];
    expect(podStatusText(pod)).toBe('ExitCode:3');
    expect(isPodReady(pod)).toBe(false);
  });
});
