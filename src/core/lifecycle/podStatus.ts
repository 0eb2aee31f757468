/**
 * Writes the kubelet's view of a pod (the machine context) as the pod's API status: phase,
 * conditions in the order the kubelet keeps them, host and pod IPs, start time and one
 * containerStatus per container with state, lastState, ready, started, restartCount, image, imageID
 * and containerID. Follows kubernetes/kubernetes (release-1.30) pkg/kubelet/kubelet_pods.go
 * generateAPIPodStatus / convertToAPIContainerStatuses; conditions it does not own (PodScheduled,
 * written by the scheduler) are kept from the existing status, as the status manager does.
 */
import type { ContainerState, ContainerStatus, Pod, PodCondition, PodStatus } from '../api/types.ts';
import { toTimestamp } from '../clock/virtualClock.ts';
import { nodeInternalIP, PRIMARY_NODE } from '../cluster/podNetwork.ts';
import { type ConditionType, type ContainerRuntime, type PodMachineContext, podPhase } from './podRuntime.ts';

const CONDITION_ORDER: ConditionType[] = [
  'PodReadyToStartContainers',
  'Initialized',
  'Ready',
  'ContainersReady',
  'PodScheduled',
];

function stateOf(c: ContainerRuntime): ContainerState {
  if (c.state === 'running') return { running: { startedAt: toTimestamp(c.startedAt ?? 0) } };
  if (c.state === 'terminated')
    return {
      terminated: {
        exitCode: c.exitCode ?? 0,
        reason: c.reason,
        startedAt: toTimestamp(c.startedAt ?? 0),
        finishedAt: toTimestamp(c.finishedAt ?? 0),
        containerID: c.containerID,
      },
    };
  return { waiting: c.message ? { reason: c.reason, message: c.message } : { reason: c.reason } };
}

function containerStatus(c: ContainerRuntime): ContainerStatus {
  const status: ContainerStatus = {
    name: c.name,
    state: stateOf(c),
    lastState: c.last
      ? {
          terminated: {
            exitCode: c.last.exitCode,
            reason: c.last.reason,
            startedAt: toTimestamp(c.last.startedAt),
            finishedAt: toTimestamp(c.last.finishedAt),
            containerID: c.last.containerID,
          },
        }
      : {},
    ready: c.state === 'running' && c.ready,
    restartCount: c.restartCount,
    image: c.imageRef ?? c.image,
    imageID: c.imageID ?? '',
    started: c.state === 'running' && c.started,
  };
  // A container that never ran has no containerID; a terminated one keeps its last.
  const id = c.state === 'waiting' ? c.last?.containerID : c.containerID;
  if (id) status.containerID = id;
  return status;
}

/** The status the kubelet writes for `pod` from what it knows (`ctx`). Pure. */
export function podStatusFor(pod: Pod, ctx: PodMachineContext): PodStatus {
  const existing = new Map((pod.status?.conditions ?? []).map((c) => [c.type, c]));
  const conditions: PodCondition[] = [];
  for (const type of CONDITION_ORDER) {
    const mine = ctx.conditions[type];
    if (type === 'PodScheduled' && existing.has(type)) {
      conditions.push(existing.get(type) as PodCondition);
      continue;
    }
    if (!mine) continue;
    const cond: PodCondition = {
      type,
      status: mine.status,
      lastProbeTime: null,
      lastTransitionTime: toTimestamp(mine.at),
    };
    if (mine.reason) cond.reason = mine.reason;
    if (mine.message) cond.message = mine.message;
    conditions.push(cond);
  }
  const hostIP = nodeInternalIP(pod.spec.nodeName || PRIMARY_NODE);
  const status: PodStatus = {
    phase: podPhase(ctx),
    conditions,
    hostIP,
    hostIPs: [{ ip: hostIP }],
  };
  if (ctx.podIP) {
    status.podIP = ctx.podIP;
    status.podIPs = [{ ip: ctx.podIP }];
  }
  if (ctx.startTime !== undefined) status.startTime = toTimestamp(ctx.startTime);
  status.containerStatuses = ctx.containers.map(containerStatus);
  if (pod.status?.qosClass) status.qosClass = pod.status.qosClass;
  return status;
}
