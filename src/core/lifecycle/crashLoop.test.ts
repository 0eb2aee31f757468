/**
 * A container whose command fails, through the kubelet: exit code and reason Error, CrashLoopBackOff,
 * RESTARTS, and lastState as the kubelet reports it (the run before the newest while it shows
 * terminated; the newest once it waits), plus repeated BackOff events during a long back-off.
 */
import { describe, expect, it } from 'vitest';
import type { KubeEvent, Pod } from '../api/types.ts';
import { createPod, getPod, podTestCluster } from './lifecycleFixtures.ts';

function crashPod(command: string[]) {
  const sim = podTestCluster();
  createPod(sim, 'crash', { containers: [{ name: 'crash', image: 'busybox:1.36', command }] });
  return sim;
}

const status = (pod: Pod | undefined) => pod?.status?.containerStatuses?.[0];

describe('a failing command', () => {
  it('`sh -c "exit 1"` terminates with exit code 1, reason Error, then waits in CrashLoopBackOff', () => {
    const sim = crashPod(['sh', '-c', 'exit 1']);
    sim.runUntil(() => status(getPod(sim, 'crash'))?.state.terminated !== undefined, 60_000);
    const first = status(getPod(sim, 'crash'));
    expect(first?.state.terminated?.exitCode).toBe(1);
    expect(first?.state.terminated?.reason).toBe('Error');
    // the first run has no run before it
    expect(first?.lastState).toEqual({});
    sim.runUntil(() => status(getPod(sim, 'crash'))?.state.waiting?.reason === 'CrashLoopBackOff', 60_000);
    const waiting = status(getPod(sim, 'crash'));
    expect(waiting?.lastState.terminated?.exitCode).toBe(1);
    expect(waiting?.lastState.terminated?.reason).toBe('Error');
    expect(waiting?.restartCount).toBeGreaterThanOrEqual(1);
    expect(waiting?.containerID).toBe(waiting?.lastState.terminated?.containerID);
  });

  it('while the newest run shows terminated, lastState is the run before it, never itself', () => {
    const sim = crashPod(['sh', '-c', 'sleep 2; exit 3']);
    const seen: string[] = [];
    sim.watch((e) => {
      const s = status(e.object as Pod);
      if (e.object.kind !== 'Pod' || !s?.state.terminated) return;
      expect(s.lastState.terminated?.containerID).not.toBe(s.state.terminated.containerID);
      seen.push(`${s.state.terminated.exitCode} ${s.restartCount}`);
    });
    sim.advance(60_000);
    expect(seen).toContain('3 0');
    expect(seen).toContain('3 2');
  });

  it('a command that ends well is Completed with exit code 0', () => {
    const sim = crashPod(['sh', '-c', 'echo hi; exit 0']);
    sim.runUntil(() => status(getPod(sim, 'crash'))?.state.terminated !== undefined, 60_000);
    expect(status(getPod(sim, 'crash'))?.state.terminated).toMatchObject({
      exitCode: 0,
      reason: 'Completed',
    });
  });

  it('records BackOff on every pod sync during a long back-off, not just once per crash', () => {
    const sim = crashPod(['false']);
    sim.advance(120_000);
    const backoff = sim.store
      .list<KubeEvent>('Event', 'default')
      .find((e) => e.reason === 'BackOff' && e.involvedObject.name === 'crash');
    const restarts = status(getPod(sim, 'crash'))?.restartCount ?? 0;
    expect(backoff?.count).toBeGreaterThan(restarts);
  });
});
