import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject, OwnerReference } from '../../api/types.ts';
import { clusterModule } from '../../cluster/clusterModule.ts';
import { makeClusterSim, makePod } from '../../cluster/clusterTestKit.ts';
import { Simulation } from '../../simulation/simulation.ts';
import { storageModule } from '../storage/storageModule.ts';
import { dependentsOf, objectRef } from './ownerIndex.ts';

/** What the index must agree with: a scan of every stored object, in store order. */
function scan(sim: Simulation, uid: string): string[] {
  const out: string[] = [];
  for (const bucket of Object.values(sim.state.objects))
    for (const o of Object.values(bucket))
      if (o.metadata.ownerReferences?.some((r) => r.uid === uid)) out.push(objectRef(o));
  return out;
}

function service(sim: Simulation, name: string): KubeObject {
  const r = sim.api.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: { ports: [{ port: 80 }] },
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function setOwners(sim: Simulation, name: string, owners: KubeObject[]): void {
  const pod = sim.store.get('Pod', 'default', name);
  if (!pod) return;
  const refs: OwnerReference[] = owners.map((o) => ({
    apiVersion: 'v1',
    kind: o.kind,
    name: o.metadata.name,
    uid: o.metadata.uid,
  }));
  const metadata = { ...pod.metadata, ownerReferences: refs };
  if (refs.length === 0) delete (metadata as { ownerReferences?: OwnerReference[] }).ownerReferences;
  sim.api.update({ ...pod, metadata });
}

type Op = { kind: 'own'; pod: number; owners: number[] } | { kind: 'recreate'; pod: number };

describe('garbage collector owner index', () => {
  it('finds the same dependents, in the same order, as a scan of the store after any edits', () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('own' as const),
        pod: fc.nat(5),
        owners: fc.uniqueArray(fc.nat(2), { maxLength: 3 }),
      }),
      fc.record({ kind: fc.constant('recreate' as const), pod: fc.nat(5) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops: Op[]) => {
        // The owners stay, so the collector deletes nothing: the test checks the index alone.
        const sim = makeClusterSim();
        const owners = ['a', 'b', 'c'].map((n) => service(sim, n));
        for (let i = 0; i < 6; i++) makePod(sim, `p-${i}`);
        for (const o of ops) {
          if (o.kind === 'own')
            setOwners(
              sim,
              `p-${o.pod}`,
              o.owners.map((i) => owners[i]),
            );
          else {
            sim.store.remove('Pod', 'default', `p-${o.pod}`);
            makePod(sim, `p-${o.pod}`);
          }
        }
        for (const owner of owners)
          expect(dependentsOf(sim, owner.metadata.uid).map(objectRef)).toEqual(scan(sim, owner.metadata.uid));
      }),
      { numRuns: 60 },
    );
  });

  it('a simulation restored from a saved state finds the same dependents', () => {
    const sim = makeClusterSim();
    const owner = service(sim, 'web');
    for (const n of ['web-1', 'web-0', 'web-2']) {
      makePod(sim, n);
      setOwners(sim, n, [owner]);
    }
    const restored = new Simulation({ state: sim.snapshot(), modules: [clusterModule, storageModule] });
    const names = (s: Simulation) => dependentsOf(s, owner.metadata.uid).map((o) => o.metadata.name);
    expect(names(restored)).toEqual(['web-1', 'web-0', 'web-2']);
    expect(names(restored)).toEqual(names(sim));
  });

  it('an owner with dependents deleted in the background takes them with it; one without queues nothing', () => {
    const sim = makeClusterSim();
    const lonely = service(sim, 'lonely');
    sim.drain();
    sim.api.delete('Service', 'default', lonely.metadata.name);
    expect(sim.state.queue.filter((q) => q.startsWith('garbage-collector-controller|owner-gone'))).toEqual(
      [],
    );
    const owner = service(sim, 'web');
    makePod(sim, 'web-0');
    setOwners(sim, 'web-0', [owner]);
    sim.drain();
    sim.api.delete('Service', 'default', 'web');
    sim.drain();
    expect(sim.store.get('Pod', 'default', 'web-0')?.metadata.deletionTimestamp).toBeDefined();
  });
});
