import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pod, StatefulSet } from '../../api/types.ts';
import { Simulation } from '../../simulation/simulation.ts';
import { fakeKubeletModule } from '../../testing/fakeKubelet.ts';
import { applyWeb, getSet, patchSpec, setImage } from '../../testing/statefulsetFixtures.ts';
import { fakeHarness } from '../../testing/statefulsetHarness.ts';
import type { ClaimedPods } from './claimedPods.ts';
import { bucketForSet } from './podIndex.ts';
import { statefulSetModule } from './statefulSetModule.ts';
import {
  getOrdinal,
  getPodRevision,
  isCreated,
  isRunningAndReady,
  isTerminating,
} from './statefulSetUtils.ts';
import { computeReplicaStatus } from './statusUpdater.ts';
import { openSyncView } from './syncView.ts';

type Action =
  | { t: 'scale'; n: number }
  | { t: 'image'; tag: string }
  | { t: 'deletePod'; ord: number }
  | { t: 'fail'; ord: number }
  | { t: 'unready'; ord: number }
  | { t: 'orphan'; name: string }
  | { t: 'policy'; whenScaled: 'Retain' | 'Delete' }
  | { t: 'advance'; ms: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ t: fc.constant('scale' as const), n: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ t: fc.constant('image' as const), tag: fc.constantFrom('0.8', '0.9') }),
  fc.record({ t: fc.constant('deletePod' as const), ord: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ t: fc.constant('fail' as const), ord: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ t: fc.constant('unready' as const), ord: fc.integer({ min: 0, max: 6 }) }),
  // Pods a learner makes by hand; `web-01` shares ordinal 1 with web-1 once adopted.
  fc.record({ t: fc.constant('orphan' as const), name: fc.constantFrom('web-01', 'web-9', 'web-x') }),
  fc.record({
    t: fc.constant('policy' as const),
    whenScaled: fc.constantFrom('Retain' as const, 'Delete' as const),
  }),
  fc.record({ t: fc.constant('advance' as const), ms: fc.integer({ min: 50, max: 20_000 }) }),
);

function perform(sim: Simulation, a: Action): void {
  switch (a.t) {
    case 'scale':
      patchSpec(sim, { replicas: a.n });
      return;
    case 'image':
      setImage(sim, `registry.k8s.io/nginx-slim:${a.tag}`);
      return;
    case 'deletePod':
      sim.api.delete('Pod', 'default', `web-${a.ord}`);
      return;
    case 'fail':
      fakeHarness.failPod(sim, `web-${a.ord}`);
      return;
    case 'unready':
      if (sim.store.get('Pod', 'default', `web-${a.ord}`)) fakeHarness.setReady(sim, `web-${a.ord}`, false);
      return;
    case 'orphan':
      if (!sim.store.get('Pod', 'default', a.name))
        sim.api.create({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: a.name, namespace: 'default', labels: { app: 'nginx' } },
          spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.8' }] },
        });
      return;
    case 'policy':
      patchSpec(sim, {
        persistentVolumeClaimRetentionPolicy: { whenScaled: a.whenScaled, whenDeleted: 'Retain' },
      });
      return;
    case 'advance':
      sim.advance(a.ms);
  }
}

/** The aggregates a sync reads, as plain data. */
function aggregates(c: ClaimedPods) {
  return {
    ords: [...c.ords],
    byOrd: [...c.byOrd].map(([o, pods]) => [o, pods.map((p) => p.metadata.resourceVersion)]),
    byRev: Object.fromEntries([...c.byRev].sort(([a], [b]) => (a < b ? -1 : 1))),
    repair: [...c.repair],
    counters: [c.created, c.ready, [...c.readySince]],
    revLive: Object.fromEntries([...c.revLive].sort(([a], [b]) => (a < b ? -1 : 1))),
    revAll: Object.fromEntries([...c.revAll].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

describe('the StatefulSet pod index', () => {
  it('kept current from the watch, it equals one rebuilt from the saved state after any learner actions', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(action, { maxLength: 12 }), (parallel, actions) => {
        const sim = fakeHarness.create(3, { readyJitter: 0.3 });
        applyWeb(sim, { replicas: 3, podManagementPolicy: parallel ? 'Parallel' : 'OrderedReady' });
        for (const a of actions) {
          perform(sim, a);
          sim.drain();
          const set = getSet(sim) as StatefulSet;
          const live = bucketForSet(sim, set).claimed;
          const restored = new Simulation({
            state: sim.snapshot(),
            modules: [fakeKubeletModule({ readyJitter: 0.3 }), statefulSetModule],
          });
          const rebuilt = bucketForSet(restored, set).claimed;
          expect(aggregates(live)).toEqual(aggregates(rebuilt));
          // `unready` may still hold pods that became available with time alone (visited, harmless).
          for (const ord of rebuilt.unready) expect(live.unready).toContain(ord);
        }
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it("counts the same replicas as upstream's computeReplicaStatus over the set's pods", () => {
    const sim = fakeHarness.create(5, { readyJitter: 0.3 });
    applyWeb(sim, { replicas: 5, podManagementPolicy: 'Parallel', minReadySeconds: 2 });
    sim.advance(4_000);
    setImage(sim, 'registry.k8s.io/nginx-slim:0.9');
    sim.advance(3_000);
    const set = getSet(sim) as StatefulSet;
    const status = set.status as NonNullable<StatefulSet['status']>;
    const pods = sim.store
      .list<Pod>('Pod', 'default')
      .filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === set.metadata.uid));
    const current = status.currentRevision as string;
    const update = status.updateRevision as string;
    const expected = computeReplicaStatus(pods, 2, sim.now, current, update);
    const view = openSyncView(sim, bucketForSet(sim, set), set, current, update);
    view.finish();
    expect(view.counts).toEqual(expected);
    // Not trivially equal: the rollout is under way, so some pods are not at the update revision.
    expect(pods.some((p) => getPodRevision(p) !== update && isCreated(p) && !isTerminating(p))).toBe(true);
    expect(pods.filter(isRunningAndReady).length).toBe(expected.readyReplicas);
    expect(pods.map(getOrdinal).sort()).toEqual([...bucketForSet(sim, set).claimed.ords]);
  });
});
