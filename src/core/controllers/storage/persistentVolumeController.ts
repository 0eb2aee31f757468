/**
 * The PersistentVolume controller of kube-controller-manager ("persistentvolume-controller"), after
 * kubernetes/kubernetes pkg/controller/volume/persistentvolume/pv_controller.go (1.30): syncClaim
 * (syncUnboundClaim: bind to a matching volume, or hand the claim to an external provisioner with the
 * ExternalProvisioning event, or wait for the first consumer; syncBoundClaim: Lost) and syncVolume
 * (Available, Bound, Released, reclaim: Retain keeps the volume, Delete has the provisioner delete it).
 * It observes (claimObservation.ts), sends what it saw to the claim's or the volume's lifecycle
 * machine (pvcMachine.ts, pvMachine.ts, run by storageMachines.ts) and applies the writes the
 * machine decided (storageEffects.ts). Pending claims are re-synced every 15 s, the controller's
 * resync period, which is why a stuck claim's ExternalProvisioning event counts up. Deliberate
 * simplifications: no label selectors on claims, no Recycle, no volume-mode or node-affinity
 * matching for static volumes.
 */
import type { KubeObject, PersistentVolume, PersistentVolumeClaim } from '../../api/types.ts';
import type { Timer } from '../../clock/virtualClock.ts';
import type { Controller, Simulation } from '../../simulation/simulation.ts';
import type { WatchEvent } from '../../store/objectStore.ts';
import { observeUnboundClaim } from './claimObservation.ts';
import { claimApplier, RECLAIM_TIMER, RESYNC_TIMER, volumeApplier } from './storageEffects.ts';
import { ANN_PROVISIONED_BY, hasTimer, keyOf, splitKey } from './storageHelpers.ts';
import { dispatchClaim, dispatchVolume, ensureVolumeMachine, forgetMachine } from './storageMachines.ts';
import { volumeIdOf } from './volumes.ts';

const NAME = 'persistentvolume-controller';

function isBound(c: PersistentVolumeClaim): boolean {
  return c.status?.phase === 'Bound';
}

function syncClaim(sim: Simulation, key: string): void {
  const [ns, name] = splitKey(key);
  const claim = sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', ns, name);
  if (!claim) return;
  const apply = claimApplier(sim, NAME, claim);
  if (isBound(claim)) {
    const pv = claim.spec.volumeName
      ? sim.store.get<PersistentVolume>('PersistentVolume', undefined, claim.spec.volumeName)
      : undefined;
    if (!pv) dispatchClaim(sim, claim, { type: 'claim.lost' }, apply);
    return;
  }
  dispatchClaim(sim, claim, observeUnboundClaim(sim, claim), apply);
}

function syncVolume(sim: Simulation, name: string): void {
  const pv = sim.store.get<PersistentVolume>('PersistentVolume', undefined, name);
  if (!pv) return;
  const ref = pv.spec.claimRef;
  const claim = ref
    ? sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', ref.namespace, ref.name)
    : undefined;
  if (ref && claim && (!ref.uid || claim.metadata.uid === ref.uid)) {
    // The claim's sync binds them; the volume only makes sure it has a machine.
    ensureVolumeMachine(sim, pv);
    if (!isBound(claim) || pv.status?.phase !== 'Bound') sim.enqueue(NAME, `claim:${keyOf(claim)}`);
    return;
  }
  dispatchVolume(
    sim,
    pv,
    {
      type: 'volume.sync',
      claim: ref ? 'gone' : 'none',
      claimKey: ref ? `${ref.namespace}/${ref.name}` : undefined,
      deleting: Boolean(pv.metadata.deletionTimestamp),
      reclaimPolicy: pv.spec.persistentVolumeReclaimPolicy,
      reclaimScheduled: hasTimer(sim, RECLAIM_TIMER, name),
    },
    volumeApplier(sim, NAME, pv),
  );
}

/** Deletes a released Delete-policy volume and its contents, as its provisioner does (deleteVolumeOperation). */
function reclaimDelete(timer: Timer, sim: Simulation): void {
  const pv = sim.store.get<PersistentVolume>('PersistentVolume', undefined, timer.key);
  if (pv?.status?.phase !== 'Released' || pv.spec.persistentVolumeReclaimPolicy !== 'Delete') return;
  const id = volumeIdOf(pv);
  // Only a provisioned volume's contents are the provisioner's to remove.
  const contentsId = id && pv.metadata.annotations?.[ANN_PROVISIONED_BY] ? id : undefined;
  dispatchVolume(sim, pv, { type: 'volume.reclaim', contentsId }, volumeApplier(sim, NAME, pv));
}

function handle(ev: WatchEvent, sim: Simulation): void {
  const o: KubeObject = ev.object;
  if (o.kind === 'PersistentVolumeClaim') {
    if (ev.type !== 'DELETED') sim.enqueue(NAME, `claim:${keyOf(o)}`);
    const volumeName = (o as PersistentVolumeClaim).spec?.volumeName;
    if (volumeName) sim.enqueue(NAME, `volume:${volumeName}`);
    if (ev.type === 'DELETED') {
      sim.setWaiting(`${NAME}/${keyOf(o)}`, undefined);
      forgetMachine(sim, o.metadata.uid);
    }
  } else if (o.kind === 'PersistentVolume') {
    if (ev.type !== 'DELETED') sim.enqueue(NAME, `volume:${o.metadata.name}`);
    else forgetMachine(sim, o.metadata.uid);
    const ref = (o as PersistentVolume).spec?.claimRef;
    if (ref) sim.enqueue(NAME, `claim:${ref.namespace}/${ref.name}`);
  } else if (o.kind === 'StorageClass' && ev.type === 'ADDED') {
    for (const c of sim.store.list<PersistentVolumeClaim>('PersistentVolumeClaim'))
      if (!isBound(c) && c.spec.storageClassName === o.metadata.name) sim.enqueue(NAME, `claim:${keyOf(c)}`);
  }
}

/**
 * The persistentvolume-controller: binder and reclaimer. Its watch handler also forgets the lifecycle
 * machine of a claim or volume the moment the object is gone, so no machine outlives its object.
 */
export const persistentVolumeController: Controller = {
  name: NAME,
  handle,
  sync(key, sim) {
    if (key.startsWith('claim:')) {
      const claimKey = key.slice(6);
      const c = sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', ...splitKey(claimKey));
      if (!c || isBound(c)) sim.setWaiting(`${NAME}/${claimKey}`, undefined);
      syncClaim(sim, claimKey);
    } else if (key.startsWith('volume:')) syncVolume(sim, key.slice(7));
  },
};

/** Timer handlers of the controller. */
export const persistentVolumeTimers = {
  [RESYNC_TIMER]: (timer: Timer, sim: Simulation) => {
    const c = sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', ...splitKey(timer.key));
    if (c && !isBound(c)) sim.enqueue(NAME, `claim:${timer.key}`);
  },
  [RECLAIM_TIMER]: reclaimDelete,
};
