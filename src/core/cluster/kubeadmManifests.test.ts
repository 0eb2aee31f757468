import { describe, expect, it } from 'vitest';
import type { Deployment, Pod, StorageClass } from '../api/types.ts';
import { enableAddon } from './addons.ts';
import { makeClusterSim } from './clusterTestKit.ts';

type Resources = { requests?: Record<string, string>; limits?: Record<string, string> };

const resourcesOf = (pod: Pod | undefined) => (pod?.spec.containers[0].resources ?? {}) as Resources;

describe("the system pods carry kubeadm's manifests", () => {
  // The values `kubectl describe node minikube` sums on a fresh minikube v1.33 / k8s v1.30.
  it.each([
    ['coredns', { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } }],
    ['etcd-minikube', { requests: { cpu: '100m', memory: '100Mi' } }],
    ['kube-apiserver-minikube', { requests: { cpu: '250m' } }],
    ['kube-controller-manager-minikube', { requests: { cpu: '200m' } }],
    ['kube-scheduler-minikube', { requests: { cpu: '100m' } }],
  ])('%s requests what kubeadm writes', (prefix, expected) => {
    const sim = makeClusterSim();
    const pod = sim.store.list<Pod>('Pod', 'kube-system').find((p) => p.metadata.name.startsWith(prefix));
    expect(resourcesOf(pod)).toEqual(expected);
  });

  it('kube-proxy and storage-provisioner request nothing (BestEffort)', () => {
    const sim = makeClusterSim();
    for (const p of sim.store.list<Pod>('Pod', 'kube-system'))
      if (/^(kube-proxy|storage-provisioner)/.test(p.metadata.name)) {
        expect(resourcesOf(p)).toEqual({});
        expect(p.status.qosClass).toBe('BestEffort');
      }
  });

  it('gives static pods only the kubelet toleration and their priority class', () => {
    const sim = makeClusterSim();
    const etcd = sim.store.get<Pod>('Pod', 'kube-system', 'etcd-minikube');
    if (!etcd) return expect.fail('etcd-minikube missing');
    expect(etcd.spec.tolerations).toEqual([{ operator: 'Exists', effect: 'NoExecute' }]);
    expect((etcd.spec as { priorityClassName?: string }).priorityClassName).toBe('system-node-critical');
  });

  it("gives the kube-proxy pod the DaemonSet controller's node-condition tolerations", () => {
    const sim = makeClusterSim();
    const proxy = sim.store
      .list<Pod>('Pod', 'kube-system')
      .find((p) => p.metadata.name.startsWith('kube-proxy'));
    const keys = (proxy?.spec.tolerations ?? []).map((t) => t.key ?? '');
    expect(keys).toContain('node.kubernetes.io/network-unavailable');
    expect(keys).toContain('node.kubernetes.io/unschedulable');
    // The template's catch-all means the admission plugin adds no 300 s tolerations.
    expect(proxy?.spec.tolerations?.some((t) => t.tolerationSeconds !== undefined)).toBe(false);
  });

  it("keeps kubeadm's CoreDNS rollout strategy and probe on the Deployment", () => {
    const sim = makeClusterSim();
    const d = sim.store.get<Deployment>('Deployment', 'kube-system', 'coredns');
    expect(d?.spec.strategy?.rollingUpdate?.maxUnavailable).toBe(1);
    expect(d?.spec.template.spec.containers[0].readinessProbe?.httpGet?.port).toBe(8181);
    expect(d?.spec.template.spec.containers[0].args).toEqual(['-conf', '/etc/coredns/Corefile']);
  });
});

describe('csi-hostpath-sc as `kubectl apply` of the addon leaves it', () => {
  it('carries the applied manifest in last-applied-configuration, newline-terminated', () => {
    const sim = makeClusterSim();
    enableAddon(sim, 'csi-hostpath-driver', sim.now);
    const sc = sim.store.get<StorageClass>('StorageClass', undefined, 'csi-hostpath-sc');
    const raw = sc?.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'] ?? '';
    expect(raw.endsWith('}\n')).toBe(true);
    const applied = JSON.parse(raw);
    expect(applied.metadata).toEqual({ annotations: {}, name: sc?.metadata.name });
    expect(applied.provisioner).toBe(sc?.provisioner);
    expect(applied.volumeBindingMode).toBe(sc?.volumeBindingMode);
  });
});
