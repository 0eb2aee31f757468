/**
 * Pure rules of node health, shared by the node lifecycle controller, the taint eviction controller
 * and `minikube node stop|start` (src/core/cluster/nodes.ts): when a silent node goes Ready=Unknown,
 * which conditions and taints it then carries, and which taints a pod tolerates for how long.
 *
 * Follows kubernetes/kubernetes (release-1.30):
 * - pkg/controller/nodelifecycle/node_lifecycle_controller.go tryUpdateNodeHealth: a node whose lease
 *   was last seen renewed more than nodeMonitorGracePeriod (40 s) ago gets Ready, MemoryPressure,
 *   DiskPressure and PIDPressure set to Unknown, reason `NodeStatusUnknown`, message
 *   `Kubelet stopped posting node status.`, lastTransitionTime now (lastHeartbeatTime untouched);
 *   monitorNodeHealth runs every nodeMonitorPeriod (5 s).
 * - pkg/kubelet/nodelease: the kubelet renews its Lease every 10 s (a quarter of the 40 s lease).
 * - UnreachableTaintTemplate (NoExecute, added by doNoExecuteTaintingPass) and the NoSchedule taint of
 *   nodeConditionToTaintKeyStatusMap (doNoScheduleTaintingPass), both with timeAdded.
 * - pkg/controller/tainteviction/taint_eviction.go getMinTolerationTime, and
 *   k8s.io/api/core/v1 Toleration.ToleratesTaint (operator Exists / Equal, empty effect = all).
 *
 * Lab differences: the lab has no Lease objects; a running kubelet's renewals are implied (every 10 s
 * from its start) so clusters where no node stops draw no timers at all. The two taints appear at the
 * same instant (upstream the NoExecute pass follows within 100 ms).
 */
import type { KubeObject, Pod } from '../../api/types.ts';

/** kube-controller-manager --node-monitor-grace-period (1.30 default). */
export const NODE_MONITOR_GRACE_MS = 40_000;
/** kube-controller-manager --node-monitor-period. */
export const NODE_MONITOR_PERIOD_MS = 5_000;
/** The kubelet's lease renew interval (nodelease renewIntervalFraction 0.25 of 40 s). */
export const LEASE_RENEW_MS = 10_000;

export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';

/** A node taint as stored in spec.taints. */
export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  timeAdded?: string;
}

/** A pod toleration as stored in spec.tolerations. */
export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/**
 * The virtual instant the node lifecycle controller marks a node Unknown when its kubelet, started
 * at `kubeletStartedMs`, stops at `stoppedMs`: the last lease renewal before the stop, first seen at
 * the next monitor pass, plus the grace period.
 */
export function unreachableAt(kubeletStartedMs: number, stoppedMs: number): number {
  const since = Math.max(0, stoppedMs - kubeletStartedMs);
  const lastRenew = kubeletStartedMs + Math.floor(since / LEASE_RENEW_MS) * LEASE_RENEW_MS;
  const seen = Math.ceil(lastRenew / NODE_MONITOR_PERIOD_MS) * NODE_MONITOR_PERIOD_MS;
  return seen + NODE_MONITOR_GRACE_MS;
}

interface NodeCondition {
  type: string;
  status: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** The node's conditions (empty when it has none). */
export function nodeConditions(node: KubeObject): NodeCondition[] {
  return ((node.status as { conditions?: NodeCondition[] } | undefined)?.conditions ?? []).slice();
}

/** The status of the node's Ready condition: 'True', 'False', 'Unknown', or undefined. */
export function nodeReadyStatus(node: KubeObject): string | undefined {
  return nodeConditions(node).find((c) => c.type === 'Ready')?.status;
}

const MONITORED = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

/** The node status with the monitored conditions set to Unknown as tryUpdateNodeHealth does. Pure. */
export function statusWithConditionsUnknown(node: KubeObject, nowTs: string): unknown {
  const conditions = nodeConditions(node).map((c) =>
    MONITORED.includes(c.type) && c.status !== 'Unknown'
      ? {
          ...c,
          status: 'Unknown',
          reason: 'NodeStatusUnknown',
          message: 'Kubelet stopped posting node status.',
          lastTransitionTime: nowTs,
        }
      : c,
  );
  return { ...(node.status as object), conditions };
}

/** The node's taints (empty when it has none). */
export function nodeTaints(node: KubeObject): Taint[] {
  return ((node.spec as { taints?: Taint[] } | undefined)?.taints ?? []).slice();
}

/** The taints the node lifecycle controller puts on an unreachable node, stamped `nowTs`. */
export function unreachableTaints(nowTs: string): Taint[] {
  return [
    { key: TAINT_UNREACHABLE, effect: 'NoExecute', timeAdded: nowTs },
    { key: TAINT_UNREACHABLE, effect: 'NoSchedule', timeAdded: nowTs },
  ];
}

/** True for the taints the node lifecycle controller owns (Ready-condition taints). */
export function isNodeHealthTaint(t: Taint): boolean {
  return t.key === TAINT_UNREACHABLE || t.key === TAINT_NOT_READY;
}

/** The node's NoExecute taints. */
export function noExecuteTaints(node: KubeObject): Taint[] {
  return nodeTaints(node).filter((t) => t.effect === 'NoExecute');
}

/** Toleration.ToleratesTaint. */
export function tolerates(tol: Toleration, taint: Taint): boolean {
  if (tol.effect && tol.effect !== taint.effect) return false;
  if (tol.key && tol.key !== taint.key) return false;
  if (tol.operator === 'Exists') return true;
  if (tol.operator !== undefined && tol.operator !== 'Equal') return false;
  return (tol.value ?? '') === (taint.value ?? '');
}

/** The pod's tolerations (empty when it has none). */
export function podTolerations(pod: Pod): Toleration[] {
  return ((pod.spec as { tolerations?: Toleration[] }).tolerations ?? []).slice();
}

/**
 * How long the pod may stay on a node with these NoExecute taints: 0 when one is not tolerated
 * (evict now), Infinity when every used toleration is unbounded, else the shortest
 * tolerationSeconds in ms (getMinTolerationTime over GetMatchingTolerations, first match per taint).
 */
export function tolerationMs(tolerations: readonly Toleration[], taints: readonly Taint[]): number {
  let min = Number.POSITIVE_INFINITY;
  for (const taint of taints) {
    // GetMatchingTolerations uses the first toleration that matches each taint.
    const used = tolerations.find((t) => tolerates(t, taint));
    if (!used) return 0;
    if (used.tolerationSeconds === undefined || used.tolerationSeconds === null) continue;
    if (used.tolerationSeconds <= 0) return 0;
    min = Math.min(min, used.tolerationSeconds * 1000);
  }
  return min;
}

/** True unless `minikube node stop` powered the node's machine off (its kubelet then does nothing). */
export function isKubeletRunning(minikube: { stoppedNodes?: Record<string, number> }, node: string): boolean {
  return minikube.stoppedNodes?.[node] === undefined;
}
