/**
 * The storage-object-in-use protection controllers of kube-controller-manager:
 * pvc-protection (kubernetes/kubernetes pkg/controller/volume/pvcprotection/pvc_protection_controller.go)
 * removes `kubernetes.io/pvc-protection` from a deleted claim once no pod uses it, so a claim still
 * mounted stays Terminating; pv-protection (pkg/controller/volume/pvprotection/pv_protection_controller.go)
 * removes `kubernetes.io/pv-protection` from a deleted volume once it is no longer Bound. Both tell
 * the object's lifecycle machine (`claim.deleted`, `volume.deleted`: its `deletion` region) and
 * apply what it decides.
 */
import type { PersistentVolume, PersistentVolumeClaim } from '../../api/types.ts';
import type { Controller } from '../../simulation/simulation.ts';
import type { WatchEvent } from '../../store/objectStore.ts';
import { claimApplier, volumeApplier } from './storageEffects.ts';
import { claimsOfPod, keyOf, podsUsingClaim, splitKey } from './storageHelpers.ts';
import { dispatchClaim, dispatchVolume } from './storageMachines.ts';
import { PV_PROTECTION, PVC_PROTECTION } from './storageStrategies.ts';

const PVC_NAME = 'pvc-protection-controller';
const PV_NAME = 'pv-protection-controller';

/** Keeps a claim that a pod still uses; lets it go once the last such pod has terminated or gone. */
export const pvcProtectionController: Controller = {
  name: PVC_NAME,
  handle(ev: WatchEvent, sim) {
    const o = ev.object;
    if (o.kind === 'PersistentVolumeClaim' && ev.type !== 'DELETED' && o.metadata.deletionTimestamp)
      sim.enqueue(PVC_NAME, keyOf(o));
    if (o.kind === 'Pod')
      for (const claim of claimsOfPod(o)) sim.enqueue(PVC_NAME, `${o.metadata.namespace}/${claim}`);
  },
  sync(key, sim) {
    const [ns, name] = splitKey(key);
    const claim = sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', ns, name);
    if (!claim?.metadata.deletionTimestamp || !claim.metadata.finalizers?.includes(PVC_PROTECTION)) return;
    const users = podsUsingClaim(sim, ns, name).map((p) => p.metadata.name);
    dispatchClaim(sim, claim, { type: 'claim.deleted', users }, claimApplier(sim, PVC_NAME, claim));
  },
};

/** Lets a deleted volume go once it is no longer bound to a claim. */
export const pvProtectionController: Controller = {
  name: PV_NAME,
  handle(ev: WatchEvent, sim) {
    const o = ev.object;
    if (o.kind === 'PersistentVolume' && ev.type !== 'DELETED' && o.metadata.deletionTimestamp)
      sim.enqueue(PV_NAME, o.metadata.name);
  },
  sync(name, sim) {
    const pv = sim.store.get<PersistentVolume>('PersistentVolume', undefined, name);
    if (!pv?.metadata.deletionTimestamp || !pv.metadata.finalizers?.includes(PV_PROTECTION)) return;
    dispatchVolume(sim, pv, { type: 'volume.deleted' }, volumeApplier(sim, PV_NAME, pv));
  },
};
