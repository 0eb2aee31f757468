/**
 * The pod row of `kubectl get pods` as a 1.30 API server computes it: printers.go printPod —
 * READY (ready+running containers / containers), the STATUS reason algorithm, RESTARTS with
 * `N (<age> ago)`, and the wide cells IP / NODE / NOMINATED NODE / READINESS GATES.
 * Differs from servers >= 1.31 on purpose: a pod with a deletionTimestamp shows `Terminating` even
 * when its phase is already Succeeded/Failed (PR #122038 landed in 1.31).
 */
import type { ContainerStatus, Pod } from '../../../core/api/types.ts';
import { fromTimestamp } from '../../../core/clock/virtualClock.ts';
import { humanDuration } from './humanDuration.ts';

interface InitStatusLike extends ContainerStatus {}

/** The STATUS cell of a pod (e.g. `Running`, `ContainerCreating`, `Init:0/1`, `Terminating`). */
export function podStatusReason(pod: Pod): string {
  return podSummary(pod, 0).status;
}

/** READY, STATUS and RESTARTS cells of a pod at virtual time `now`. */
export function podSummary(pod: Pod, now: number): { ready: string; status: string; restarts: string } {
  const status = pod.status ?? { phase: 'Pending' };
  let restarts = 0;
  let readyContainers = 0;
  let lastRestart = Number.NEGATIVE_INFINITY;
  const total = pod.spec.containers.length;
  let reason: string = status.reason || status.phase || 'Pending';
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  const noteRestart = (c: ContainerStatus) => {
    const fin = c.lastState?.terminated?.finishedAt;
    if (fin) lastRestart = Math.max(lastRestart, fromTimestamp(fin));
  };

  let initializing = false;
  const initStatuses = (status as { initContainerStatuses?: InitStatusLike[] }).initContainerStatuses ?? [];
  const nInit = pod.spec.initContainers?.length ?? 0;
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount;
    noteRestart(c);
    const term = c.state?.terminated;
    const wait = c.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (term) {
      if (!term.reason)
        reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
      else reason = `Init:${term.reason}`;
    } else if (wait?.reason && wait.reason !== 'PodInitializing') reason = `Init:${wait.reason}`;
    else reason = `Init:${i}/${nInit}`;
    initializing = true;
    break;
  }

  const initializedTrue = (status.conditions ?? []).some(
    (c) => c.type === 'Initialized' && c.status === 'True',
  );
  if (!initializing || initializedTrue) {
    restarts = 0;
    lastRestart = Number.NEGATIVE_INFINITY;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount;
      noteRestart(c);
      const wait = c.state?.waiting;
      const term = c.state?.terminated;
      if (wait?.reason) reason = wait.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const ready = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = ready ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp) reason = 'Terminating';

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestart !== Number.NEGATIVE_INFINITY) {
    restartsText = `${restarts} (${humanDuration(now - lastRestart)} ago)`;
  }
  return { ready: `${readyContainers}/${total}`, status: reason, restarts: restartsText };
}

/** Wide cells: first pod IP, node, nominated node, readiness gates (`<none>` when unset). */
export function podWideCells(pod: Pod): string[] {
  const ip = pod.status?.podIPs?.[0]?.ip || '<none>';
  const node = pod.spec.nodeName || '<none>';
  const nominated = (pod.status as { nominatedNodeName?: string } | undefined)?.nominatedNodeName || '<none>';
  const gates = (pod.spec as { readinessGates?: Array<{ conditionType: string }> }).readinessGates ?? [];
  let gatesText = '<none>';
  if (gates.length > 0) {
    const conds = pod.status?.conditions ?? [];
    const ok = gates.filter((g) => conds.find((c) => c.type === g.conditionType)?.status === 'True').length;
    gatesText = `${ok}/${gates.length}`;
  }
  return [ip, node, nominated, gatesText];
}
