/**
 * The node lifecycle controller: notices a node whose kubelet went silent, marks it Ready=Unknown
 * (`kubectl get nodes` then shows NotReady), taints it `node.kubernetes.io/unreachable` (NoExecute and
 * NoSchedule), marks its pods' Ready condition False, and lifts the taints when the kubelet posts
 * Ready again. It also says, for every pod that is being deleted on such a node, why the deletion
 * cannot finish.
 *
 * Follows kubernetes/kubernetes (release-1.30) pkg/controller/nodelifecycle/node_lifecycle_controller.go:
 * monitorNodeHealth / tryUpdateNodeHealth (see nodeHealth.ts for the timing), processTaintBaseEviction
 * and doNoExecuteTaintingPass (the NoExecute taint), doNoScheduleTaintingPass (the NoSchedule taint),
 * markNodeAsReachable (taints lifted on Ready), processPod (a pod bound to a not-ready node is marked
 * not ready), and pkg/controller/util/node/controller_utils.go RecordNodeStatusChange (Normal event
 * `NodeNotReady`, "Node <name> status is now: NodeNotReady") and MarkPodsNotReady (Ready condition
 * False, Warning event `NodeNotReady`, "Node is not ready"), events from `node-controller`.
 *
 * Lab differences: instead of polling every node every 5 s, `minikube node stop` sets one timer
 * (NODE_MONITOR_TIMER) at the pass that would find the node silent, so clusters where no node stops
 * never see this controller act; zone disruption modes (which stop evictions when every node in a zone
 * is down) are not modelled, since the lab cannot stop the primary node.
 */
import type { KubeObject, Pod } from '../../api/types.ts';
import { fromTimestamp, type Timer } from '../../clock/virtualClock.ts';
import { podUsage } from '../../cluster/nodePodIndex.ts';
import type { Controller, Simulation } from '../../simulation/simulation.ts';
import type { WatchEvent } from '../../store/objectStore.ts';
import {
  isKubeletRunning,
  isNodeHealthTaint,
  nodeReadyStatus,
  nodeTaints,
  statusWithConditionsUnknown,
  unreachableAt,
  unreachableTaints,
} from './nodeHealth.ts';

/** The controller's name (its work-queue and waiting keys start with it). */
export const NODE_LIFECYCLE = 'node-lifecycle-controller';
/** The timer of the monitor pass that finds a stopped node's lease too old. */
export const NODE_MONITOR_TIMER = 'nodelifecycle.monitor';
const COMPONENT = 'node-controller';

interface MonitorData {
  stoppedAt: number;
}

/** The pods bound to a node, in name order. */
export function podsOnNode(sim: Simulation, node: string): Pod[] {
  const out: Pod[] = [];
  for (const key of podUsage(sim).podsOn(node).sort()) {
    const slash = key.indexOf('/');
    const pod = sim.store.get<Pod>('Pod', key.slice(0, slash), key.slice(slash + 1));
    if (pod) out.push(pod);
  }
  return out;
}

/** When the node's current kubelet started: the Ready condition's last transition (to True). */
function kubeletStartedAt(node: KubeObject): number {
  const ready = (
    (node.status as { conditions?: Array<{ type: string; lastTransitionTime?: string }> })?.conditions ?? []
  ).find((c) => c.type === 'Ready');
  return fromTimestamp(ready?.lastTransitionTime ?? node.metadata.creationTimestamp);
}

/**
 * Called when a node's kubelet stops (`minikube node stop`): sets the timer of the monitor pass
 * that will find its lease older than the grace period. Changes nothing else.
 */
export function watchSilentNode(sim: Simulation, name: string): void {
  const node = sim.store.get<KubeObject>('Node', undefined, name);
  if (!node) return;
  const at = unreachableAt(kubeletStartedAt(node), sim.now);
  sim.after(at - sim.now, NODE_MONITOR_TIMER, name, { stoppedAt: sim.now } satisfies MonitorData);
}

/**
 * The monitor pass that finds the node silent: if its kubelet is still the stopped one, the node's
 * conditions go Unknown, it is tainted unreachable, and its pods are marked not ready.
 */
export function onNodeMonitorTimer(timer: Timer, sim: Simulation): void {
  const name = timer.key;
  const { stoppedAt } = timer.data as MonitorData;
  if (sim.state.minikube.stoppedNodes?.[name] !== stoppedAt) return;
  const node = sim.store.get<KubeObject>('Node', undefined, name);
  if (!node || nodeReadyStatus(node) === 'Unknown') return;
  const now = sim.timestamp();
  const res = sim.api.updateStatus({ ...node, status: statusWithConditionsUnknown(node, now) });
  if (!res.ok) return;
  sim.event(res.value, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, COMPONENT);
  sim.decide({
    controller: NODE_LIFECYCLE,
    object: `Node/${name}`,
    action: 'update',
    message: `${name} has not renewed its lease for 40s: Ready is now Unknown (NotReady); tainted ${unreachableTaints(now)[0].key}`,
  });
  taintUnreachable(sim, name);
  for (const pod of podsOnNode(sim, name)) markPodNotReady(sim, pod);
}

/** Adds the unreachable NoExecute and NoSchedule taints (once). */
function taintUnreachable(sim: Simulation, name: string): void {
  const node = sim.store.get<KubeObject>('Node', undefined, name);
  if (!node) return;
  const kept = nodeTaints(node).filter((t) => !isNodeHealthTaint(t));
  const present = nodeTaints(node).filter(isNodeHealthTaint);
  const wanted = unreachableTaints(sim.timestamp());
  if (
    present.length === wanted.length &&
    wanted.every((w) => present.some((p) => p.key === w.key && p.effect === w.effect))
  )
    return;
  sim.api.update({ ...node, spec: { ...node.spec, taints: [...kept, ...wanted] } });
}

/** markNodeAsReachable plus the NoSchedule pass: lifts the Ready-condition taints. */
function liftTaints(sim: Simulation, node: KubeObject): void {
  const taints = nodeTaints(node);
  const kept = taints.filter((t) => !isNodeHealthTaint(t));
  if (kept.length === taints.length) return;
  const spec: Record<string, unknown> = { ...node.spec, taints: kept };
  if (kept.length === 0) delete spec.taints;
  sim.api.update({ ...node, spec });
  sim.decide({
    controller: NODE_LIFECYCLE,
    object: `Node/${node.metadata.name}`,
    action: 'update',
    message: `${node.metadata.name} is Ready again: taints removed`,
  });
}

/** MarkPodsNotReady for one pod: its Ready condition becomes False (once), with the Warning event. */
function markPodNotReady(sim: Simulation, pod: Pod): void {
  const conditions = pod.status?.conditions ?? [];
  const ready = conditions.find((c) => c.type === 'Ready');
  if (!ready || ready.status === 'False') return;
  const now = sim.timestamp();
  const next = conditions.map((c) =>
    c.type === 'Ready' ? { ...c, status: 'False' as const, lastTransitionTime: now } : c,
  );
  const res = sim.api.updateStatus<Pod>({ ...pod, status: { ...pod.status, conditions: next } });
  if (res.ok) sim.event(res.value, 'Warning', 'NodeNotReady', 'Node is not ready', COMPONENT);
}

const nodeKey = (name: string) => `node/${name}`;
const podKey = (pod: Pod) => `pod/${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;

/** The waiting key under which the controller explains a pod that cannot finish terminating. */
export function stuckPodWaitKey(namespace: string, name: string): string {
  return `${NODE_LIFECYCLE}/${namespace}/${name}`;
}

function syncNode(sim: Simulation, name: string): void {
  const node = sim.store.get<KubeObject>('Node', undefined, name);
  if (!node) return;
  const ready = nodeReadyStatus(node);
  if (ready === 'True') liftTaints(sim, node);
  else if (ready === 'Unknown') taintUnreachable(sim, name);
  for (const pod of podsOnNode(sim, name)) explainPod(sim, pod, node);
}

/** Says why a pod being deleted on an unreachable node stays: nobody is there to confirm it. */
function explainPod(sim: Simulation, pod: Pod, node: KubeObject | undefined): void {
  const ns = pod.metadata.namespace ?? 'default';
  const key = stuckPodWaitKey(ns, pod.metadata.name);
  const nodeName = pod.spec.nodeName ?? '';
  const stuck =
    pod.metadata.deletionTimestamp &&
    node &&
    (nodeReadyStatus(node) === 'Unknown' || !isKubeletRunning(sim.state.minikube, nodeName));
  if (!stuck) {
    sim.setWaiting(key, undefined);
    return;
  }
  const message = `waiting for ${pod.metadata.name} to terminate (its node ${nodeName} is unreachable)`;
  if (sim.state.waiting[key]?.message !== message)
    sim.decide({
      controller: NODE_LIFECYCLE,
      object: `Pod/${ns}/${pod.metadata.name}`,
      action: 'wait',
      message: `${message}: no kubelet can confirm the deletion until the node is back, the Node object is deleted, or the pod is force-deleted`,
    });
  sim.setWaiting(key, { object: `${ns}/${pod.metadata.name}`, kind: 'Pod', waitingOn: nodeName, message });
}

function syncPod(sim: Simulation, key: string): void {
  const rest = key.slice('pod/'.length);
  const slash = rest.indexOf('/');
  const ns = rest.slice(0, slash);
  const name = rest.slice(slash + 1);
  const pod = sim.store.get<Pod>('Pod', ns, name);
  if (!pod?.spec.nodeName) {
    sim.setWaiting(stuckPodWaitKey(ns, name), undefined);
    return;
  }
  const node = sim.store.get<KubeObject>('Node', undefined, pod.spec.nodeName);
  // processPod: a pod that lands on a node that is not ready is marked not ready too.
  if (node && nodeReadyStatus(node) !== 'True' && nodeReadyStatus(node) !== undefined)
    markPodNotReady(sim, pod);
  explainPod(sim, sim.store.get<Pod>('Pod', ns, name) ?? pod, node);
}

/** Node changes and pod bindings or deletions enqueue; `sync` re-reads the node or pod. */
export const nodeLifecycleController: Controller = {
  name: NODE_LIFECYCLE,
  handle(event: WatchEvent, sim: Simulation): void {
    const obj = event.object;
    if (obj.kind === 'Node') {
      if (event.type !== 'DELETED') sim.enqueue(NODE_LIFECYCLE, nodeKey(obj.metadata.name));
      return;
    }
    if (obj.kind !== 'Pod') return;
    const pod = obj as Pod;
    const old = event.oldObject as Pod | undefined;
    // Only what the controller reacts to: a new binding, a deletion starting, the pod going.
    if (
      event.type === 'DELETED' ||
      (pod.spec.nodeName && pod.spec.nodeName !== old?.spec.nodeName) ||
      pod.metadata.deletionTimestamp !== old?.metadata.deletionTimestamp
    )
      sim.enqueue(NODE_LIFECYCLE, podKey(pod));
  },
  sync(key: string, sim: Simulation): void {
    if (key.startsWith('node/')) syncNode(sim, key.slice('node/'.length));
    else syncPod(sim, key);
  },
};
