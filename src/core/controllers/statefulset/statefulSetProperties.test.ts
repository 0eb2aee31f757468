import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PersistentVolumeClaim, Pod, StatefulSet } from '../../api/types.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import { applyWeb, getPod, getSet, isReady, patchSpec, setImage } from '../../testing/statefulsetFixtures.ts';
import { fakeHarness } from '../../testing/statefulsetHarness.ts';
import { getOrdinal } from './statefulSetUtils.ts';

type Action =
  | { t: 'scale'; n: number }
  | { t: 'deletePod'; ord: number }
  | { t: 'image'; tag: string }
  | { t: 'partition'; p: number }
  | { t: 'policy'; whenScaled: 'Retain' | 'Delete'; whenDeleted: 'Retain' | 'Delete' }
  | { t: 'strategy'; type: 'RollingUpdate' | 'OnDelete' }
  | { t: 'fail'; ord: number }
  | { t: 'advance'; ms: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ t: fc.constant('scale' as const), n: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ t: fc.constant('deletePod' as const), ord: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ t: fc.constant('image' as const), tag: fc.constantFrom('0.7', '0.8', '0.9') }),
  fc.record({ t: fc.constant('partition' as const), p: fc.integer({ min: 0, max: 4 }) }),
  fc.record({
    t: fc.constant('policy' as const),
    whenScaled: fc.constantFrom('Retain' as const, 'Delete' as const),
    whenDeleted: fc.constantFrom('Retain' as const, 'Delete' as const),
  }),
  fc.record({
    t: fc.constant('strategy' as const),
    type: fc.constantFrom('RollingUpdate' as const, 'OnDelete' as const),
  }),
  fc.record({ t: fc.constant('fail' as const), ord: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ t: fc.constant('advance' as const), ms: fc.integer({ min: 50, max: 20_000 }) }),
);

function perform(sim: Simulation, a: Action): void {
  const set = getSet(sim) as StatefulSet;
  switch (a.t) {
    case 'scale':
      patchSpec(sim, { replicas: a.n });
      return;
    case 'deletePod':
      sim.api.delete('Pod', 'default', `web-${a.ord}`);
      return;
    case 'image':
      setImage(sim, `registry.k8s.io/nginx-slim:${a.tag}`);
      return;
    case 'partition':
      if (set.spec.updateStrategy?.type === 'RollingUpdate')
        patchSpec(sim, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: a.p } } });
      return;
    case 'policy':
      patchSpec(sim, {
        persistentVolumeClaimRetentionPolicy: { whenScaled: a.whenScaled, whenDeleted: a.whenDeleted },
      });
      return;
    case 'strategy':
      patchSpec(sim, {
        updateStrategy:
          a.type === 'OnDelete'
            ? { type: 'OnDelete' }
            : { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      });
      return;
    case 'fail':
      fakeHarness.failPod(sim, `web-${a.ord}`);
      return;
    case 'advance':
      sim.advance(a.ms);
      return;
  }
}

/** Runs the actions with invariant checks after every step; returns the final state as JSON. */
function run(seed: number, parallel: boolean, actions: Action[]): string {
  const sim = fakeHarness.create(seed, { readyJitter: 0.3 });
  const violations: string[] = [];
  let everDeleteScaled = false;
  sim.watch((ev) => {
    const o = ev.object;
    if (o.kind === 'Pod' && ev.type === 'ADDED') {
      const pod = o as Pod;
      const ord = getOrdinal(pod);
      for (const v of pod.spec.volumes ?? [])
        if (v.persistentVolumeClaim && v.persistentVolumeClaim.claimName !== `www-web-${ord}`)
          violations.push(`${pod.metadata.name} mounts ${v.persistentVolumeClaim.claimName}`);
      if (!parallel)
        for (let i = 0; i < ord; i++) {
          const pred = getPod(sim, `web-${i}`);
          if (!isReady(pred) || pred?.metadata.deletionTimestamp)
            violations.push(`${pod.metadata.name} created while web-${i} not Running and Ready`);
        }
    }
    if (o.kind === 'PersistentVolumeClaim' && ev.type === 'DELETED') {
      const old = ev.oldObject as PersistentVolumeClaim;
      if ((old.metadata.ownerReferences ?? []).length === 0)
        violations.push(`${old.metadata.name} deleted without owner`);
      if (!everDeleteScaled) violations.push(`${old.metadata.name} deleted under whenScaled Retain`);
    }
  });
  applyWeb(sim, { replicas: 3, podManagementPolicy: parallel ? 'Parallel' : 'OrderedReady' });
  for (const a of actions) {
    if (a.t === 'policy' && a.whenScaled === 'Delete') everDeleteScaled = true;
    perform(sim, a);
    sim.drain();
    const ords = sim.store.list<Pod>('Pod', 'default').map(getOrdinal);
    if (new Set(ords).size !== ords.length) violations.push(`two pods share an ordinal: ${ords}`);
  }
  expect(violations).toEqual([]);
  // Settle: replace failed pods, finish rollouts, then status must agree with the pods.
  sim.advance(600_000);
  const pods = sim.store.list<Pod>('Pod', 'default');
  const st = (getSet(sim) as StatefulSet).status;
  expect(st?.replicas).toBe(pods.length);
  expect(st?.readyReplicas ?? 0).toBe(pods.filter(isReady).length);
  expect(pods.length).toBe(getSet(sim)?.spec.replicas);
  return JSON.stringify(sim.snapshot());
}

describe('StatefulSet controller properties under random learner actions', () => {
  it('keeps ordinals unique, OrderedReady order, Retain claims, own claims, status; same seed same history', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.integer({ min: 1, max: 1000 }),
        fc.array(action, { maxLength: 14 }),
        (parallel, seed, actions) => {
          const a = run(seed, parallel, actions);
          const b = run(seed, parallel, actions);
          expect(a).toBe(b);
        },
      ),
      { numRuns: 40, seed: 20240601 },
    );
  });
});

describe('StatefulSet controller state is complete data', () => {
  it('a saved and restored cluster continues with the same future', async () => {
    const { Simulation } = await import('../../simulation/simulation.ts');
    const { fakeKubeletModule } = await import('../../testing/fakeKubelet.ts');
    const { statefulSetModule } = await import('./statefulSetModule.ts');
    const play = (sim: Simulation) => {
      patchSpec(sim, { minReadySeconds: 3 });
      setImage(sim, 'registry.k8s.io/nginx-slim:0.9');
      sim.advance(90_000);
      return JSON.stringify(sim.snapshot());
    };
    const sim = fakeHarness.create(9, { readyJitter: 0.3 });
    applyWeb(sim, { replicas: 4 });
    sim.advance(7_500);
    const saved = JSON.parse(JSON.stringify(sim.snapshot()));
    const restored = new Simulation({
      state: saved,
      modules: [fakeKubeletModule({ readyJitter: 0.3 }), statefulSetModule],
    });
    expect(play(restored)).toBe(play(sim));
  });
});
