import { describe, expect, it } from 'vitest';
import type { KubeEvent, KubeObject, Pod, StatefulSet } from '../api/types.ts';
import { createSimulation } from '../simulation/createSimulation.ts';
import type { Simulation } from '../simulation/simulation.ts';
import { addNode, clusterNodes, deleteNode, drainNode } from './nodes.ts';
import { QUARANTINE_MS } from './podGarbageCollector.ts';

function webSet(replicas: number, image = 'registry.k8s.io/nginx-slim:0.8'): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' },
    spec: {
      replicas,
      serviceName: 'nginx',
      podManagementPolicy: 'Parallel',
      selector: { matchLabels: { app: 'nginx' } },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image }] } },
    },
  };
}

const webPods = (sim: Simulation) =>
  sim.store.list<Pod>('Pod', 'default').filter((p) => p.metadata.name.startsWith('web-'));
const ready = (sim: Simulation) =>
  sim.store.get<StatefulSet>('StatefulSet', 'default', 'web')?.status?.readyReplicas ?? 0;
const node = (sim: Simulation, name: string) => sim.store.get<KubeObject>('Node', undefined, name);
const internalIP = (n: KubeObject | undefined) =>
  ((n?.status?.addresses ?? []) as { type: string; address: string }[]).find((a) => a.type === 'InternalIP')
    ?.address;

describe('addNode: `minikube node add`', () => {
  it('adds minikube-m02 as a worker with the next address and pod CIDR, and its kube-proxy', () => {
    const sim = createSimulation({ seed: 4 });
    addNode(sim);
    const m02 = node(sim, 'minikube-m02');
    const labels = m02?.metadata.labels ?? {};
    expect(labels['minikube.k8s.io/primary']).toBe('false');
    expect(labels['kubernetes.io/hostname']).toBe('minikube-m02');
    expect(labels['node-role.kubernetes.io/control-plane']).toBeUndefined();
    expect(node(sim, 'minikube')?.metadata.labels?.['minikube.k8s.io/primary']).toBe('true');
    expect(internalIP(m02)).toBe('192.168.49.3');
    expect(m02?.spec.podCIDR).toBe('10.244.1.0/24');
    const proxies = sim.store
      .list<Pod>('Pod', 'kube-system')
      .filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-proxy');
    const onM02 = proxies.find((p) => p.spec.nodeName === 'minikube-m02');
    expect(onM02?.status.phase).toBe('Running');
    expect(onM02?.status.hostIP).toBe('192.168.49.3');
    // Both kube-proxy pods belong to the one DaemonSet.
    expect(new Set(proxies.map((p) => p.metadata.ownerReferences?.[0].uid)).size).toBe(1);
    addNode(sim);
    expect(internalIP(node(sim, 'minikube-m03'))).toBe('192.168.49.4');
    expect(node(sim, 'minikube-m03')?.spec.podCIDR).toBe('10.244.2.0/24');
  });

  it('names the next node after the last one and does not hand a freed CIDR out again at once', () => {
    const sim = createSimulation({ seed: 4 });
    addNode(sim);
    addNode(sim);
    deleteNode(sim, 'minikube-m02');
    addNode(sim);
    expect(clusterNodes(sim).map((n) => n.metadata.name)).toEqual([
      'minikube',
      'minikube-m03',
      'minikube-m04',
    ]);
    expect(node(sim, 'minikube-m04')?.spec.podCIDR).toBe('10.244.3.0/24');
  });
});

describe('scheduling over several nodes', () => {
  it("spreads a StatefulSet's pods evenly; each pod runs on its node's network", () => {
    const sim = createSimulation({ seed: 5 });
    addNode(sim);
    addNode(sim);
    expect(sim.api.create(webSet(12)).ok).toBe(true);
    expect(sim.runUntil(() => ready(sim) === 12, 600_000)).toBe(true);
    const perNode = new Map<string, number>();
    for (const p of webPods(sim)) {
      const n = p.spec.nodeName as string;
      perNode.set(n, (perNode.get(n) ?? 0) + 1);
      const cidr = node(sim, n)?.spec.podCIDR as string;
      expect(p.status.podIP?.startsWith(cidr.slice(0, cidr.lastIndexOf('.') + 1))).toBe(true);
      expect(p.status.hostIP).toBe(internalIP(node(sim, n)));
    }
    // Every node takes a share; the primary, busy with minikube's own pods, takes the smallest.
    const share = (n: string) => perNode.get(n) ?? 0;
    expect(share('minikube')).toBeGreaterThan(0);
    expect(share('minikube-m02')).toBeGreaterThanOrEqual(share('minikube'));
    expect(share('minikube-m03')).toBeGreaterThanOrEqual(share('minikube'));
    expect(Math.max(...perNode.values()) - Math.min(...perNode.values())).toBeLessThanOrEqual(2);
    // The kubelet that ran the pod reports as its node.
    const started = sim.store
      .list<KubeEvent>('Event', 'default')
      .filter((e) => e.reason === 'Started' && e.involvedObject.name.startsWith('web-'));
    for (const e of started) {
      const pod = webPods(sim).find((p) => p.metadata.name === e.involvedObject.name);
      expect(e.source.host).toBe(pod?.spec.nodeName);
    }
  });

  it("pulls an image on every node that lacks it: one node's images are not another's", () => {
    const sim = createSimulation({ seed: 6 });
    addNode(sim);
    sim.api.create(webSet(4));
    sim.runUntil(() => ready(sim) === 4, 600_000);
    const pulls = sim.store
      .list<KubeEvent>('Event', 'default')
      .filter((e) => e.reason === 'Pulling')
      .map((e) => e.source.host);
    expect(new Set(pulls)).toEqual(new Set(['minikube', 'minikube-m02']));
    const names = (n: string) =>
      ((node(sim, n)?.status.images ?? []) as { names: string[] }[]).flatMap((i) => i.names);
    expect(names('minikube-m02')).toContain('registry.k8s.io/nginx-slim:0.8');
  });

  it('a full node leaves the pod Pending with the FitError histogram until a node is added', () => {
    const sim = createSimulation({ seed: 7 });
    const system = sim.store.list<Pod>('Pod').length;
    sim.api.create(webSet(110 - system + 1));
    sim.runUntil(() => false, 30_000);
    const pending = webPods(sim).filter((p) => !p.spec.nodeName);
    expect(pending).toHaveLength(1);
    const failed = sim.store
      .list<KubeEvent>('Event', 'default')
      .find((e) => e.reason === 'FailedScheduling' && e.involvedObject.name === pending[0].metadata.name);
    expect(failed?.message).toBe(
      '0/1 nodes are available: 1 Too many pods. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
    addNode(sim);
    sim.runUntil(() => false, 30_000);
    expect(sim.store.get<Pod>('Pod', 'default', pending[0].metadata.name)?.spec.nodeName).toBe(
      'minikube-m02',
    );
  });

  it('counts every node in the FitError: a full node and a cordoned one', () => {
    const sim = createSimulation({ seed: 8 });
    addNode(sim);
    const m02 = node(sim, 'minikube-m02') as KubeObject;
    sim.api.update({ ...m02, spec: { ...m02.spec, unschedulable: true } });
    const system = sim.store.list<Pod>('Pod').filter((p) => p.spec.nodeName === 'minikube').length;
    sim.api.create(webSet(110 - system + 1));
    sim.runUntil(() => false, 30_000);
    const messages = sim.store
      .list<KubeEvent>('Event', 'default')
      .filter((e) => e.reason === 'FailedScheduling')
      .map((e) => e.message);
    expect(messages).toEqual([
      '0/2 nodes are available: 1 Too many pods, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.',
    ]);
  });
});

describe('deleting a node: drain, then the Node object', () => {
  it('moves the drained pods to the other nodes and garbage-collects what was left on it', () => {
    const run = () => {
      const sim = createSimulation({ seed: 9 });
      addNode(sim);
      addNode(sim);
      sim.api.create(webSet(6));
      sim.runUntil(() => ready(sim) === 6, 600_000);
      drainNode(sim, 'minikube-m02');
      expect(node(sim, 'minikube-m02')?.spec.unschedulable).toBe(true);
      sim.runUntil(() => webPods(sim).every((p) => p.spec.nodeName !== 'minikube-m02'), 60_000);
      deleteNode(sim, 'minikube-m02');
      sim.runUntil(() => ready(sim) === 6 && webPods(sim).length === 6, 600_000);
      expect(webPods(sim).map((p) => p.spec.nodeName)).not.toContain('minikube-m02');
      const proxyLeft = () =>
        sim.store.list<Pod>('Pod', 'kube-system').filter((p) => p.spec.nodeName === 'minikube-m02');
      expect(proxyLeft()).toHaveLength(1);
      sim.advance(QUARANTINE_MS);
      expect(proxyLeft()).toHaveLength(0);
      return JSON.stringify(sim.state);
    };
    // Same seed, same actions: the same cluster, byte for byte.
    expect(run()).toBe(run());
  });
});
