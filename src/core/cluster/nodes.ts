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
 * Stopping and starting a worker (`minikube node stop|start`, cmd/minikube/cmd/node_stop.go and
 * node_start.go) powers its machine off and on: the kubelet stops posting status, which the node
 * lifecycle controller notices (src/core/controllers/nodelifecycle), and on start it posts Ready again
 * (pkg/kubelet/nodestatus/setters.go: the condition events `NodeHasSufficientMemory`, ...,
 * `NodeReady`, after `Starting kubelet.` and `NodeAllocatableEnforced`) and takes its pods back
 * (src/core/lifecycle/kubeletHost.ts). With the docker driver a node's boot ID is the host's, so a
 * restart records no `Rebooted` event.
 *
 * Lab differences: the node is Ready and its kube-proxy Running the moment it is added or started (a
 * real `node add` or `node start` takes about half a minute of wall time, which the lab's minikube
 * commands do not spend); multi-node CNI (kindnet) pods are not modelled.
 */
import type { KubeObject, OwnerReference, Pod } from '../api/types.ts';
import { controllerRefOf } from '../controllers/apps/workloadPods.ts';
import { isKubeletRunning, nodeConditions } from '../controllers/nodelifecycle/nodeHealth.ts';
import { watchSilentNode } from '../controllers/nodelifecycle/nodeLifecycleController.ts';
import { restartKubeletPods, stopKubeletPods } from '../lifecycle/kubeletHost.ts';
import type { Simulation } from '../simulation/simulation.ts';
import { nodeObject } from './clusterObjects.ts';
import { createBackdated } from './createBackdated.ts';
import { daemonPodTolerations, KUBE_PROXY_TEMPLATE } from './kubeadmManifests.ts';
import { podUsage } from './nodePodIndex.ts';
import { allocatePodCIDR, nodeID, nodeName, PRIMARY_NODE } from './podNetwork.ts';
import { createSystemPod } from './systemPods.ts';

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

/** The kube-proxy DaemonSet's owner reference (the served DaemonSet's, else the existing pods'). */
function kubeProxyOwner(sim: Simulation): OwnerReference {
  const ds = sim.store.get('DaemonSet', 'kube-system', 'kube-proxy');
  if (ds) return controllerRefOf(ds);
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
  createKubeProxyPod(sim, owner, sim.now, name);
  sim.drain();
  return created;
}

/**
 * The kube-proxy DaemonSet's pod on a node (`name` undefined: the primary node), as the DaemonSet
 * controller makes it from kubeadm's template. Draws one random name suffix.
 */
export function createKubeProxyPod(
  sim: Simulation,
  owner: OwnerReference,
  createdAtMs: number,
  nodeName?: string,
): void {
  createSystemPod(sim, {
    name: `kube-proxy-${sim.random.alnum(5)}`,
    namespace: 'kube-system',
    labels: { ...KUBE_PROXY_TEMPLATE.podLabels, 'pod-template-generation': '1' },
    containers: KUBE_PROXY_TEMPLATE.containers,
    volumes: KUBE_PROXY_TEMPLATE.volumes,
    tolerations: daemonPodTolerations(KUBE_PROXY_TEMPLATE),
    serviceAccountName: KUBE_PROXY_TEMPLATE.serviceAccountName,
    nodeSelector: KUBE_PROXY_TEMPLATE.nodeSelector,
    hostNetwork: true,
    priorityClassName: 'system-node-critical',
    ownerReferences: [owner],
    createdAtMs,
    qosClass: 'BestEffort',
    ...(nodeName ? { nodeName } : {}),
  });
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

/**
 * The cluster node a `minikube node` argument names: minikube's node name (`m02`) or the machine
 * name (`minikube-m02`), as pkg/minikube/node Retrieve accepts both; undefined when none matches.
 */
export function resolveNodeName(sim: Simulation, arg: string): string | undefined {
  return clusterNodes(sim)
    .map((n) => n.metadata.name)
    .find((name) => name === arg || (name !== PRIMARY_NODE && name === `${PRIMARY_NODE}-${arg}`));
}

/** True while the node's machine runs (always true for nodes `minikube node stop` never stopped). */
export function isNodeRunning(sim: Simulation, name: string): boolean {
  return isKubeletRunning(sim.state.minikube, name);
}

/**
 * Powers a worker node's machine off: its kubelet stops (no more status or lease updates, its pods'
 * containers die) and the node lifecycle controller will mark it NotReady after the grace period.
 * Does nothing when the node is already stopped.
 */
export function stopNode(sim: Simulation, name: string): void {
  if (!isNodeRunning(sim, name)) return;
  sim.state.minikube.stoppedNodes = { ...sim.state.minikube.stoppedNodes, [name]: sim.now };
  stopKubeletPods(sim, name);
  watchSilentNode(sim, name);
  sim.drain();
}

const KUBELET_CONDITION_EVENTS: Record<string, string> = {
  MemoryPressure: 'NodeHasSufficientMemory',
  DiskPressure: 'NodeHasNoDiskPressure',
  PIDPressure: 'NodeHasSufficientPID',
};

/**
 * Powers a stopped worker node on: its kubelet posts a healthy status (Ready again), records its
 * start-up events, finishes the deletions that waited for it and restarts the pods that were
 * running. Does nothing when the node runs.
 */
export function startNode(sim: Simulation, name: string): void {
  if (isNodeRunning(sim, name)) return;
  const { [name]: _, ...rest } = sim.state.minikube.stoppedNodes ?? {};
  sim.state.minikube.stoppedNodes = rest;
  const node = sim.store.get<KubeObject>('Node', undefined, name);
  if (!node) return;
  const now = sim.timestamp();
  const fresh = nodeObject(name, String(node.spec?.podCIDR ?? ''), sim.now, {
    bootID: '',
    machineID: '',
    systemUUID: '',
  }).status as { conditions: Array<{ type: string; status: string }> };
  const old = new Map(nodeConditions(node).map((c) => [c.type, c]));
  const before = new Map(nodeConditions(node).map((c) => [c.type, c.status]));
  // A condition keeps its lastTransitionTime unless its status changes.
  const conditions = fresh.conditions.map((c) => {
    const prev = old.get(c.type);
    return prev?.status === c.status
      ? { ...c, lastHeartbeatTime: now, lastTransitionTime: prev.lastTransitionTime }
      : { ...c, lastHeartbeatTime: now };
  });
  sim.event(node, 'Normal', 'Starting', 'Starting kubelet.', 'kubelet');
  const res = sim.api.updateStatus({ ...node, status: { ...(node.status as object), conditions } });
  for (const c of conditions) {
    const reason = c.type === 'Ready' ? 'NodeReady' : KUBELET_CONDITION_EVENTS[c.type];
    if (reason && before.get(c.type) !== c.status)
      sim.event(
        res.ok ? res.value : node,
        'Normal',
        reason,
        `Node ${name} status is now: ${reason}`,
        'kubelet',
      );
    if (c.type === 'PIDPressure')
      sim.event(
        node,
        'Normal',
        'NodeAllocatableEnforced',
        'Updated Node Allocatable limit across pods',
        'kubelet',
      );
  }
  restartKubeletPods(sim, name);
  sim.drain();
}
