/**
 * The pod machine's larger steps as pure functions: (context, event) -> new context and the effects
 * to run (status write, Event, timer, image check, container creation). podMachine.ts wraps each in
 * an `enqueueActions`, so the machine's structure stays readable and the rules are testable alone.
 *
 * Follows kubernetes/kubernetes (release-1.30) pkg/kubelet: kuberuntime/kuberuntime_manager.go
 * (doBackOff and the `back-off %s restarting failed container=%s pod=%s` message, events.BackOffStartContainer
 * `Back-off restarting failed container %s in pod %s`), kuberuntime_container.go (Created/Started),
 * prober/worker.go (a probe every periodSeconds after initialDelaySeconds; failureThreshold consecutive
 * failures make the container unready, one success makes it ready).
 */
import type { PodMachineEvent, RecordParams, ScheduleParams } from './podMachine.ts';
import {
  type ContainerRuntime,
  nextBackoff,
  type PodMachineContext,
  restartsAfter,
  retireRun,
  withContainer,
  withReadiness,
} from './podRuntime.ts';

export type Effect =
  | { type: 'syncStatus' }
  | { type: 'record'; params: RecordParams }
  | { type: 'schedule'; params: ScheduleParams }
  | { type: 'ensureImage'; params: { index: number } }
  | { type: 'createContainer'; params: { index: number } };

export interface Step {
  context: PodMachineContext;
  effects: Effect[];
}

/** The kubelet notices a container's exit at its next relist, about a second later (PLEG). */
const RELIST_MS = 1000;
/** Back-off entries are forgotten when not used for twice the maximum (flowcontrol.Backoff GC). */
const BACKOFF_FORGET_MS = 600_000;

type Ev<T extends PodMachineEvent['type']> = Extract<PodMachineEvent, { type: T }>;

const record = (type: 'Normal' | 'Warning', reason: string, message: string, container: string): Effect => ({
  type: 'record',
  params: { type, reason, message, container },
});

/** A container (re)started: it runs; Created and Started are recorded; a restart counts. */
export function markStarted(ctx: PodMachineContext, ev: Ev<'container.started'>): Step {
  const prev = ctx.containers[ev.index];
  const restarted = prev.startedAt !== undefined;
  const next: Partial<ContainerRuntime> = {
    ...retireRun(prev),
    state: 'running',
    reason: undefined,
    message: undefined,
    exitCode: undefined,
    finishedAt: undefined,
    startedAt: ev.at,
    containerID: ev.containerID,
    instance: ev.instance,
    started: true,
    // Without a readiness probe a running container is ready at once (unless the lab's switch is on).
    ready: !prev.probe && !ctx.readinessFailing,
    servingAt: ev.servingAt,
    probeFailures: 0,
    probing: false,
    restartCount: restarted ? prev.restartCount + 1 : prev.restartCount,
  };
  let context = withContainer(ctx, ev.index, next);
  context = withReadiness(context, ev.at);
  return {
    context,
    effects: [
      record('Normal', 'Created', `Created container ${prev.name}`, prev.name),
      record('Normal', 'Started', `Started container ${prev.name}`, prev.name),
    ],
  };
}

/**
 * A container's main process exited. It is shown terminated; under the restart policy it restarts —
 * the first time at once, then after the back-off (10 s, 20 s, ... 300 s) shown as CrashLoopBackOff.
 */
export function handleExit(ctx: PodMachineContext, ev: Ev<'container.exited'>): Step {
  const ctr = ctx.containers[ev.index];
  const instance = ctr.instance + 1;
  // A container that ran longer than the back-off memory starts from scratch again.
  const forgotten = ev.at - (ctr.startedAt ?? ev.at) > BACKOFF_FORGET_MS;
  const backoff = forgotten ? 0 : ctr.crashBackoffMs;
  let context = withContainer(ctx, ev.index, {
    // `last` keeps the run before this one until the container restarts or waits (retireRun).
    state: 'terminated',
    reason: terminatedReason(ev.exitCode),
    exitCode: ev.exitCode,
    startedAt: ctr.startedAt ?? ev.at,
    finishedAt: ev.at,
    ready: false,
    started: false,
    probing: false,
    instance,
  });
  context = withReadiness(context, ev.at);
  const effects: Effect[] = [{ type: 'syncStatus' }];
  if (!restartsAfter(ctx, ev.exitCode)) return { context, effects };
  if (backoff === 0) {
    context = withContainer(context, ev.index, { crashBackoffMs: nextBackoff(0) });
    effects.push({
      type: 'schedule',
      params: { event: { type: 'backoff.done', index: ev.index, instance }, delayMs: RELIST_MS, jitter: 0.3 },
    });
  } else {
    effects.push({
      type: 'schedule',
      params: {
        event: { type: 'crash.backoff', index: ev.index, instance },
        delayMs: RELIST_MS,
        jitter: 0.3,
      },
    });
  }
  return { context, effects };
}

function terminatedReason(exitCode: number): string {
  return exitCode === 0 ? 'Completed' : 'Error';
}

/** The pod worker re-syncs a pod whose sync failed (here: in back-off) after 10-15 s (pod_workers.go backOffPeriod, jitter 0.5). */
const RESYNC_MIDPOINT_MS = 12_500;
const RESYNC_SPREAD = 0.2;

/** The next re-sync during the back-off that ends at `until`, if it comes before the restart. */
function resyncDuring(ev: Ev<'crash.backoff'>, until: number): Effect[] {
  // the latest the jittered re-sync can fire; later ones would find the container restarted
  if (ev.at + RESYNC_MIDPOINT_MS * (1 + RESYNC_SPREAD) >= until) return [];
  return [
    {
      type: 'schedule',
      params: {
        event: { type: 'crash.backoff', index: ev.index, instance: ev.instance, until },
        delayMs: RESYNC_MIDPOINT_MS,
        jitter: RESYNC_SPREAD,
      },
    },
  ];
}

/**
 * The kubelet finds the container in back-off: CrashLoopBackOff, and the restart when it ends. Every
 * pod sync during the back-off records BackOff again (the recorder counts them: `x5 over 2m`); a
 * re-sync is the same event with `until`, the back-off's end.
 */
export function showCrashLoop(ctx: PodMachineContext, ev: Ev<'crash.backoff'>): Step {
  const ctr = ctx.containers[ev.index];
  const backOff = record(
    'Warning',
    'BackOff',
    `Back-off restarting failed container ${ctr.name} in pod ${ctx.name}_${ctx.namespace}(${ctx.uid})`,
    ctr.name,
  );
  if (ev.until !== undefined) {
    if (ctr.state !== 'waiting' || ctr.reason !== 'CrashLoopBackOff' || ev.at >= ev.until)
      return { context: ctx, effects: [] };
    return { context: ctx, effects: [backOff, ...resyncDuring(ev, ev.until)] };
  }
  const message = `back-off ${ctr.crashBackoffMs / 1000}s restarting failed container=${ctr.name} pod=${ctx.name}_${ctx.namespace}(${ctx.uid})`;
  const context = withContainer(ctx, ev.index, {
    ...retireRun(ctr),
    state: 'waiting',
    reason: 'CrashLoopBackOff',
    message,
  });
  const finished = ctr.finishedAt ?? ev.at;
  const until = finished + ctr.crashBackoffMs;
  return {
    context: withContainer(context, ev.index, { crashBackoffMs: nextBackoff(ctr.crashBackoffMs) }),
    effects: [
      backOff,
      { type: 'syncStatus' },
      {
        type: 'schedule',
        params: {
          event: { type: 'backoff.done', index: ev.index, instance: ev.instance },
          delayMs: Math.max(0, until - ev.at),
          jitter: 0.05,
        },
      },
      ...resyncDuring(ev, until),
    ],
  };
}

function probeTick(ctx: PodMachineContext, index: number, delayMs: number): Effect {
  const ctr = ctx.containers[index];
  return {
    type: 'schedule',
    params: { event: { type: 'probe.tick', index, instance: ctr.instance }, delayMs, jitter: 0.02 },
  };
}

/** Starts the readiness prober of every running container that has a probe and is not probed yet. */
export function startProbes(ctx: PodMachineContext): Step {
  let context = ctx;
  const effects: Effect[] = [];
  ctx.containers.forEach((ctr, i) => {
    if (ctr.state !== 'running' || !ctr.probe || ctr.probing) return;
    context = withContainer(context, i, { probing: true });
    effects.push(probeTick(context, i, Math.max(ctr.probe.initialDelayMs, 100)));
  });
  return { context, effects };
}

/**
 * One readiness probe. It passes when the main process serves and the lab's switch is off. The
 * prober keeps ticking while the container is unready or failing; a steady ready container needs no
 * more ticks (a passing probe changes nothing a learner can see), which keeps 5000 pods cheap.
 */
export function runProbe(ctx: PodMachineContext, ev: Ev<'probe.tick'>): Step {
  const ctr = ctx.containers[ev.index];
  if (ctr.state !== 'running' || !ctr.probe)
    return { context: withContainer(ctx, ev.index, { probing: false }), effects: [] };
  const serving = ev.at >= (ctr.servingAt ?? ev.at);
  const passes = serving && !ctx.readinessFailing;
  const effects: Effect[] = [];
  let patch: Partial<ContainerRuntime>;
  if (passes) patch = { ready: true, probeFailures: 0 };
  else {
    const failures = ctr.probeFailures + 1;
    patch = { probeFailures: failures, ready: ctr.ready && failures < ctr.probe.failureThreshold };
    effects.push(record('Warning', 'Unhealthy', probeFailureMessage(ctx, ctr, serving), ctr.name));
  }
  const keepProbing = !(patch.ready && patch.probeFailures === 0);
  let context = withContainer(ctx, ev.index, { ...patch, probing: keepProbing });
  if (patch.ready !== ctr.ready) {
    context = withReadiness(context, ev.at);
    effects.push({ type: 'syncStatus' });
  }
  if (keepProbing) effects.push(probeTick(context, ev.index, ctr.probe.periodMs));
  return { context, effects };
}

/** The Unhealthy event text of a failed readiness probe (prober/prober.go, probe/http, probe/tcp). */
function probeFailureMessage(ctx: PodMachineContext, ctr: ContainerRuntime, serving: boolean): string {
  const p = ctr.probe;
  if (!p || p.kind === 'exec') return 'Readiness probe failed: ';
  if (serving && p.kind === 'http') return 'Readiness probe failed: HTTP probe failed with statuscode: 503';
  const host = `${ctx.podIP ?? ''}:${p.port ?? ''}`;
  const target =
    p.kind === 'http' ? `Get "http://${host}${p.path ?? '/'}": dial tcp ${host}` : `dial tcp ${host}`;
  return `Readiness probe failed: ${target}: connect: connection refused`;
}

/**
 * The lab's readiness switch (failReadiness). Probed containers notice at their next probe;
 * containers without a probe change at once.
 */
export function applyReadinessSwitch(ctx: PodMachineContext, ev: Ev<'readiness.set'>): Step {
  let context: PodMachineContext = { ...ctx, readinessFailing: ev.failing };
  const effects: Effect[] = [];
  let changed = false;
  ctx.containers.forEach((ctr, i) => {
    if (ctr.state !== 'running') return;
    if (!ctr.probe) {
      if (ctr.ready === ev.failing) {
        context = withContainer(context, i, { ready: !ev.failing });
        changed = true;
      }
    } else if (!ctr.probing) {
      context = withContainer(context, i, { probing: true });
      effects.push(probeTick(context, i, ctr.probe.periodMs));
    }
  });
  if (changed) {
    context = withReadiness(context, ev.at);
    effects.push({ type: 'syncStatus' });
  }
  return { context, effects };
}

/** A container stopped during termination (exit 0 on SIGTERM, 137 when killed at the deadline). */
export function markStopped(ctx: PodMachineContext, ev: Ev<'container.stopped'>): Step {
  const ctr = ctx.containers[ev.index];
  if (ctr?.state !== 'running') return { context: ctx, effects: [] };
  const context = withContainer(ctx, ev.index, {
    state: 'terminated',
    reason: terminatedReason(ev.exitCode),
    exitCode: ev.exitCode,
    finishedAt: ev.at,
    ready: false,
    started: false,
    probing: false,
    instance: ctr.instance + 1,
  });
  return { context: withReadiness(context, ev.at), effects: [] };
}
