import { describe, expect, it } from 'vitest';
import type { KubeEvent, PersistentVolume, PersistentVolumeClaim } from '../../api/types.ts';
import { disableAddon, enableAddon } from '../../cluster/addons.ts';
import { makeClusterSim, makePod, removePod } from '../../cluster/clusterTestKit.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import { volumeForClaim } from './volumes.ts';

function claim(name: string, extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'default' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '20Mi' } }, ...extra },
  };
}

function createClaim(
  sim: Simulation,
  name: string,
  extra: Record<string, unknown> = {},
): PersistentVolumeClaim {
  const r = sim.api.create<PersistentVolumeClaim>(claim(name, extra));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const getClaim = (sim: Simulation, name: string) =>
  sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', name);
const eventsFor = (sim: Simulation, name: string) =>
  sim.store.list<KubeEvent>('Event', 'default').filter((e) => e.involvedObject.name === name);

describe('PersistentVolumeClaim admission and validation', () => {
  it('defaults volumeMode, the default class and the pvc-protection finalizer', () => {
    const sim = makeClusterSim();
    const pvc = createClaim(sim, 'data');
    expect(pvc.spec.volumeMode).toBe('Filesystem');
    expect(pvc.spec.storageClassName).toBe('standard');
    expect(pvc.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    expect(pvc.status.phase).toBe('Pending');
  });

  it('keeps an explicit empty class empty', () => {
    const sim = makeClusterSim();
    expect(createClaim(sim, 'static', { storageClassName: '' }).spec.storageClassName).toBe('');
  });

  it('rejects a claim without access modes with the real text and stores nothing', () => {
    const sim = makeClusterSim();
    const r = sim.api.create(claim('bad', { accessModes: [] }));
    expect(r.ok ? '' : r.error.message).toBe(
      'PersistentVolumeClaim "bad" is invalid: spec.accessModes: Required value: at least 1 access mode is required',
    );
    expect(getClaim(sim, 'bad')).toBeUndefined();
  });

  it('refuses a change of class with the immutable-spec message', () => {
    const sim = makeClusterSim();
    const pvc = createClaim(sim, 'data');
    const r = sim.api.update({ ...pvc, spec: { ...pvc.spec, storageClassName: 'csi-hostpath-sc' } });
    expect(r.ok ? '' : r.error.message).toBe(
      'PersistentVolumeClaim "data" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    );
  });
});

describe('provisioning and binding', () => {
  it('binds a claim of class standard within about 2 s to PV pvc-<claim uid>', () => {
    const sim = makeClusterSim();
    const pvc = createClaim(sim, 'data');
    sim.advance(2000);
    const bound = getClaim(sim, 'data');
    const pvName = `pvc-${pvc.metadata.uid}`;
    expect(bound?.status.phase).toBe('Bound');
    expect(bound?.spec.volumeName).toBe(pvName);
    expect(bound?.status.capacity).toEqual({ storage: '20Mi' });
    expect(bound?.status.accessModes).toEqual(['ReadWriteOnce']);
    expect(bound?.metadata.annotations).toMatchObject({
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
      'volume.beta.kubernetes.io/storage-provisioner': 'k8s.io/minikube-hostpath',
      'volume.kubernetes.io/storage-provisioner': 'k8s.io/minikube-hostpath',
    });
    const pv = sim.store.get<PersistentVolume>('PersistentVolume', undefined, pvName);
    expect(pv?.status.phase).toBe('Bound');
    expect(pv?.spec.claimRef).toMatchObject({ namespace: 'default', name: 'data', uid: pvc.metadata.uid });
    expect(pv?.spec.persistentVolumeReclaimPolicy).toBe('Delete');
    expect(pv?.spec.hostPath?.path).toBe('/tmp/hostpath-provisioner/default/data');
    expect(pv?.metadata.finalizers).toContain('kubernetes.io/pv-protection');
    const reasons = eventsFor(sim, 'data').map((e) => e.reason);
    expect(reasons).toContain('ExternalProvisioning');
    expect(reasons).toContain('Provisioning');
    expect(reasons).toContain('ProvisioningSucceeded');
    const ok = eventsFor(sim, 'data').find((e) => e.reason === 'ProvisioningSucceeded');
    expect(ok?.message).toBe(`Successfully provisioned volume ${pvName}`);
    expect(ok?.source.component).toMatch(/^k8s\.io\/minikube-hostpath_minikube_/);
  });

  it('leaves a standard claim Pending once storage-provisioner is disabled, re-announcing every resync', () => {
    const sim = makeClusterSim();
    disableAddon(sim, 'storage-provisioner');
    createClaim(sim, 'data');
    sim.advance(60_000);
    expect(getClaim(sim, 'data')?.status.phase).toBe('Pending');
    expect(sim.store.list('PersistentVolume')).toHaveLength(0);
    const waiting = eventsFor(sim, 'data').find((e) => e.reason === 'ExternalProvisioning');
    expect(waiting?.message).toBe(
      "Waiting for a volume to be created either by the external provisioner 'k8s.io/minikube-hostpath' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
    );
    expect(waiting?.count).toBeGreaterThanOrEqual(4);
    // Bringing the provisioner back (after the kubelet removed the old pod) provisions the claim.
    removePod(sim, 'storage-provisioner', 'kube-system');
    enableAddon(sim, 'storage-provisioner');
    sim.advance(2000);
    expect(getClaim(sim, 'data')?.status.phase).toBe('Bound');
  });

  it('provisions csi-hostpath-sc claims as CSI volumes once the addon runs', () => {
    const sim = makeClusterSim();
    enableAddon(sim, 'csi-hostpath-driver');
    const pvc = createClaim(sim, 'dbvl-mariadb-sts-0', { storageClassName: 'csi-hostpath-sc' });
    sim.advance(2000);
    const pv = sim.store.get<PersistentVolume>('PersistentVolume', undefined, `pvc-${pvc.metadata.uid}`);
    expect(pv?.spec.csi?.driver).toBe('hostpath.csi.k8s.io');
    expect(pv?.metadata.annotations?.['pv.kubernetes.io/provisioned-by']).toBe('hostpath.csi.k8s.io');
    expect(pv?.spec.storageClassName).toBe('csi-hostpath-sc');
    expect(getClaim(sim, 'dbvl-mariadb-sts-0')?.status.phase).toBe('Bound');
    expect(volumeForClaim(sim, 'default', 'dbvl-mariadb-sts-0')).toEqual({ files: {} });
  });

  it('reports a missing class as ProvisioningFailed', () => {
    const sim = makeClusterSim();
    createClaim(sim, 'data', { storageClassName: 'fast' });
    sim.advance(1000);
    const failed = eventsFor(sim, 'data').find((e) => e.reason === 'ProvisioningFailed');
    expect(failed?.type).toBe('Warning');
    expect(failed?.message).toBe('storageclass.storage.k8s.io "fast" not found');
  });

  it('waits for the first consumer on a WaitForFirstConsumer class until the scheduler picks a node', () => {
    const sim = makeClusterSim();
    sim.api.create({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'late' },
      provisioner: 'k8s.io/minikube-hostpath',
      volumeBindingMode: 'WaitForFirstConsumer',
    });
    const pvc = createClaim(sim, 'data', { storageClassName: 'late' });
    sim.advance(5000);
    expect(getClaim(sim, 'data')?.status.phase).toBe('Pending');
    expect(eventsFor(sim, 'data').find((e) => e.reason === 'WaitForFirstConsumer')?.message).toBe(
      'waiting for first consumer to be created before binding',
    );
    const current = getClaim(sim, 'data') ?? pvc;
    sim.api.update({
      ...current,
      metadata: {
        ...current.metadata,
        annotations: { ...current.metadata.annotations, 'volume.kubernetes.io/selected-node': 'minikube' },
      },
    });
    sim.advance(2000);
    expect(getClaim(sim, 'data')?.status.phase).toBe('Bound');
  });

  it('binds a claim to a matching static volume', () => {
    const sim = makeClusterSim();
    sim.api.create({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'manual' },
      spec: {
        capacity: { storage: '1Gi' },
        accessModes: ['ReadWriteOnce'],
        storageClassName: '',
        hostPath: { path: '/data' },
      },
    });
    createClaim(sim, 'static', { storageClassName: '' });
    sim.advance(100);
    expect(getClaim(sim, 'static')?.spec.volumeName).toBe('manual');
    expect(getClaim(sim, 'static')?.status.capacity).toEqual({ storage: '1Gi' });
  });
});

describe('reclaim and protection', () => {
  function boundClaim(
    sim: Simulation,
    name: string,
  ): { pv: string; volume: { files: Record<string, string> } } {
    createClaim(sim, name);
    sim.advance(2000);
    const pv = getClaim(sim, name)?.spec.volumeName ?? '';
    const volume = volumeForClaim(sim, 'default', name);
    if (!volume) throw new Error('no volume');
    volume.files.ibdata1 = 'test1';
    return { pv, volume };
  }

  it('Delete: deleting the claim releases and then removes the PV and its contents', () => {
    const sim = makeClusterSim();
    const { pv } = boundClaim(sim, 'data');
    const id = sim.store.get<PersistentVolume>('PersistentVolume', undefined, pv)?.spec.hostPath?.path ?? '';
    expect(sim.state.volumes[id].files.ibdata1).toBe('test1');
    sim.api.delete('PersistentVolumeClaim', 'default', 'data');
    sim.advance(100);
    expect(getClaim(sim, 'data')).toBeUndefined();
    expect(sim.store.get<PersistentVolume>('PersistentVolume', undefined, pv)?.status.phase).toBe('Released');
    sim.advance(2000);
    expect(sim.store.get('PersistentVolume', undefined, pv)).toBeUndefined();
    expect(sim.state.volumes[id]).toBeUndefined();
  });

  it('Retain: the PV stays Released with the old claimRef, and keeps its files', () => {
    const sim = makeClusterSim();
    sim.api.create({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'keep' },
      provisioner: 'k8s.io/minikube-hostpath',
      reclaimPolicy: 'Retain',
    });
    const pvc = createClaim(sim, 'data', { storageClassName: 'keep' });
    sim.advance(2000);
    const pvName = `pvc-${pvc.metadata.uid}`;
    const pv0 = sim.store.get<PersistentVolume>('PersistentVolume', undefined, pvName);
    expect(pv0?.spec.persistentVolumeReclaimPolicy).toBe('Retain');
    const id = pv0?.spec.hostPath?.path ?? '';
    sim.state.volumes[id].files.ibdata1 = 'test1';
    sim.api.delete('PersistentVolumeClaim', 'default', 'data');
    sim.advance(60_000);
    const pv = sim.store.get<PersistentVolume>('PersistentVolume', undefined, pvName);
    expect(pv?.status.phase).toBe('Released');
    expect(pv?.spec.claimRef).toMatchObject({ name: 'data', uid: pvc.metadata.uid });
    expect(sim.state.volumes[id].files.ibdata1).toBe('test1');
  });

  it('pvc-protection keeps a claim in use Terminating until its pod is gone', () => {
    const sim = makeClusterSim();
    const { pv } = boundClaim(sim, 'data');
    makePod(sim, 'db-0', { claims: ['data'] });
    sim.api.delete('PersistentVolumeClaim', 'default', 'data');
    sim.advance(30_000);
    const kept = getClaim(sim, 'data');
    expect(kept?.metadata.deletionTimestamp).toBeDefined();
    expect(kept?.status.phase).toBe('Bound');
    expect(sim.store.get<PersistentVolume>('PersistentVolume', undefined, pv)?.status.phase).toBe('Bound');
    removePod(sim, 'db-0');
    sim.advance(100);
    expect(getClaim(sim, 'data')).toBeUndefined();
    sim.advance(2000);
    expect(sim.store.get('PersistentVolume', undefined, pv)).toBeUndefined();
  });

  it('pv-protection keeps a bound PV Terminating while its claim exists', () => {
    const sim = makeClusterSim();
    const { pv } = boundClaim(sim, 'data');
    sim.api.delete('PersistentVolume', undefined, pv);
    sim.advance(5000);
    expect(sim.store.get('PersistentVolume', undefined, pv)?.metadata.deletionTimestamp).toBeDefined();
    sim.api.delete('PersistentVolumeClaim', 'default', 'data');
    sim.advance(100);
    expect(sim.store.get('PersistentVolume', undefined, pv)).toBeUndefined();
  });

  it('volumeForClaim gives nothing for an unbound or unknown claim', () => {
    const sim = makeClusterSim();
    disableAddon(sim, 'storage-provisioner');
    createClaim(sim, 'data');
    expect(volumeForClaim(sim, 'default', 'data')).toBeUndefined();
    expect(volumeForClaim(sim, 'default', 'nope')).toBeUndefined();
  });
});
