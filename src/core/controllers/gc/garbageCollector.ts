/**
 * The garbage collector of kube-controller-manager, after kubernetes/kubernetes
 * pkg/controller/garbagecollector/garbagecollector.go (1.30): attemptToDeleteItem (a dependent whose
 * owners are all gone is deleted; dangling references next to a live owner are removed),
 * processDeletingDependentsItem (foreground: the owner keeps its `foregroundDeletion` finalizer until
 * no dependent with blockOwnerDeletion is left) and orphanDependents (orphan: the owner's references
 * are removed from its dependents, then the `orphan` finalizer). Dependents are found by the owner's
 * uid. References to kinds the lab's apiserver does not serve are ignored, as the real collector skips
 * references it cannot resolve; the system pods' owners (ReplicaSet, DaemonSet, StatefulSet) are served
 * and exist (src/core/cluster/systemWorkloads.ts creates them first), so those pods stay because their
 * owners are there. Dependents are found through a runtime owner-uid index (ownerIndex.ts) instead
 * of the real dependency graph. Work is queued only
 * when it can change something: a dependent is checked when it appears or its ownerReferences
 * change, an owner's dependents when the owner is gone (the real graph builder's triggers).
 * Deliberate simplification: dependents of a foreground deletion are deleted in the background.
 */
import { kindInfo } from '../../api/kinds.ts';
import type { KubeObject, OwnerReference } from '../../api/types.ts';
import type { Controller, Simulation } from '../../simulation/simulation.ts';
import type { WatchEvent } from '../../store/objectStore.ts';
import { dependentsOf, hasDependents, objectRef, observeOwnerEvent, ownerRefsChanged } from './ownerIndex.ts';

const NAME = 'garbage-collector-controller';
export const FOREGROUND = 'foregroundDeletion';
export const ORPHAN = 'orphan';

export { dependentsOf } from './ownerIndex.ts';

const ref = objectRef;

function fromRef(key: string): [string, string | undefined, string] {
  const [kind, ns, name] = key.split('|');
  return [kind, ns || undefined, name];
}

/** The owner an ownerReference points to if it exists with that uid; null when gone; undefined when unresolvable. */
function resolveOwner(
  sim: Simulation,
  dependent: KubeObject,
  r: OwnerReference,
): KubeObject | null | undefined {
  const info = kindInfo(r.kind);
  if (!info) return undefined;
  const owner = sim.store.get(r.kind, info.namespaced ? dependent.metadata.namespace : undefined, r.name);
  return owner && owner.metadata.uid === r.uid ? owner : null;
}

function attemptToDelete(sim: Simulation, key: string): void {
  const [kind, ns, name] = fromRef(key);
  const obj = sim.store.get(kind, ns, name);
  const refs = obj?.metadata.ownerReferences ?? [];
  if (!obj || refs.length === 0) return;
  const owners = refs.map((r) => ({ r, owner: resolveOwner(sim, obj, r) }));
  const dangling = owners.filter((x) => x.owner === null);
  if (dangling.length === 0) return;
  if (dangling.length === owners.length) {
    if (obj.metadata.deletionTimestamp) return;
    sim.api.delete(kind, ns, name, { propagationPolicy: 'Background' });
    sim.decide({
      controller: NAME,
      object: `${kind}/${ns ? `${ns}/` : ''}${name}`,
      action: 'delete',
      message: `owner ${dangling[0].r.kind}/${dangling[0].r.name} is gone`,
    });
    return;
  }
  const gone = new Set(dangling.map((x) => x.r.uid));
  sim.api.update({
    ...obj,
    metadata: { ...obj.metadata, ownerReferences: refs.filter((r) => !gone.has(r.uid)) },
  });
}

function processDeletingOwner(sim: Simulation, key: string): void {
  const [kind, ns, name] = fromRef(key);
  const owner = sim.store.get(kind, ns, name);
  if (!owner?.metadata.deletionTimestamp) return;
  const finalizers = owner.metadata.finalizers ?? [];
  const dependents = dependentsOf(sim, owner.metadata.uid);
  if (finalizers.includes(ORPHAN)) {
    for (const d of dependents)
      sim.api.update({
        ...d,
        metadata: {
          ...d.metadata,
          ownerReferences: (d.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid),
        },
      });
    const fresh = sim.store.get(kind, ns, name);
    if (fresh)
      sim.api.update({
        ...fresh,
        metadata: {
          ...fresh.metadata,
          finalizers: (fresh.metadata.finalizers ?? []).filter((f) => f !== ORPHAN),
        },
      });
    return;
  }
  if (!finalizers.includes(FOREGROUND)) return;
  for (const d of dependents)
    if (!d.metadata.deletionTimestamp)
      sim.api.delete(d.kind, d.metadata.namespace, d.metadata.name, { propagationPolicy: 'Background' });
  const blocking = dependentsOf(sim, owner.metadata.uid).filter((d) =>
    d.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid && r.blockOwnerDeletion),
  );
  if (blocking.length > 0) {
    sim.setWaiting(`${NAME}/${key}`, {
      object: `${ns ? `${ns}/` : ''}${name}`,
      kind,
      waitingOn: blocking[0].metadata.name,
      message: `foreground deletion waits for ${blocking.length} dependent(s) to be deleted`,
    });
    return;
  }
  sim.setWaiting(`${NAME}/${key}`, undefined);
  const fresh = sim.store.get(kind, ns, name);
  if (fresh)
    sim.api.update({
      ...fresh,
      metadata: {
        ...fresh.metadata,
        finalizers: (fresh.metadata.finalizers ?? []).filter((f) => f !== FOREGROUND),
      },
    });
}

function handle(ev: WatchEvent, sim: Simulation): void {
  observeOwnerEvent(sim, ev);
  const o = ev.object;
  if (o.kind === 'Event') return;
  if (ev.type === 'DELETED') {
    if (hasDependents(sim, o.metadata.uid)) sim.enqueue(NAME, `owner-gone:${o.metadata.uid}`);
    // A dependent going away may unblock an owner that waits in foreground deletion.
    for (const r of o.metadata.ownerReferences ?? []) {
      const info = kindInfo(r.kind);
      if (!info) continue;
      const ns = info.namespaced ? o.metadata.namespace : undefined;
      // Only an owner in foreground deletion waits for its dependents; the others need no sync.
      const owner = sim.store.get(r.kind, ns, r.name);
      if (owner?.metadata.deletionTimestamp && owner.metadata.finalizers?.includes(FOREGROUND))
        sim.enqueue(NAME, `owner:${r.kind}|${ns ?? ''}|${r.name}`);
    }
    return;
  }
  // A dependent is checked when it appears or its references change; an owner that goes away is
  // handled through its DELETED event above, so other updates cannot make a reference dangle.
  if (o.metadata.ownerReferences?.length && (ev.type === 'ADDED' || ownerRefsChanged(ev)))
    sim.enqueue(NAME, `dependent:${ref(o)}`);
  const fin = o.metadata.finalizers ?? [];
  if (o.metadata.deletionTimestamp && (fin.includes(FOREGROUND) || fin.includes(ORPHAN)))
    sim.enqueue(NAME, `owner:${ref(o)}`);
}

/** The garbage collector. */
export const garbageCollector: Controller = {
  name: NAME,
  handle,
  sync(key, sim) {
    const colon = key.indexOf(':');
    const what = key.slice(0, colon);
    const rest = key.slice(colon + 1);
    if (what === 'dependent') attemptToDelete(sim, rest);
    else if (what === 'owner') processDeletingOwner(sim, rest);
    else if (what === 'owner-gone') for (const d of dependentsOf(sim, rest)) attemptToDelete(sim, ref(d));
  },
};
