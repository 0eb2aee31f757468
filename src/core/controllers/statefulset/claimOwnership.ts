/**
 * The PVC retention policy expressed as owner references on claims (StatefulSetAutoDeletePVC, beta
 * and on in 1.30). The garbage collector does the deleting; these helpers only decide the refs.
 *
 * Follows kubernetes/kubernetes v1.30 pkg/controller/statefulset/stateful_set_utils.go
 * (getPersistentVolumeClaimRetentionPolicy, isClaimOwnerUpToDate, updateClaimOwnerRefForSetAndPod,
 * hasOwnerRef, hasStaleOwnerRef, setOwnerRef, removeOwnerRef). 1.30 writes plain owner refs
 * (no `controller`/`blockOwnerDeletion`); the 1.32 controller-ref upgrade is not modelled.
 */
import type { KubeObject, OwnerReference, PersistentVolumeClaim, Pod, StatefulSet } from '../../api/types.ts';
import { getOrdinal, ordinalInRange } from './statefulSetUtils.ts';

export type RetentionPolicy = { whenDeleted: 'Retain' | 'Delete'; whenScaled: 'Retain' | 'Delete' };

/** The set's policy with both fields defaulted to Retain. */
export function getRetentionPolicy(set: StatefulSet): RetentionPolicy {
  const p = set.spec.persistentVolumeClaimRetentionPolicy;
  return { whenDeleted: p?.whenDeleted ?? 'Retain', whenScaled: p?.whenScaled ?? 'Retain' };
}

/** True when a ref points at the owner's uid. */
export function hasOwnerRef(target: KubeObject, owner: { metadata: { uid: string } }): boolean {
  const uid = owner.metadata.uid;
  for (const r of target.metadata.ownerReferences ?? []) if (r.uid === uid) return true;
  return false;
}

/** True when a ref has the owner's name but another uid: it belonged to an earlier object of that name. */
export function hasStaleOwnerRef(
  target: KubeObject,
  owner: { metadata: { name: string; uid: string } },
): boolean {
  for (const r of target.metadata.ownerReferences ?? [])
    if (r.name === owner.metadata.name && r.uid !== owner.metadata.uid) return true;
  return false;
}

function podScaledDown(set: StatefulSet, pod: Pod): boolean {
  return !ordinalInRange(set, getOrdinal(pod));
}

/**
 * Whether the claim's refs already express the policy for this pod: Retain/Retain none;
 * whenDeleted=Delete a set ref; whenScaled=Delete a pod ref once the pod is condemned (and, with
 * Delete/Delete, no set ref then). Claims with stale refs are left alone (true).
 */
export function isClaimOwnerUpToDate(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
  if (hasStaleOwnerRef(claim, set) || hasStaleOwnerRef(claim, pod)) return true;
  const p = getRetentionPolicy(set);
  const setRef = hasOwnerRef(claim, set);
  const podRef = hasOwnerRef(claim, pod);
  if (p.whenScaled === 'Retain' && p.whenDeleted === 'Retain') return !setRef && !podRef;
  if (p.whenScaled === 'Retain' && p.whenDeleted === 'Delete') return setRef && !podRef;
  const down = podScaledDown(set, pod);
  if (p.whenDeleted === 'Retain') return !setRef && down === podRef;
  return down !== setRef && down === podRef;
}

/**
 * The claim's owner references rewritten for the policy (refs to other owners kept, in order;
 * new refs appended without the controller flag), or null when nothing changes.
 */
export function claimOwnerRefsForPolicy(
  claim: PersistentVolumeClaim,
  set: StatefulSet,
  pod: Pod,
): OwnerReference[] | null {
  const p = getRetentionPolicy(set);
  let refs = [...(claim.metadata.ownerReferences ?? [])];
  let changed = false;
  const add = (owner: KubeObject, apiVersion: string, kind: string) => {
    if (refs.some((r) => r.uid === owner.metadata.uid)) return;
    refs.push({ apiVersion, kind, name: owner.metadata.name, uid: owner.metadata.uid });
    changed = true;
  };
  const remove = (owner: KubeObject) => {
    const next = refs.filter((r) => r.uid !== owner.metadata.uid);
    if (next.length !== refs.length) changed = true;
    refs = next;
  };
  const addSet = () => add(set, 'apps/v1', 'StatefulSet');
  const addPod = () => add(pod, 'v1', 'Pod');
  const down = podScaledDown(set, pod);
  if (p.whenScaled === 'Retain' && p.whenDeleted === 'Retain') {
    remove(set);
    remove(pod);
  } else if (p.whenScaled === 'Retain') {
    addSet();
    remove(pod);
  } else if (p.whenDeleted === 'Retain') {
    remove(set);
    if (down) addPod();
    else remove(pod);
  } else if (down) {
    remove(set);
    addPod();
  } else {
    addSet();
    remove(pod);
  }
  return changed ? refs : null;
}
