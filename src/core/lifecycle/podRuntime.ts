/**
 * The data the pod lifecycle machine carries (its xstate context) and the pure updates on it:
 * what the kubelet knows about one pod's sandbox and containers — states, restarts, readiness, the
 * times conditions changed. Plain JSON, so it is persisted in `state.machines[uid]`.
 *
 * Follows the shape of kubernetes/kubernetes (release-1.30) pkg/kubelet/kubelet_pods.go
 * (convertToAPIContainerStatuses, getPhase) and pkg/kubelet/status/generate.go (GeneratePodReadyCondition,
 * GenerateContainersReadyCondition, GeneratePodReadyToStartContainersCondition).
 */
import type { Pod, PodPhase } from '../api/types.ts';

/** A readiness probe reduced to what its timing needs. */
export interface ProbeTiming {
  initialDelayMs: number;
  periodMs: number;
  failureThreshold: number;
  successThreshold: number;
  /** `http`, `tcp` or `exec`: decides the Unhealthy event's text */
  kind: 'http' | 'tcp' | 'exec';
  port?: number | string;
  path?: string;
}

export interface LastTermination {
  exitCode: number;
  reason: string;
  startedAt: number;
  finishedAt: number;
  containerID: string;
}

/** What the kubelet knows about one container. Times are virtual ms. */
export interface ContainerRuntime {
  name: string;
  /** the image as the spec names it */
  image: string;
  state: 'waiting' | 'running' | 'terminated';
  reason?: string;
  message?: string;
  exitCode?: number;
  startedAt?: number;
  finishedAt?: number;
  containerID?: string;
  /** the image as docker reports it once pulled (`busybox:latest`) and its digest ref */
  imageRef?: string;
  imageID?: string;
  restartCount: number;
  last?: LastTermination;
  ready: boolean;
  started: boolean;
  /** from when the main process serves: readiness probes pass after this */
  servingAt?: number;
  probe?: ProbeTiming;
  /** consecutive failed probes */
  probeFailures: number;
  /** a readiness probe timer is pending for this container */
  probing?: boolean;
  /** the kubelet's current restart back-off (0 until the first restart) */
  crashBackoffMs: number;
  pullBackoffMs: number;
  /** grows with every (re)start, so timers of an earlier instance are recognised and dropped */
  instance: number;
}

export type ConditionType =
  | 'PodReadyToStartContainers'
  | 'Initialized'
  | 'Ready'
  | 'ContainersReady'
  | 'PodScheduled';

export interface ConditionState {
  status: 'True' | 'False';
  at: number;
  reason?: string;
  message?: string;
}

export interface PodMachineContext {
  namespace: string;
  name: string;
  uid: string;
  restartPolicy: 'Always' | 'OnFailure' | 'Never';
  podIP?: string;
  startTime?: number;
  /** the container being pulled/created during start-up */
  cursor: number;
  containers: ContainerRuntime[];
  conditions: Partial<Record<ConditionType, ConditionState>>;
  /** set by failReadiness: probes (or, without a probe, the lab's switch) report not ready */
  readinessFailing: boolean;
  /** every container stopped for the pod's deletion: the phase becomes Succeeded or Failed */
  terminal?: boolean;
}

const MAX_BACKOFF_MS = 300_000;
const INITIAL_BACKOFF_MS = 10_000;

/** The next back-off after `current` (10 s, 20 s, 40 s, ... 300 s), as flowcontrol.Backoff.Next. */
export function nextBackoff(current: number): number {
  return current === 0 ? INITIAL_BACKOFF_MS : Math.min(current * 2, MAX_BACKOFF_MS);
}

type SpecContainer = Pod['spec']['containers'][number];

function probeTiming(p: NonNullable<SpecContainer['readinessProbe']>, ctr: SpecContainer): ProbeTiming {
  const kind = p.httpGet ? 'http' : p.tcpSocket ? 'tcp' : 'exec';
  const raw = p.httpGet?.port ?? p.tcpSocket?.port;
  // The prober resolves a named port through the container's ports (prober.go findPortByName).
  const port =
    typeof raw === 'string' ? ((ctr.ports ?? []).find((x) => x.name === raw)?.containerPort ?? raw) : raw;
  return {
    initialDelayMs: (p.initialDelaySeconds ?? 0) * 1000,
    periodMs: (p.periodSeconds ?? 10) * 1000,
    failureThreshold: p.failureThreshold ?? 3,
    successThreshold: p.successThreshold ?? 1,
    kind,
    port,
    path: p.httpGet?.path,
  };
}

/** The machine's starting context for a pod, from its spec. Pure. */
export function contextForPod(pod: Pod): PodMachineContext {
  return {
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name,
    uid: pod.metadata.uid,
    restartPolicy: pod.spec.restartPolicy ?? 'Always',
    cursor: 0,
    containers: pod.spec.containers.map((c) => ({
      name: c.name,
      image: c.image,
      state: 'waiting',
      reason: 'ContainerCreating',
      restartCount: 0,
      ready: false,
      started: false,
      probe: c.readinessProbe ? probeTiming(c.readinessProbe, c) : undefined,
      probeFailures: 0,
      crashBackoffMs: 0,
      pullBackoffMs: 0,
      instance: 0,
    })),
    conditions: {},
    readinessFailing: false,
  };
}

/** Sets a condition; its lastTransitionTime moves only when the status changes. */
export function withCondition(
  ctx: PodMachineContext,
  type: ConditionType,
  status: 'True' | 'False',
  at: number,
  reason?: string,
  message?: string,
): PodMachineContext {
  const prev = ctx.conditions[type];
  const next: ConditionState = { status, at: prev && prev.status === status ? prev.at : at };
  if (reason) next.reason = reason;
  if (message) next.message = message;
  return { ...ctx, conditions: { ...ctx.conditions, [type]: next } };
}

/** Replaces container `index` with `patch` applied. */
export function withContainer(
  ctx: PodMachineContext,
  index: number,
  patch: Partial<ContainerRuntime>,
): PodMachineContext {
  const containers = ctx.containers.map((c, i) => (i === index ? { ...c, ...patch } : c));
  return { ...ctx, containers };
}

/**
 * The patch that moves a terminated container's run into `last` when the container leaves the
 * terminated state (restarts, or waits in CrashLoopBackOff / CreateContainerConfigError). While it
 * shows as terminated, `last` still holds the run before it: the kubelet's
 * convertToAPIContainerStatuses puts the newest runtime container in `state` and the one before it
 * in `lastState`, and only a waiting container gets its own terminated state as `lastState`.
 */
export function retireRun(c: ContainerRuntime): Partial<ContainerRuntime> {
  if (c.state !== 'terminated') return {};
  return {
    last: {
      exitCode: c.exitCode ?? 0,
      reason: c.reason ?? 'Error',
      startedAt: c.startedAt ?? c.finishedAt ?? 0,
      finishedAt: c.finishedAt ?? 0,
      containerID: c.containerID ?? '',
    },
  };
}

/** A container counts as ready when it runs and its readiness holds (kubelet's status manager). */
function isContainerReady(c: ContainerRuntime): boolean {
  return c.state === 'running' && c.ready;
}

/** Recomputes Ready and ContainersReady from the containers (GeneratePodReadyCondition). */
export function withReadiness(ctx: PodMachineContext, at: number): PodMachineContext {
  const unready = ctx.containers.filter((c) => !isContainerReady(c)).map((c) => c.name);
  if (unready.length === 0)
    return withCondition(withCondition(ctx, 'Ready', 'True', at), 'ContainersReady', 'True', at);
  const done = podPhase(ctx);
  const reason = done === 'Succeeded' || done === 'Failed' ? 'PodCompleted' : 'ContainersNotReady';
  const message =
    reason === 'PodCompleted' ? undefined : `containers with unready status: [${unready.join(' ')}]`;
  return withCondition(
    withCondition(ctx, 'Ready', 'False', at, reason, message),
    'ContainersReady',
    'False',
    at,
    reason,
    message,
  );
}

/** The pod phase the kubelet reports (kubelet_pods.go getPhase, restartable containers only). */
export function podPhase(ctx: PodMachineContext): PodPhase {
  let waiting = 0;
  let running = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of ctx.containers) {
    if (c.state === 'running') running++;
    else if (c.state === 'terminated') {
      stopped++;
      if (c.exitCode === 0) succeeded++;
    } else if (c.last) stopped++;
    else waiting++;
  }
  if (ctx.terminal) return succeeded === ctx.containers.length ? 'Succeeded' : 'Failed';
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped === ctx.containers.length) {
    if (ctx.restartPolicy === 'Always') return 'Running';
    if (ctx.restartPolicy === 'OnFailure') return succeeded === stopped ? 'Succeeded' : 'Running';
    return succeeded === stopped ? 'Succeeded' : 'Failed';
  }
  return 'Pending';
}

/** Whether a container that exited with `exitCode` is started again under the pod's restartPolicy. */
export function restartsAfter(ctx: PodMachineContext, exitCode: number): boolean {
  return ctx.restartPolicy === 'Always' || (ctx.restartPolicy === 'OnFailure' && exitCode !== 0);
}
