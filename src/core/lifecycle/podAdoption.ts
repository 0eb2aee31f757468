/**
 * Adoption of pods that already run when the kubelet first sees them (minikube's system and addon
 * pods, written Running by bootstrap): the machine's context is rebuilt from the pod's status so the
 * kubelet carries on from there — restarts, deletion, readiness — without replaying any event.
 * The lab's counterpart of a kubelet restart re-reading its containers from the runtime
 * (kubernetes/kubernetes release-1.30 pkg/kubelet/kuberuntime GetPodStatus).
 */
import type { ContainerStatus, Pod } from '../api/types.ts';
import { fromTimestamp } from '../clock/virtualClock.ts';
import type { ConditionType, PodMachineContext } from './podRuntime.ts';

const at = (ts: string | undefined): number | undefined => (ts ? fromTimestamp(ts) : undefined);

/** The machine context of an already-running pod, from its status and the spec-derived `base`. Pure. */
export function adoptedContext(pod: Pod, base: PodMachineContext): PodMachineContext {
  const statuses = new Map<string, ContainerStatus>(
    (pod.status.containerStatuses ?? []).map((s) => [s.name, s]),
  );
  const conditions: PodMachineContext['conditions'] = {};
  for (const c of pod.status.conditions ?? [])
    conditions[c.type as ConditionType] = {
      status: c.status === 'True' ? 'True' : 'False',
      at: fromTimestamp(c.lastTransitionTime),
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.message ? { message: c.message } : {}),
    };
  return {
    ...base,
    podIP: pod.status.podIP,
    startTime: at(pod.status.startTime),
    cursor: base.containers.length - 1,
    conditions,
    containers: base.containers.map((c) => {
      const s = statuses.get(c.name);
      if (!s?.state.running) return c;
      const last = s.lastState.terminated;
      return {
        ...c,
        state: 'running',
        reason: undefined,
        startedAt: at(s.state.running.startedAt),
        servingAt: at(s.state.running.startedAt),
        containerID: s.containerID,
        imageRef: s.image,
        imageID: s.imageID,
        restartCount: s.restartCount,
        ready: s.ready,
        started: s.started ?? true,
        last: last
          ? {
              exitCode: last.exitCode,
              reason: last.reason ?? 'Error',
              startedAt: at(last.startedAt) ?? 0,
              finishedAt: at(last.finishedAt) ?? 0,
              containerID: (last as { containerID?: string }).containerID ?? '',
            }
          : undefined,
        crashBackoffMs: s.restartCount > 0 ? 10_000 : 0,
      };
    }),
  };
}
