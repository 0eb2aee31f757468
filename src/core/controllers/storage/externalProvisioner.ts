/**
 * The external provisioners minikube runs: storage-provisioner (k8s.io/minikube-hostpath, hostPath
 * volumes under /tmp/hostpath-provisioner/<namespace>/<claim>, kubernetes/minikube
 * pkg/storage/storage_provisioner.go on sig-storage-lib-external-provisioner) and the csi-provisioner
 * sidecar of the csi-hostpath-driver addon (hostpath.csi.k8s.io, kubernetes-csi/external-provisioner
 * pkg/controller/controller.go Provision). A claim whose class names a provisioner whose pod is
 * Running gets the Provisioning event, then after about a second a PV `pvc-<claim uid>` (capacity
 * = request, claimRef, the class's reclaim policy, csi or hostPath source, provisioned-by annotation)
 * and the ProvisioningSucceeded event; the persistentvolume-controller then binds them. Without its
 * pod nothing happens, and the claim stays Pending. Event sources are `<provisioner>_<host>_<id>` as
 * the provisioner library names itself; the id is the provisioner pod's uid (the real one is a
 * per-process random UUID). What to record and when to create the volume is decided by the claim's
 * lifecycle machine (pvcMachine.ts: `provision.started`, `claim.provisioned`); this controller
 * observes, builds the volume and applies the machine's actions (storageEffects.ts).
 */
import type {
  KubeObject,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  StorageClass,
} from '../../api/types.ts';
import type { Timer } from '../../clock/virtualClock.ts';
import { EPOCH_MS, fromTimestamp } from '../../clock/virtualClock.ts';
import type { Controller, Simulation } from '../../simulation/simulation.ts';
import type { WatchEvent } from '../../store/objectStore.ts';
import { claimApplier, PROVISION_TIMER } from './storageEffects.ts';
import {
  ANN_PROVISIONED_BY,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  hasTimer,
  keyOf,
  provisionerPod,
  splitKey,
} from './storageHelpers.ts';
import { dispatchClaim, ensureVolumeMachine } from './storageMachines.ts';
import { createVolumeContents } from './volumes.ts';

const NAME = 'external-provisioner';

/** The event source a provisioner instance reports as (`<name>_<host>_<uuid>`). */
function provisionerIdentity(provisioner: string, pod: Pod): string {
  // storage-provisioner runs on the host network, so its hostname is the node's.
  const host = pod.metadata.name === 'storage-provisioner' ? 'minikube' : pod.metadata.name;
  return `${provisioner}_${host}_${pod.metadata.uid}`;
}

/** What the claim waits for, or undefined when this controller should provision it now. */
function provisionable(
  sim: Simulation,
  claim: PersistentVolumeClaim,
): { sc: StorageClass; pod: Pod } | undefined {
  if (claim.status?.phase !== 'Pending' || claim.spec.volumeName || claim.metadata.deletionTimestamp)
    return undefined;
  const provisioner = claim.metadata.annotations?.[ANN_STORAGE_PROVISIONER];
  const sc = claim.spec.storageClassName
    ? sim.store.get<StorageClass>('StorageClass', undefined, claim.spec.storageClassName)
    : undefined;
  if (!provisioner || !sc || sc.provisioner !== provisioner) return undefined;
  if (sc.volumeBindingMode === 'WaitForFirstConsumer' && !claim.metadata.annotations?.[ANN_SELECTED_NODE])
    return undefined;
  const pod = provisionerPod(sim, provisioner);
  return pod ? { sc, pod } : undefined;
}

function sync(key: string, sim: Simulation): void {
  const claim = sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', ...splitKey(key));
  if (!claim || hasTimer(sim, PROVISION_TIMER, claim.metadata.uid)) return;
  const ready = provisionable(sim, claim);
  if (!ready) return;
  if (sim.store.get('PersistentVolume', undefined, `pvc-${claim.metadata.uid}`)) return;
  dispatchClaim(
    sim,
    claim,
    { type: 'provision.started', source: provisionerIdentity(ready.sc.provisioner, ready.pod) },
    claimApplier(sim, NAME, claim),
  );
}

function buildVolume(sim: Simulation, claim: PersistentVolumeClaim, sc: StorageClass, pod: Pod): KubeObject {
  const name = `pvc-${claim.metadata.uid}`;
  const ns = claim.metadata.namespace ?? 'default';
  const common = {
    accessModes: claim.spec.accessModes,
    capacity: { storage: claim.spec.resources.requests.storage },
    claimRef: {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      name: claim.metadata.name,
      namespace: ns,
      resourceVersion: claim.metadata.resourceVersion,
      uid: claim.metadata.uid,
    },
    persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
    storageClassName: sc.metadata.name,
    volumeMode: claim.spec.volumeMode ?? 'Filesystem',
  };
  if (sc.provisioner === 'hostpath.csi.k8s.io') {
    // csi-provisioner names itself `<start ms>-<random 0..9999>-<driver>`; it started with its pod.
    const started = EPOCH_MS + fromTimestamp(pod.metadata.creationTimestamp);
    const identity = `${started}-${sim.random.int(0, 9999)}-hostpath.csi.k8s.io`;
    return {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: {
        name,
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
        annotations: {
          [ANN_PROVISIONED_BY]: sc.provisioner,
          'volume.kubernetes.io/provisioner-deletion-secret-name': '',
          'volume.kubernetes.io/provisioner-deletion-secret-namespace': '',
        },
      },
      spec: {
        ...common,
        csi: {
          driver: 'hostpath.csi.k8s.io',
          volumeAttributes: { 'storage.kubernetes.io/csiProvisionerIdentity': identity },
          volumeHandle: sim.random.uuid(),
        },
        nodeAffinity: {
          required: {
            nodeSelectorTerms: [
              {
                matchExpressions: [
                  { key: 'topology.hostpath.csi/node', operator: 'In', values: ['minikube'] },
                ],
              },
            ],
          },
        },
      },
    };
  }
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name,
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      annotations: {
        hostPathProvisionerIdentity: hostPathIdentity(sim),
        [ANN_PROVISIONED_BY]: sc.provisioner,
      },
    },
    spec: {
      ...common,
      hostPath: { path: `/tmp/hostpath-provisioner/${ns}/${claim.metadata.name}`, type: '' },
    },
  };
}

/**
 * minikube's storage-provisioner writes one identity (a UUID made when the process starts) on every
 * volume it provisions; the lab uses the provisioner pod's uid, which is as stable.
 */
function hostPathIdentity(sim: Simulation): string {
  return sim.store.get('Pod', 'kube-system', 'storage-provisioner')?.metadata.uid ?? sim.random.uuid();
}

/** The `provision` timer: creates the PV if the claim still wants it and the provisioner still runs. */
function provision(timer: Timer, sim: Simulation): void {
  const { key } = timer.data as { key: string };
  const claim = sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', ...splitKey(key));
  if (!claim || claim.metadata.uid !== timer.key) return;
  const ready = provisionable(sim, claim);
  if (!ready) return;
  const createVolume = (c: PersistentVolumeClaim): boolean => {
    const created = sim.api.create<PersistentVolume>(buildVolume(sim, c, ready.sc, ready.pod));
    if (!created.ok) return false;
    const pv = created.value;
    createVolumeContents(sim, pv.spec.csi?.volumeHandle ?? pv.spec.hostPath?.path ?? pv.metadata.name);
    // The volume's lifecycle starts here, Pending, before the binder first looks at it.
    ensureVolumeMachine(sim, pv);
    return true;
  };
  dispatchClaim(
    sim,
    claim,
    {
      type: 'claim.provisioned',
      provisioner: ready.sc.provisioner,
      source: provisionerIdentity(ready.sc.provisioner, ready.pod),
    },
    claimApplier(sim, NAME, claim, { createVolume }),
  );
}

function handle(ev: WatchEvent, sim: Simulation): void {
  const o = ev.object;
  if (o.kind === 'PersistentVolumeClaim' && ev.type !== 'DELETED') sim.enqueue(NAME, keyOf(o));
  // A provisioner pod coming up (or a class appearing) releases every claim waiting for it.
  const provisionerAppeared =
    (o.kind === 'Pod' && o.metadata.namespace === 'kube-system' && ev.type !== 'DELETED') ||
    (o.kind === 'StorageClass' && ev.type === 'ADDED');
  if (provisionerAppeared)
    for (const c of sim.store.list<PersistentVolumeClaim>('PersistentVolumeClaim'))
      if (c.status?.phase === 'Pending' && !c.spec.volumeName) sim.enqueue(NAME, keyOf(c));
}

/** The provisioners' controller (one for all provisioners the lab models). */
export const externalProvisioner: Controller = { name: NAME, handle, sync };

/** Timer handlers of the provisioners. */
export const externalProvisionerTimers = { [PROVISION_TIMER]: provision };
