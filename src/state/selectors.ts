/**
 * Pure reads over the cluster view that several parts of the page share: the StatefulSets of a
 * namespace, the pods and claims that belong to one, and whether the cluster has settled (nothing in
 * flight that a learner would still see change).
 */
import type { Pod, StatefulSet } from '../core/api/types.ts';
import type { ClusterView } from './clusterView.ts';
import { podStage } from './podStatus.ts';

/** Parses `<set>-<ordinal>` with the controller's greedy rule; -1 when the name has no ordinal. */
export function ordinalOf(name: string, parent: string): number {
  const m = /^(.*)-([0-9]+)$/.exec(name);
  if (!m || m[1] !== parent) return -1;
  return Number(m[2]);
}

/** True when the pod is controlled by the given StatefulSet (by owner uid, else by name). */
export function isPodOfSet(pod: Pod, set: StatefulSet): boolean {
  if (pod.metadata.namespace !== set.metadata.namespace) return false;
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller);
  if (owner) return owner.kind === 'StatefulSet' && owner.uid === set.metadata.uid;
  return false;
}

/** The set's pods, in ordinal order. */
export function podsOfSet(view: ClusterView, set: StatefulSet): Pod[] {
  return view.pods
    .filter((p) => isPodOfSet(p, set))
    .sort(
      (a, b) => ordinalOf(a.metadata.name, set.metadata.name) - ordinalOf(b.metadata.name, set.metadata.name),
    );
}

/** The StatefulSets of a namespace, in name order. */
export function statefulSetsIn(view: ClusterView, namespace: string): StatefulSet[] {
  return view.statefulSets
    .filter((s) => s.metadata.namespace === namespace)
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

/**
 * True when nothing a learner watches is still moving: every set has observed its spec and has its
 * replicas ready, no pod is pending, creating or terminating, and every claim is bound. A controller
 * may still report a standing wait (a partition holding pods back, a broken pod it will not replace):
 * that is a resting state too. Periodic timers (probes) may still be due; they change nothing visible.
 */
export function isSettled(view: ClusterView): boolean {
  for (const set of view.statefulSets) {
    const want = set.spec.replicas ?? 1;
    const st = set.status;
    if (!st || st.replicas !== want || (st.readyReplicas ?? 0) !== want) return false;
    if ((st.observedGeneration ?? 0) < (set.metadata.generation ?? 0)) return false;
  }
  for (const pod of view.pods) {
    const stage = podStage(pod);
    if (stage === 'pending' || stage === 'creating' || stage === 'terminating') return false;
  }
  return view.claims.every((c) => c.status?.phase === 'Bound');
}
