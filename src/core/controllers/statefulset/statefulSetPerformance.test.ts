import { describe, expect, it } from 'vitest';
import { applyWeb, getSet } from '../../testing/statefulsetFixtures.ts';
import { fakeHarness } from '../../testing/statefulsetHarness.ts';

describe('StatefulSet controller performance', () => {
  it('a Parallel set of 1000 replicas with jittered readiness is all Ready in well under a second', () => {
    const sim = fakeHarness.create(3, { readyJitter: 0.5 });
    const t0 = performance.now();
    applyWeb(sim, { replicas: 1000, podManagementPolicy: 'Parallel' });
    const done = sim.runUntil(() => getSet(sim)?.status?.readyReplicas === 1000, 600_000);
    const ms = performance.now() - t0;
    expect(done).toBe(true);
    expect(sim.store.list('Pod')).toHaveLength(1000);
    expect(ms).toBeLessThan(800);
  });

  it('5000 Parallel replicas stay within 200 MB of heap', () => {
    const sim = fakeHarness.create(4, { readyJitter: 0.5 });
    const before = process.memoryUsage().heapUsed;
    applyWeb(sim, { replicas: 5000, podManagementPolicy: 'Parallel' });
    expect(sim.runUntil(() => getSet(sim)?.status?.readyReplicas === 5000, 600_000)).toBe(true);
    const used = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    expect(used).toBeLessThan(200);
  });
});
