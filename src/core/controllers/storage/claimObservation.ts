/**
 * What the persistentvolume-controller looks at before it decides about an unbound claim
 * (kubernetes/kubernetes release-1.30 pkg/controller/volume/persistentvolume/pv_controller.go
 * syncUnboundClaim, and index.go findBestMatchForClaim): the volume the claim names or the best
 * matching volume, the claim's class and its binding mode, the scheduler's node choice and the
 * provisioner annotation. Pure reads; pvcMachine.ts decides what follows from them.
 * Where the lab differs: no label selectors on claims, no volume-mode or node-affinity matching.
 */
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../api/types.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import type { PvcMachineEvent, VolumeOffer } from './pvcMachine.ts';
import { quantityBytes } from './quantity.ts';
import { ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER } from './storageHelpers.ts';

/** A static volume that can serve the claim: same class, enough room, all requested access modes. */
function findMatchingVolume(sim: Simulation, claim: PersistentVolumeClaim): PersistentVolume | undefined {
  const want = quantityBytes(String(claim.spec.resources?.requests?.storage ?? '0')) ?? 0;
  const candidates = sim.store.list<PersistentVolume>('PersistentVolume').filter((pv) => {
    if (pv.metadata.deletionTimestamp || pv.status?.phase === 'Released' || pv.status?.phase === 'Failed')
      return false;
    const ref = pv.spec.claimRef;
    if (ref && !(ref.namespace === claim.metadata.namespace && ref.name === claim.metadata.name))
      return false;
    if ((pv.spec.storageClassName ?? '') !== (claim.spec.storageClassName ?? '')) return false;
    if (!claim.spec.accessModes.every((m) => pv.spec.accessModes.includes(m))) return false;
    return (quantityBytes(pv.spec.capacity.storage) ?? 0) >= want;
  });
  candidates.sort(
    (a, b) => (quantityBytes(a.spec.capacity.storage) ?? 0) - (quantityBytes(b.spec.capacity.storage) ?? 0),
  );
  return candidates[0];
}

function offerOf(pv: PersistentVolume, claim: PersistentVolumeClaim): VolumeOffer {
  return {
    name: pv.metadata.name,
    accessModes: pv.spec.accessModes,
    capacity: pv.spec.capacity,
    setClaimRef: !pv.spec.claimRef || pv.spec.claimRef.uid !== claim.metadata.uid,
  };
}

/** The `claim.sync` event for an unbound claim: everything the binder's decision depends on. */
export function observeUnboundClaim(
  sim: Simulation,
  claim: PersistentVolumeClaim,
): Extract<PvcMachineEvent, { type: 'claim.sync' }> {
  const annotations = claim.metadata.annotations ?? {};
  const base = {
    type: 'claim.sync' as const,
    deleting: Boolean(claim.metadata.deletionTimestamp),
    className: claim.spec.storageClassName ?? '',
    selectedNode: Boolean(annotations[ANN_SELECTED_NODE]),
    annotatedProvisioner: annotations[ANN_STORAGE_PROVISIONER],
    // The binder chose the volume unless the user named it (always so for provisioned volumes).
    boundByController: !claim.spec.volumeName || Boolean(annotations[ANN_STORAGE_PROVISIONER]),
  };
  if (base.deleting) return base;
  if (claim.spec.volumeName) {
    const pv = sim.store.get<PersistentVolume>('PersistentVolume', undefined, claim.spec.volumeName);
    const free = pv && (!pv.spec.claimRef || pv.spec.claimRef.uid === claim.metadata.uid);
    return { ...base, named: free ? { free: offerOf(pv, claim) } : {} };
  }
  const match = findMatchingVolume(sim, claim);
  if (match) return { ...base, match: offerOf(match, claim) };
  const sc = base.className
    ? sim.store.get<StorageClass>('StorageClass', undefined, base.className)
    : undefined;
  return sc
    ? {
        ...base,
        storageClass: {
          provisioner: sc.provisioner,
          waitForFirstConsumer: sc.volumeBindingMode === 'WaitForFirstConsumer',
        },
      }
    : base;
}
