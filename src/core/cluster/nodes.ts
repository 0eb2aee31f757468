/**
 * More nodes, as `minikube node add` / `minikube start --nodes N` / `minikube node delete` leave the
 * cluster: core functions only (printing is the terminal's job).
 *
 * Adding follows kubernetes/minikube (v1.33) cmd/minikube/cmd/node_add.go: the new node's ID follows
 * the last node's (pkg/minikube/node ID/Name: `minikube-m02`, `minikube-m03`, …, never reusing a
 * lower free ID), it joins as a worker (ROLES `<none>`), kube-controller-manager gives it the next
 * /24 pod CIDR, and the kube-proxy DaemonSet starts a pod on it. Deleting follows
 * pkg/minikube/node/node.go teardown: `kubectl drain --force --grace-period=1 --disable-eviction
 * --ignore-daemonsets --delete-emptydir-data` (cordon, then delete every pod not owned by a
 * DaemonSet), then the Node object is deleted and the machine goes; pods still bound to it are
 * removed by the pod garbage collector (podGarbageCollector.ts).
 *
 * Lab differences: the node is Ready and its kube-proxy Running the moment it is added (a real
 * `node add` takes about half a minute of wall time, which the lab's minikube commands do not
 * spend); multi-node CNI (kindnet) pods are not modelled.
 */
import type { KubeObject, OwnerReference, Pod } from '../api/types.ts';
import type { Simulation } from '../simulation/simulation.ts';
import { nodeObject } from './clusterObjects.ts';
import { createBackdated } from './createBackdated.ts';
import { podUsage } from './nodePodIndex.ts';
import { allocatePodCIDR, nodeID, nodeName, PRIMARY_NODE } from './podNetwork.ts';
import { createSystemPod } from './systemPods.ts';

const KUBE_PROXY_IMAGE = 'registry.k8s.io/kube-proxy:v1.30.0';

/** The cluster's nodes in minikube's order (by node ID: the primary, then m02, m03, …). */
export function clusterNodes(sim: Simulation): KubeObject[] {
  return sim.store
    .list<KubeObject>('Node')
    .filter((n) => nodeID(n.metadata.name) !== undefined)
    .sort((a, b) => (nodeID(a.metadata.name) ?? 0) - (nodeID(b.metadata.name) ?? 0));
}

/** The name `minikube node add` would give the next node (the last node's ID + 1). */
export function nextNodeName(sim: Simulation): string {
  const nodes = clusterNodes(sim);
  const last = nodes.length ? (nodeID(nodes[nodes.length - 1].metadata.name) ?? nodes.length) : 0;
  return nodeName(last + 1);
}

/** The kube-proxy DaemonSet's owner reference, as the existing kube-proxy pods carry it. */
function kubeProxyOwner(sim: Simulation): OwnerReference {
  const existing = sim.store
    .list<Pod>('Pod', 'kube-system')
    .find((p) => p.metadata.labels?.['k8s-app'] === 'kube-proxy');
  const ref = existing?.metadata.ownerReferences?.find((r) => r.kind === 'DaemonSet');
  return (
    ref ?? {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      name: 'kube-proxy',
      uid: sim.random.uuid(),
      controller: true,
      blockOwnerDeletion: true,
    }
  );
}

/**
 * Adds a worker node the way `minikube node add` does and returns its Node object: named after the
 * last node's ID, with minikube's labels, the next InternalIP and pod CIDR, Ready, and its
 * kube-proxy pod Running. Pods waiting for room are retried by the scheduler.
 */
export function addNode(sim: Simulation): KubeObject {
  const name = nextNodeName(sim);
  const owner = kubeProxyOwner(sim);
  const ids = { bootID: sim.random.uuid(), machineID: sim.random.hex(32), systemUUID: sim.random.uuid() };
  const node = nodeObject(name, allocatePodCIDR(sim), sim.now, ids);
  const created = createBackdated(sim, node.input, sim.now, node.status);
  createSystemPod(sim, {
    name: `kube-proxy-${sim.random.alnum(5)}`,
    namespace: 'kube-system',
    labels: { 'k8s-app': 'kube-proxy', 'pod-template-generation': '1' },
    containers: [{ name: 'kube-proxy', image: KUBE_PROXY_IMAGE }],
    hostNetwork: true,
    priorityClassName: 'system-node-critical',
    ownerReferences: [owner],
    createdAtMs: sim.now,
    qosClass: 'BestEffort',
    nodeName: name,
  });
  sim.drain();
  return created;
}

/** Why a node cannot be deleted, or undefined when it can. */
export function nodeDeleteProblem(sim: Simulation, name: string): 'not-found' | 'primary' | undefined {
  if (!clusterNodes(sim).some((n) => n.metadata.name === name)) return 'not-found';
  return name === PRIMARY_NODE ? 'primary' : undefined;
}

function ownedByDaemonSet(pod: Pod): boolean {
  return (pod.metadata.ownerReferences ?? []).some((r) => r.kind === 'DaemonSet');
}

/** Pods on the node that `kubectl drain --ignore-daemonsets` deletes and waits for. */
export function drainablePods(sim: Simulation, name: string): Pod[] {
  const out: Pod[] = [];
  for (const key of podUsage(sim).podsOn(name)) {
    const slash = key.indexOf('/');
    const pod = sim.store.get<Pod>('Pod', key.slice(0, slash), key.slice(slash + 1));
    if (pod && !ownedByDaemonSet(pod)) out.push(pod);
  }
  return out;
}

/**
 * The first half of `minikube node delete`: cordons the node (spec.unschedulable) and deletes its
 * pods with a one-second grace period, except DaemonSet pods. The kubelet then stops them.
 */
export function drainNode(sim: Simulation, name: string): void {
  const node = sim.store.get<KubeObject>('Node', undefined, name);
  if (!node) return;
  if (!node.spec?.unschedulable) sim.api.update({ ...node, spec: { ...node.spec, unschedulable: true } });
  for (const pod of drainablePods(sim, name))
    if (!pod.metadata.deletionTimestamp)
      sim.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 1 });
  sim.drain();
}

/** The second half: deletes the Node object (its machine is gone; the pod GC cleans up after it). */
export function deleteNode(sim: Simulation, name: string): void {
  sim.api.delete('Node', undefined, name);
  sim.drain();
}
