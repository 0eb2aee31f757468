import { describe, expect, it } from 'vitest';
import type { Pod, StatefulSet } from '../../api/types.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import { applyWeb, getSet, webManifest } from '../../testing/statefulsetFixtures.ts';
import { fakeHarness } from '../../testing/statefulsetHarness.ts';
import { MAX_CREATES_PER_SECOND } from './statefulSetControl.ts';
import { waitingKey } from './statefulSetController.ts';
import { getOrdinal } from './statefulSetUtils.ts';

const INT32_MAX = 2147483647;
const pods = (sim: Simulation) => sim.store.list<Pod>('Pod', 'default');

describe('a StatefulSet with a huge spec.replicas (fuzz crash: RangeError: Invalid array length)', () => {
  it('Parallel: the apply succeeds and pods are created in batches over virtual time', () => {
    const sim = fakeHarness.create(1);
    applyWeb(sim, { replicas: INT32_MAX, podManagementPolicy: 'Parallel' });
    sim.drain();
    const first = pods(sim).length;
    expect(first).toBe(MAX_CREATES_PER_SECOND);
    expect(sim.state.waiting[waitingKey('default', 'web')]?.message).toContain(
      `creating pods ${MAX_CREATES_PER_SECOND} per second`,
    );
    sim.advance(1_000);
    const second = pods(sim).length;
    expect(second).toBeGreaterThan(first);
    expect(second).toBeLessThanOrEqual(2 * MAX_CREATES_PER_SECOND);
    // The lowest ordinals come first, each once.
    const ords = pods(sim)
      .map(getOrdinal)
      .sort((a, b) => a - b);
    expect(ords).toEqual(Array.from({ length: second }, (_, i) => i));
    expect((getSet(sim) as StatefulSet).status?.replicas).toBeGreaterThan(0);
  });

  it('OrderedReady: pods come one at a time from web-0, as for any size', () => {
    const sim = fakeHarness.create(1);
    applyWeb(sim, { replicas: INT32_MAX });
    sim.advance(30_000);
    const ords = pods(sim)
      .map(getOrdinal)
      .sort((a, b) => a - b);
    expect(ords.length).toBeGreaterThan(1);
    expect(ords).toEqual(Array.from({ length: ords.length }, (_, i) => i));
    expect((getSet(sim) as StatefulSet).status?.readyReplicas).toBeGreaterThanOrEqual(ords.length - 1);
  });

  it('scaling from int32 max back to 2 leaves web-0 and web-1', () => {
    const sim = fakeHarness.create(1);
    applyWeb(sim, { replicas: INT32_MAX, podManagementPolicy: 'Parallel' });
    sim.drain();
    const set = getSet(sim) as StatefulSet;
    const res = sim.api.update<StatefulSet>({ ...set, spec: { ...set.spec, replicas: 2 } });
    expect(res.ok).toBe(true);
    sim.advance(120_000);
    expect(
      pods(sim)
        .map((p) => p.metadata.name)
        .sort(),
    ).toEqual(['web-0', 'web-1']);
  });

  it('odd values that reach the controller (a fraction, beyond int32, a high start) do not crash it', () => {
    for (const spec of [{ replicas: 1.5 }, { replicas: 4294967296 }, { ordinals: { start: INT32_MAX } }]) {
      const sim = fakeHarness.create(1);
      const res = sim.api.create(webManifest({ replicas: spec.replicas ?? 2, ordinals: spec.ordinals }));
      // Whether the apiserver takes the value or refuses it, nothing may throw.
      if (res.ok) expect(() => sim.advance(5_000)).not.toThrow();
      for (const p of pods(sim)) expect(Number.isInteger(getOrdinal(p))).toBe(true);
    }
  });
});
