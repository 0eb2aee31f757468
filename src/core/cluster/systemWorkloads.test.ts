import { describe, expect, it } from 'vitest';
import type { DaemonSet, Deployment, KubeObject, Pod, ReplicaSet, StatefulSet } from '../api/types.ts';
import { createSimulation } from '../simulation/createSimulation.ts';
import { disableAddon, enableAddon } from './addons.ts';
import { SYSTEM_NAMESPACES } from './clusterObjects.ts';
import { MINIKUBE_COREFILE } from './systemConfig.ts';

const controllerOf = (sim: ReturnType<typeof createSimulation>, o: KubeObject): KubeObject | undefined => {
  const ref = o.metadata.ownerReferences?.find((r) => r.controller);
  if (!ref) return undefined;
  const owner = sim.store.get(ref.kind, o.metadata.namespace, ref.name);
  return owner?.metadata.uid === ref.uid ? owner : undefined;
};

describe('the controllers of the system pods', () => {
  it('coredns runs under its ReplicaSet and Deployment, kube-proxy under its DaemonSet', () => {
    const sim = createSimulation({ seed: 0 });
    const pods = sim.store.list<Pod>('Pod', 'kube-system');
    const dns = pods.find((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns') as Pod;
    const rs = controllerOf(sim, dns) as ReplicaSet;
    expect(rs.kind).toBe('ReplicaSet');
    expect(rs.metadata.name).toBe('coredns-7db6d8ff4d');
    const d = controllerOf(sim, rs) as Deployment;
    expect(d.metadata.name).toBe('coredns');
    expect(d.status?.readyReplicas).toBe(1);
    const proxy = pods.find((p) => p.metadata.labels?.['k8s-app'] === 'kube-proxy') as Pod;
    const ds = controllerOf(sim, proxy) as DaemonSet;
    expect(ds.metadata.name).toBe('kube-proxy');
    expect(ds.status?.numberReady).toBe(1);
  });

  it("starts quiet: the controllers' first syncs change nothing", () => {
    const sim = createSimulation({ seed: 0 });
    const before = JSON.stringify(sim.state.objects);
    sim.advance(120_000);
    for (const kind of ['Deployment', 'ReplicaSet', 'DaemonSet', 'Pod'])
      expect(JSON.stringify(sim.state.objects[kind])).toBe(JSON.stringify(JSON.parse(before)[kind]));
  });

  it('gives every system namespace kube-root-ca.crt and a default ServiceAccount; coredns its Corefile', () => {
    const sim = createSimulation({ seed: 0 });
    for (const ns of SYSTEM_NAMESPACES) {
      expect(sim.store.get('ConfigMap', ns, 'kube-root-ca.crt')).toBeDefined();
      expect(sim.store.get('ServiceAccount', ns, 'default')).toBeDefined();
    }
    const cm = sim.store.get<KubeObject & { data: Record<string, string> }>(
      'ConfigMap',
      'kube-system',
      'coredns',
    );
    expect(cm?.data.Corefile).toBe(MINIKUBE_COREFILE);
    expect(MINIKUBE_COREFILE).toContain('192.168.49.1 host.minikube.internal');
  });

  it("csi-hostpath-driver's pods belong to their StatefulSets and DaemonSet, which stay still and go on disable", () => {
    const sim = createSimulation({ seed: 0 });
    enableAddon(sim, 'csi-hostpath-driver');
    sim.advance(60_000);
    for (const name of ['csi-hostpath-attacher-0', 'csi-hostpath-resizer-0']) {
      const pod = sim.store.get<Pod>('Pod', 'kube-system', name) as Pod;
      const set = controllerOf(sim, pod) as StatefulSet;
      expect(set.kind).toBe('StatefulSet');
      expect(set.status?.readyReplicas).toBe(1);
      expect(set.status?.updateRevision).toBe(pod.metadata.labels?.['controller-revision-hash']);
      expect(pod.metadata.deletionTimestamp).toBeUndefined();
    }
    const plugin = sim.store
      .list<Pod>('Pod', 'kube-system')
      .find((p) => p.metadata.name.startsWith('csi-hostpathplugin-')) as Pod;
    expect(controllerOf(sim, plugin)?.kind).toBe('DaemonSet');
    disableAddon(sim, 'csi-hostpath-driver');
    sim.drain();
    expect(sim.store.get('StatefulSet', 'kube-system', 'csi-hostpath-attacher')).toBeUndefined();
    expect(sim.store.get('DaemonSet', 'kube-system', 'csi-hostpathplugin')).toBeUndefined();
    expect(
      sim.store.get<Pod>('Pod', 'kube-system', 'csi-hostpath-attacher-0')?.metadata.deletionTimestamp,
    ).toBeDefined();
  });
});
