import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { makeClusterSim, makePod, removePod } from '../../cluster/clusterTestKit.ts';
import type { Simulation } from '../../simulation/simulation.ts';

/** An owner the tests can delete with each policy: a Service (served, namespaced, no controller of ours acts on its name). */
function owner(sim: Simulation, name: string): KubeObject {
  const r = sim.api.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: { ports: [{ port: 80 }] },
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function dependent(sim: Simulation, name: string, own: KubeObject, block = true): KubeObject {
  const pod = makePod(sim, name);
  const r = sim.api.update({
    ...pod,
    metadata: {
      ...pod.metadata,
      ownerReferences: [
        {
          apiVersion: 'v1',
          kind: own.kind,
          name: own.metadata.name,
          uid: own.metadata.uid,
          controller: true,
          blockOwnerDeletion: block,
        },
      ],
    },
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const pod = (sim: Simulation, name: string) => sim.store.get('Pod', 'default', name);

describe('garbage collector', () => {
  it('Background: the owner goes at once, then its dependents are deleted', () => {
    const sim = makeClusterSim();
    const o = owner(sim, 'web');
    dependent(sim, 'web-0', o);
    dependent(sim, 'web-1', o);
    makePod(sim, 'bystander');
    sim.api.delete('Service', 'default', 'web');
    expect(sim.store.get('Service', 'default', 'web')).toBeUndefined();
    sim.drain();
    // Pods on a node terminate gracefully: they are Terminating, the kubelet removes them later.
    expect(pod(sim, 'web-0')?.metadata.deletionTimestamp).toBeDefined();
    expect(pod(sim, 'web-1')?.metadata.deletionTimestamp).toBeDefined();
    expect(pod(sim, 'bystander')?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('Foreground: the owner waits with its finalizer until the blocking dependents are gone', () => {
    const sim = makeClusterSim();
    const o = owner(sim, 'web');
    dependent(sim, 'web-0', o);
    dependent(sim, 'web-1', o);
    sim.api.delete('Service', 'default', 'web', { propagationPolicy: 'Foreground' });
    sim.drain();
    const waiting = sim.store.get('Service', 'default', 'web');
    expect(waiting?.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(pod(sim, 'web-0')?.metadata.deletionTimestamp).toBeDefined();
    removePod(sim, 'web-0');
    sim.drain();
    expect(sim.store.get('Service', 'default', 'web')).toBeDefined();
    removePod(sim, 'web-1');
    sim.drain();
    expect(sim.store.get('Service', 'default', 'web')).toBeUndefined();
  });

  it('Orphan: dependents lose the reference and keep running; the owner goes', () => {
    const sim = makeClusterSim();
    const o = owner(sim, 'web');
    dependent(sim, 'web-0', o);
    sim.api.delete('Service', 'default', 'web', { propagationPolicy: 'Orphan' });
    sim.drain();
    expect(sim.store.get('Service', 'default', 'web')).toBeUndefined();
    const orphan = pod(sim, 'web-0');
    expect(orphan?.metadata.deletionTimestamp).toBeUndefined();
    expect(orphan?.metadata.ownerReferences ?? []).toEqual([]);
  });

  it('keeps a dependent that still has a live owner, dropping only the dangling reference', () => {
    const sim = makeClusterSim();
    const a = owner(sim, 'a');
    const b = owner(sim, 'b');
    const d = dependent(sim, 'shared', a);
    sim.api.update({
      ...d,
      metadata: {
        ...d.metadata,
        ownerReferences: [
          ...(d.metadata.ownerReferences ?? []),
          { apiVersion: 'v1', kind: 'Service', name: 'b', uid: b.metadata.uid },
        ],
      },
    });
    sim.api.delete('Service', 'default', 'a');
    sim.drain();
    const kept = pod(sim, 'shared');
    expect(kept?.metadata.deletionTimestamp).toBeUndefined();
    expect(kept?.metadata.ownerReferences?.map((r) => r.name)).toEqual(['b']);
  });

  it('leaves the system pods alone: their ReplicaSet/DaemonSet owners exist with matching uids', () => {
    const sim = makeClusterSim();
    sim.advance(60_000);
    expect(sim.store.list('Pod', 'kube-system').every((p) => !p.metadata.deletionTimestamp)).toBe(true);
  });
});
