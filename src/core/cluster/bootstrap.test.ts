import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod, Service, StorageClass } from '../api/types.ts';
import { fromTimestamp } from '../clock/virtualClock.ts';
import { createSimulation } from '../simulation/createSimulation.ts';
import { makeClusterSim } from './clusterTestKit.ts';

const names = (objs: KubeObject[]) => objs.map((o) => o.metadata.name).sort();

describe('bootstrap: what `minikube start` leaves', () => {
  it('has the four namespaces, Active, as `kubectl get ns` lists them', () => {
    const sim = makeClusterSim();
    const ns = sim.store.list('Namespace');
    expect(names(ns)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    for (const n of ns) {
      expect(n.status.phase).toBe('Active');
      expect(n.metadata.labels?.['kubernetes.io/metadata.name']).toBe(n.metadata.name);
    }
  });

  it('has the node minikube as `kubectl get nodes -o wide` shows it', () => {
    const node = makeClusterSim().store.get('Node', undefined, 'minikube');
    expect(node?.metadata.labels?.['node-role.kubernetes.io/control-plane']).toBe('');
    expect(node?.metadata.labels?.['minikube.k8s.io/version']).toBe('v1.33.1');
    expect(node?.status.addresses).toEqual([
      { address: '192.168.49.2', type: 'InternalIP' },
      { address: 'minikube', type: 'Hostname' },
    ]);
    expect(node?.status.nodeInfo.kubeletVersion).toBe('v1.30.0');
    expect(node?.status.nodeInfo.osImage).toBe('Ubuntu 22.04.4 LTS');
    expect(node?.status.nodeInfo.containerRuntimeVersion).toBe('docker://26.1.1');
    expect(node?.status.nodeInfo.kernelVersion).toMatch(/^5\.15\.0-/);
    expect(node?.status.capacity.cpu).toBe('2');
    expect(node?.status.capacity.pods).toBe('110');
    expect(node?.status.conditions.find((c: { type: string }) => c.type === 'Ready').status).toBe('True');
  });

  it('has the kubernetes and kube-dns services with their fixed cluster IPs and ports', () => {
    const sim = makeClusterSim();
    const k = sim.store.get<Service>('Service', 'default', 'kubernetes');
    const dns = sim.store.get<Service>('Service', 'kube-system', 'kube-dns');
    expect(k?.spec.clusterIP).toBe('10.96.0.1');
    expect(k?.spec.ports?.map((p) => `${p.port}/${p.protocol}`)).toEqual(['443/TCP']);
    expect(dns?.spec.clusterIP).toBe('10.96.0.10');
    expect(dns?.spec.ports?.map((p) => `${p.port}/${p.protocol}`)).toEqual(['53/UDP', '53/TCP', '9153/TCP']);
  });

  it('runs the system pods, Running and Ready, with minikube pod addresses', () => {
    const sim = makeClusterSim();
    const pods = sim.store.list<Pod>('Pod', 'kube-system');
    const byPrefix = (p: string) => pods.filter((x) => x.metadata.name.startsWith(p));
    expect(names(pods).filter((n) => n.endsWith('-minikube'))).toEqual([
      'etcd-minikube',
      'kube-apiserver-minikube',
      'kube-controller-manager-minikube',
      'kube-scheduler-minikube',
    ]);
    expect(byPrefix('kube-proxy-')[0].metadata.name).toMatch(/^kube-proxy-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(byPrefix('coredns-')[0].metadata.name).toMatch(
      /^coredns-7db6d8ff4d-[bcdfghjklmnpqrstvwxz2456789]{5}$/,
    );
    expect(byPrefix('storage-provisioner')).toHaveLength(1);
    for (const p of pods) {
      expect(p.status.phase).toBe('Running');
      expect(p.status.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
      expect(p.spec.nodeName).toBe('minikube');
    }
    // CoreDNS is the only pod on the pod network; the others share the node's address.
    expect(byPrefix('coredns-')[0].status.podIP).toBe('10.244.0.2');
    for (const p of pods.filter((x) => !x.metadata.name.startsWith('coredns-')))
      expect(p.status.podIP).toBe('192.168.49.2');
    // storage-provisioner restarted once while the apiserver came up, as on every fresh minikube.
    expect(byPrefix('storage-provisioner')[0].status.containerStatuses?.[0].restartCount).toBe(1);
  });

  it('has the default StorageClass standard of the default-storageclass addon', () => {
    const sc = makeClusterSim().store.get<StorageClass>('StorageClass', undefined, 'standard');
    expect(sc?.metadata.annotations?.['storageclass.kubernetes.io/is-default-class']).toBe('true');
    expect(sc?.provisioner).toBe('k8s.io/minikube-hostpath');
    expect(sc?.reclaimPolicy).toBe('Delete');
    expect(sc?.volumeBindingMode).toBe('Immediate');
  });

  it('dates every bootstrapped object before the session began', () => {
    const sim = makeClusterSim();
    for (const bucket of Object.values(sim.state.objects))
      for (const o of Object.values(bucket))
        expect(fromTimestamp(o.metadata.creationTimestamp)).toBeLessThan(0);
  });

  it('marks the default addons enabled and the others disabled', () => {
    const addons = makeClusterSim().state.minikube.addons;
    expect(addons['storage-provisioner']).toBe(true);
    expect(addons['default-storageclass']).toBe(true);
    expect(addons['csi-hostpath-driver']).toBe(false);
  });

  it('is deterministic: the same seed gives the same cluster, another seed other names', () => {
    const a = JSON.stringify(createSimulation({ seed: 3 }).snapshot());
    expect(JSON.stringify(createSimulation({ seed: 3 }).snapshot())).toBe(a);
    expect(JSON.stringify(createSimulation({ seed: 4 }).snapshot())).not.toBe(a);
  });
});
