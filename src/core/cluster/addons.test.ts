import { describe, expect, it } from 'vitest';
import type { Pod, StorageClass } from '../api/types.ts';
import { ADDONS, disableAddon, enableAddon, isAddonEnabled } from './addons.ts';
import { makeClusterSim } from './clusterTestKit.ts';
import { allocatePodIP } from './podNetwork.ts';

describe('minikube addons', () => {
  it("follows the chapter's preparation: only csi-hostpath-sc remains, as its `kubectl get sc` shows", () => {
    const sim = makeClusterSim();
    expect(disableAddon(sim, 'storage-provisioner').ok).toBe(true);
    expect(disableAddon(sim, 'default-storageclass').ok).toBe(true);
    expect(enableAddon(sim, 'csi-hostpath-driver').ok).toBe(true);
    const classes = sim.store.list<StorageClass>('StorageClass');
    expect(classes.map((c) => c.metadata.name)).toEqual(['csi-hostpath-sc']);
    // The book's row: csi-hostpath-sc  hostpath.csi.k8s.io  Delete  Immediate  false
    expect(classes[0].provisioner).toBe('hostpath.csi.k8s.io');
    expect(classes[0].reclaimPolicy).toBe('Delete');
    expect(classes[0].volumeBindingMode).toBe('Immediate');
    expect(classes[0].allowVolumeExpansion ?? false).toBe(false);
    expect(
      sim.store.get<Pod>('Pod', 'kube-system', 'storage-provisioner')?.metadata.deletionTimestamp,
    ).toBeDefined();
  });

  it("gives the chapter's first StatefulSet pod the chapter's address, 10.244.0.16", () => {
    const sim = makeClusterSim();
    disableAddon(sim, 'storage-provisioner');
    disableAddon(sim, 'default-storageclass');
    enableAddon(sim, 'csi-hostpath-driver');
    const csiPods = sim.store
      .list<Pod>('Pod', 'kube-system')
      .filter((p) => p.metadata.labels?.['kubernetes.io/minikube-addons'] === 'csi-hostpath-driver');
    expect(csiPods.map((p) => p.metadata.name.replace(/-[a-z0-9]{5}$/, '-*'))).toEqual([
      'csi-hostpath-attacher-0',
      'csi-hostpathplugin-*',
      'csi-hostpath-resizer-0',
    ]);
    expect(csiPods.every((p) => p.status.phase === 'Running')).toBe(true);
    expect(allocatePodIP(sim)).toBe('10.244.0.16');
  });

  it('enabling twice creates nothing twice; disabling a disabled addon succeeds', () => {
    const sim = makeClusterSim();
    enableAddon(sim, 'csi-hostpath-driver');
    const before = JSON.stringify(sim.store.list('Pod'));
    enableAddon(sim, 'csi-hostpath-driver');
    expect(JSON.stringify(sim.store.list('Pod'))).toBe(before);
    disableAddon(sim, 'volumesnapshots');
    expect(isAddonEnabled(sim, 'volumesnapshots')).toBe(false);
  });

  it('volumesnapshots starts two snapshot-controller pods', () => {
    const sim = makeClusterSim();
    enableAddon(sim, 'volumesnapshots');
    const pods = sim.store
      .list<Pod>('Pod', 'kube-system')
      .filter((p) => p.metadata.labels?.app === 'snapshot-controller');
    expect(pods).toHaveLength(2);
    expect(new Set(pods.map((p) => p.status.podIP)).size).toBe(2);
    expect(isAddonEnabled(sim, 'volumesnapshots')).toBe(true);
  });

  it('re-enabling default-storageclass brings standard back as the default class', () => {
    const sim = makeClusterSim();
    disableAddon(sim, 'default-storageclass');
    expect(sim.store.get('StorageClass', undefined, 'standard')).toBeUndefined();
    enableAddon(sim, 'default-storageclass');
    const sc = sim.store.get<StorageClass>('StorageClass', undefined, 'standard');
    expect(sc?.metadata.annotations?.['storageclass.kubernetes.io/is-default-class']).toBe('true');
  });

  it('an unknown addon is refused and changes nothing', () => {
    const sim = makeClusterSim();
    const before = JSON.stringify(sim.snapshot());
    expect(enableAddon(sim, 'no-such-addon')).toEqual({ ok: false, reason: 'unknown-addon' });
    expect(disableAddon(sim, 'no-such-addon')).toEqual({ ok: false, reason: 'unknown-addon' });
    expect(JSON.stringify(sim.snapshot())).toBe(before);
  });

  it('lists the chapter addons with the maintainer and images minikube prints', () => {
    const csi = ADDONS.find((a) => a.name === 'csi-hostpath-driver');
    expect(csi?.maintainer).toBe('Kubernetes');
    expect(csi?.images).toContain('registry.k8s.io/sig-storage/hostpathplugin:v1.9.0');
    expect(csi?.images).toHaveLength(8);
    expect(ADDONS.find((a) => a.name === 'storage-provisioner')?.images).toEqual([
      'gcr.io/k8s-minikube/storage-provisioner:v5',
    ]);
    const sorted = [...ADDONS.map((a) => a.name)].sort();
    expect(ADDONS.map((a) => a.name)).toEqual(sorted);
  });
});
