/**
 * The PersistentVolume controller of kube-controller-manager ("persistentvolume-controller"), after
 * kubernetes/kubernetes pkg/controller/volume/persistentvolume/pv_controller.go (1.30): syncClaim
 * (syncUnboundClaim: bind to a matching volume, or hand the claim to an external provisioner with the
 * ExternalProvisioning event, or wait for the first consumer; syncBoundClaim: Lost) and syncVolume
 * (Available, Bound, Released, reclaim: Retain keeps the volume, Delete has the provisioner delete it).
 * Pending claims are re-synced every 15 s, the controller's resync period, which is why a stuck
 * claim's ExternalProvisioning event counts up. Deliberate simplifications: no label selectors on
 * claims, no Recycle, no volume-mode or node-affinity matching for static volumes.
 */
import type { KubeObject, PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../api/types.ts';
import type { Timer } from '../../clock/virtualClock.ts';
import type { Controller, Simulation } from '../../simulation/simulation.ts';
import type { WatchEvent } from '../../store/objectStore.ts';
import { quantityBytes } from './quantity.ts';
import {
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_PROVISIONED_BY,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  hasTimer,
  keyOf,
  splitKey,
} from './storageHelpers.ts';
import { removeVolumeContents, volumeIdOf } from './volumes.ts';

const NAME = 'persistentvolume-controller';
/** pv_controller's resync period. */
export const PV_RESYNC_MS = 15_000;
/** How long an external provisioner takes to delete a released volume (illustrative). */
export const RECLAIM_DELETE_MS = 1_000;

function isBound(c: PersistentVolumeClaim): boolean {
  return c.status?.phase === 'Bound';
}

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

function scheduleResync(sim: Simulation, claim: PersistentVolumeClaim): void {
  if (!hasTimer(sim, 'pv-resync', keyOf(claim))) sim.after(PV_RESYNC_MS, 'pv-resync', keyOf(claim));
}

/** Binds claim and volume both ways (bindVolumeToClaim, bindClaimToVolume, status updates). */
function bind(sim: Simulation, claim: PersistentVolumeClaim, pv: PersistentVolume): void {
  let volume = pv;
  if (!pv.spec.claimRef || pv.spec.claimRef.uid !== claim.metadata.uid) {
    const r = sim.api.update<PersistentVolume>({
      ...pv,
      metadata: {
        ...pv.metadata,
        annotations: { ...pv.metadata.annotations, [ANN_BOUND_BY_CONTROLLER]: 'yes' },
      },
      spec: {
        ...pv.spec,
        claimRef: {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          namespace: claim.metadata.namespace ?? 'default',
          name: claim.metadata.name,
          uid: claim.metadata.uid,
          resourceVersion: claim.metadata.resourceVersion,
        },
      },
    });
    if (!r.ok) return;
    volume = r.value;
  }
  if (volume.status?.phase !== 'Bound') {
    const r = sim.api.updateStatus<PersistentVolume>({
      ...volume,
      status: { ...volume.status, phase: 'Bound', lastPhaseTransitionTime: sim.timestamp() },
    });
    if (r.ok) volume = r.value;
  }
  const annotations: Record<string, string> = { ...claim.metadata.annotations, [ANN_BIND_COMPLETED]: 'yes' };
  // The controller chose the volume unless the user named it (always so for provisioned volumes).
  if (!claim.spec.volumeName || claim.metadata.annotations?.[ANN_STORAGE_PROVISIONER])
    annotations[ANN_BOUND_BY_CONTROLLER] = 'yes';
  const updated = sim.api.update<PersistentVolumeClaim>({
    ...claim,
    metadata: { ...claim.metadata, annotations },
    spec: { ...claim.spec, volumeName: volume.metadata.name },
  });
  if (!updated.ok) return;
  sim.api.updateStatus<PersistentVolumeClaim>({
    ...updated.value,
    status: { phase: 'Bound', accessModes: volume.spec.accessModes, capacity: { ...volume.spec.capacity } },
  });
  sim.decide({
    controller: NAME,
    object: `PersistentVolumeClaim/${keyOf(claim)}`,
    action: 'bind',
    message: `bound ${claim.metadata.name} to volume ${volume.metadata.name}`,
  });
}

function syncClaim(sim: Simulation, key: string): void {
  const [ns, name] = splitKey(key);
  const claim = sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', ns, name);
  if (!claim) return;
  if (isBound(claim)) {
    const pv = claim.spec.volumeName
      ? sim.store.get<PersistentVolume>('PersistentVolume', undefined, claim.spec.volumeName)
      : undefined;
    if (!pv) {
      sim.api.updateStatus({ ...claim, status: { ...claim.status, phase: 'Lost' } });
      sim.event(
        claim,
        'Warning',
        'ClaimLost',
        'Bound claim has lost its PersistentVolume. Data on the volume is lost!',
        NAME,
      );
    }
    return;
  }
  if (claim.status?.phase === 'Lost' || claim.metadata.deletionTimestamp) return;
  if (claim.spec.volumeName) {
    const pv = sim.store.get<PersistentVolume>('PersistentVolume', undefined, claim.spec.volumeName);
    if (pv && (!pv.spec.claimRef || pv.spec.claimRef.uid === claim.metadata.uid)) bind(sim, claim, pv);
    else scheduleResync(sim, claim);
    return;
  }
  const match = findMatchingVolume(sim, claim);
  if (match) {
    bind(sim, claim, match);
    return;
  }
  const className = claim.spec.storageClassName ?? '';
  scheduleResync(sim, claim);
  if (className === '') {
    sim.event(
      claim,
      'Normal',
      'FailedBinding',
      'no persistent volumes available for this claim and no storage class is set',
      NAME,
    );
    return;
  }
  const sc = sim.store.get<StorageClass>('StorageClass', undefined, className);
  if (!sc) {
    sim.event(
      claim,
      'Warning',
      'ProvisioningFailed',
      `storageclass.storage.k8s.io "${className}" not found`,
      NAME,
    );
    return;
  }
  if (sc.volumeBindingMode === 'WaitForFirstConsumer' && !claim.metadata.annotations?.[ANN_SELECTED_NODE]) {
    sim.event(
      claim,
      'Normal',
      'WaitForFirstConsumer',
      'waiting for first consumer to be created before binding',
      NAME,
    );
    return;
  }
  if (claim.metadata.annotations?.[ANN_STORAGE_PROVISIONER] !== sc.provisioner) {
    const r = sim.api.update<PersistentVolumeClaim>({
      ...claim,
      metadata: {
        ...claim.metadata,
        annotations: {
          ...claim.metadata.annotations,
          [ANN_BETA_STORAGE_PROVISIONER]: sc.provisioner,
          [ANN_STORAGE_PROVISIONER]: sc.provisioner,
        },
      },
    });
    if (!r.ok) return;
  }
  sim.event(
    claim,
    'Normal',
    'ExternalProvisioning',
    `Waiting for a volume to be created either by the external provisioner '${sc.provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
    NAME,
  );
  sim.setWaiting(`${NAME}/${key}`, {
    object: key,
    kind: 'PersistentVolumeClaim',
    message: `waiting for provisioner ${sc.provisioner} to create a volume`,
  });
}

function syncVolume(sim: Simulation, name: string): void {
  const pv = sim.store.get<PersistentVolume>('PersistentVolume', undefined, name);
  if (!pv) return;
  const ref = pv.spec.claimRef;
  if (!ref) {
    if (pv.status?.phase !== 'Available' && !pv.metadata.deletionTimestamp)
      sim.api.updateStatus({
        ...pv,
        status: { ...pv.status, phase: 'Available', lastPhaseTransitionTime: sim.timestamp() },
      });
    return;
  }
  const claim = sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', ref.namespace, ref.name);
  if (claim && (!ref.uid || claim.metadata.uid === ref.uid)) {
    if (!isBound(claim) || pv.status?.phase !== 'Bound') sim.enqueue(NAME, `claim:${keyOf(claim)}`);
    return;
  }
  // The claim is gone: the volume is released and reclaimed by its policy.
  if (pv.status?.phase !== 'Released' && pv.status?.phase !== 'Failed') {
    sim.api.updateStatus({
      ...pv,
      status: { ...pv.status, phase: 'Released', lastPhaseTransitionTime: sim.timestamp() },
    });
    sim.decide({
      controller: NAME,
      object: `PersistentVolume/${name}`,
      action: 'release',
      message: `claim ${ref.namespace}/${ref.name} was deleted`,
    });
  }
  if (
    pv.spec.persistentVolumeReclaimPolicy === 'Delete' &&
    !pv.metadata.deletionTimestamp &&
    !hasTimer(sim, 'pv-reclaim-delete', name)
  )
    sim.after(RECLAIM_DELETE_MS, 'pv-reclaim-delete', name);
}

/** Deletes a released Delete-policy volume and its contents, as its provisioner does (deleteVolumeOperation). */
function reclaimDelete(timer: Timer, sim: Simulation): void {
  const pv = sim.store.get<PersistentVolume>('PersistentVolume', undefined, timer.key);
  if (pv?.status?.phase !== 'Released' || pv.spec.persistentVolumeReclaimPolicy !== 'Delete') return;
  const id = volumeIdOf(pv);
  if (id && pv.metadata.annotations?.[ANN_PROVISIONED_BY]) removeVolumeContents(sim, id);
  sim.api.delete('PersistentVolume', undefined, pv.metadata.name);
  sim.decide({
    controller: NAME,
    object: `PersistentVolume/${pv.metadata.name}`,
    action: 'delete',
    message: 'reclaim policy Delete',
  });
}

function handle(ev: WatchEvent, sim: Simulation): void {
  const o: KubeObject = ev.object;
  if (o.kind === 'PersistentVolumeClaim') {
    if (ev.type !== 'DELETED') sim.enqueue(NAME, `claim:${keyOf(o)}`);
    const volumeName = (o as PersistentVolumeClaim).spec?.volumeName;
    if (volumeName) sim.enqueue(NAME, `volume:${volumeName}`);
    if (ev.type === 'DELETED') sim.setWaiting(`${NAME}/${keyOf(o)}`, undefined);
  } else if (o.kind === 'PersistentVolume') {
    if (ev.type !== 'DELETED') sim.enqueue(NAME, `volume:${o.metadata.name}`);
    const ref = (o as PersistentVolume).spec?.claimRef;
    if (ref) sim.enqueue(NAME, `claim:${ref.namespace}/${ref.name}`);
  } else if (o.kind === 'StorageClass' && ev.type === 'ADDED') {
    for (const c of sim.store.list<PersistentVolumeClaim>('PersistentVolumeClaim'))
      if (!isBound(c) && c.spec.storageClassName === o.metadata.name) sim.enqueue(NAME, `claim:${keyOf(c)}`);
  }
}

/** The persistentvolume-controller: binder and reclaimer. */
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
  'pv-resync': (timer: Timer, sim: Simulation) => {
    const c = sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', ...splitKey(timer.key));
    if (c && !isBound(c)) sim.enqueue(NAME, `claim:${timer.key}`);
  },
  'pv-reclaim-delete': reclaimDelete,
};
