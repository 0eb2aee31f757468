/**
 * What a learner reads about a pod at a glance: kubectl's STATUS and READY texts and the stage of its
 * life the diagram colours. STATUS follows kubectl 1.30's printPod
 * (kubernetes/kubernetes:pkg/printers/internalversion/printers.go `printPod`) as summarised in
 * shared/spec/kubectl-output.md §3.2, reduced to what the diagram needs: the lab has no init
 * containers in its scenarios, so `Init:` states are not derived here (the terminal's printer has them).
 */
import type { ContainerStatus, Pod } from '../core/api/types.ts';

/** The stage the diagram draws a pod in, in lifecycle order. */
export type PodStage = 'pending' | 'creating' | 'running' | 'ready' | 'terminating' | 'failed' | 'succeeded';

function isContainerReady(c: ContainerStatus): boolean {
  return c.ready && c.state.running !== undefined;
}

/** `<ready containers>/<containers>`, as kubectl's READY column. */
export function podReadyText(pod: Pod): string {
  const total = pod.spec.containers.length;
  const ready = (pod.status?.containerStatuses ?? []).filter(isContainerReady).length;
  return `${ready}/${total}`;
}

/** True when the pod's Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** kubectl's STATUS text for a pod (printPod's algorithm without init containers). */
export function podStatusText(pod: Pod): string {
  const status = pod.status ?? { phase: 'Pending' };
  let reason: string = status.reason || status.phase || 'Pending';
  let hasRunning = false;
  const statuses = status.containerStatuses ?? [];
  for (let i = statuses.length - 1; i >= 0; i--) {
    const c = statuses[i];
    if (c.state.waiting?.reason) reason = c.state.waiting.reason;
    else if (c.state.terminated?.reason) reason = c.state.terminated.reason;
    else if (c.state.terminated) {
      const t = c.state.terminated;
      reason = t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode}`;
    } else if (c.ready && c.state.running) hasRunning = true;
  }
  if (reason === 'Completed' && hasRunning) reason = isPodReady(pod) ? 'Running' : 'NotReady';
  if (pod.metadata.deletionTimestamp) {
    if (status.reason === 'NodeLost') return 'Unknown';
    return 'Terminating';
  }
  return reason;
}

const FAILED_REASONS = new Set([
  'CrashLoopBackOff',
  'ErrImagePull',
  'ImagePullBackOff',
  'Error',
  'CreateContainerConfigError',
  'OOMKilled',
  'Failed',
  'Unknown',
]);

/** The stage the diagram colours the pod by; follows the STATUS text, then readiness. */
export function podStage(pod: Pod): PodStage {
  const text = podStatusText(pod);
  if (text === 'Terminating') return 'terminating';
  if (FAILED_REASONS.has(text) || text.startsWith('ExitCode:') || text.startsWith('Signal:')) return 'failed';
  if (text === 'Completed' || text === 'Succeeded') return 'succeeded';
  if (text === 'ContainerCreating' || text === 'PodInitializing') return 'creating';
  if (text === 'Running') return isPodReady(pod) ? 'ready' : 'running';
  return 'pending';
}

/** The ControllerRevision name stamped on a StatefulSet pod, if any. */
export function podRevision(pod: Pod): string | undefined {
  return pod.metadata.labels?.['controller-revision-hash'];
}
