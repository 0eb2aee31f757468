/**
 * The pod lifecycle machine: what the kubelet does with one pod, from binding to removal. Declared
 * with xstate's `setup()` and evaluated only with the pure `initialTransition`/`transition`
 * (kubelet.ts), so its snapshot is plain data in `state.machines[uid]` and no actor or wall-clock
 * timer exists. Effects are returned as actions the kubelet executes: `syncStatus` (write the pod
 * status), `record` (an Event), `schedule` (a virtual-clock timer that comes back as an event — the
 * lab's stand-in for xstate's `after` delays, which need a running actor), `startSandbox`,
 * `ensureImage`, `createContainer`, `stopContainers`, `deletePod`. Every event carries `at`, the
 * virtual instant it happens, so the machine itself never reads a clock.
 *
 * Follows kubernetes/kubernetes (release-1.30) pkg/kubelet: kubelet.go SyncPod / SyncTerminatingPod,
 * kuberuntime/kuberuntime_manager.go (computePodActions, doBackOff: first restart at once, then
 * 10 s doubling to 300 s), kuberuntime_container.go (startContainer, killContainer; a container whose
 * config cannot be generated waits as CreateContainerConfigError, containerConfig.ts), prober/ (readiness).
 * Where the lab differs: containers start one after another and a failed pull blocks the later
 * containers; liveness and startup probes are not run; without a readiness probe, failReadiness
 * still marks the container unready (a switch for lessons).
 */
import { assign, enqueueActions, setup } from 'xstate';
import type { Pod } from '../api/types.ts';
import { showConfigError } from './containerConfig.ts';
import {
  contextForPod,
  nextBackoff,
  type PodMachineContext,
  withCondition,
  withContainer,
  withReadiness,
} from './podRuntime.ts';
import {
  applyReadinessSwitch,
  handleExit,
  markStarted,
  markStopped,
  runProbe,
  type Step,
  showCrashLoop,
  startProbes,
} from './podSteps.ts';

/** What happens to a pod, as the kubelet learns it. `index` is the container's position in the spec. */
export type PodMachineEvent =
  | { type: 'pod.bound'; at: number }
  | { type: 'pod.adopt'; at: number; context: PodMachineContext }
  | { type: 'sandbox.ready'; at: number; ip: string }
  | { type: 'image.ready'; at: number; index: number; imageRef: string; imageID: string }
  | { type: 'image.failed'; at: number; index: number; message: string; reason?: string }
  | { type: 'pull.backoff'; at: number; index: number }
  | {
      type: 'container.started';
      at: number;
      index: number;
      instance: number;
      containerID: string;
      servingAt: number;
    }
  | { type: 'container.configError'; at: number; index: number; message: string }
  | { type: 'container.exited'; at: number; index: number; exitCode: number; instance?: number }
  /** `until`: a re-sync during the back-off that ends then (podSteps.ts showCrashLoop) */
  | { type: 'crash.backoff'; at: number; index: number; instance: number; until?: number }
  | { type: 'backoff.done'; at: number; index: number; instance: number }
  | { type: 'probe.tick'; at: number; index: number; instance: number }
  | { type: 'readiness.set'; at: number; failing: boolean }
  | { type: 'pod.deleting'; at: number; graceMs: number }
  | { type: 'container.stopped'; at: number; index: number; exitCode: number }
  | { type: 'pod.remove'; at: number };

/** An event without its instant, as timers carry it until they fire. */
export type PendingEvent = PodMachineEvent extends infer E
  ? E extends PodMachineEvent
    ? Omit<E, 'at'>
    : never
  : never;

export interface RecordParams {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** container name: the event's fieldPath becomes `spec.containers{name}` */
  container?: string;
}
export interface ScheduleParams {
  event: PendingEvent;
  delayMs: number;
  /** ± fraction of seeded jitter the kubelet applies */
  jitter?: number;
}

const KUBELET_RESYNC_MS = 1000;

function c(ctx: PodMachineContext, i: number) {
  return ctx.containers[i];
}

/**
 * Runs a pure step (podSteps.ts) inside an `enqueueActions`: its context replaces the machine's and
 * its effects follow as the machine's own declared actions.
 */
function applyStep(
  // biome-ignore lint/suspicious/noExplicitAny: xstate's enqueue type is not nameable outside setup()
  enqueue: any,
  r: Step,
): void {
  enqueue.assign(() => r.context);
  for (const e of r.effects) enqueue(e);
}

type Ev<T extends PodMachineEvent['type']> = Extract<PodMachineEvent, { type: T }>;

/** The pod lifecycle machine (see the file comment). Input: the pod as the kubelet first sees it. */
export const podMachine = setup({
  types: {
    context: {} as PodMachineContext,
    events: {} as PodMachineEvent,
    input: {} as { pod: Pod },
  },
  actions: {
    // Executed by the kubelet from the list `transition` returns; see the file comment.
    syncStatus: () => {},
    record: (_: unknown, _params: RecordParams) => {},
    schedule: (_: unknown, _params: ScheduleParams) => {},
    startSandbox: () => {},
    ensureImage: (_: unknown, _params: { index: number }) => {},
    createContainer: (_: unknown, _params: { index: number }) => {},
    stopContainers: (_: unknown, _params: { graceMs: number }) => {},
    deletePod: () => {},
    // The rules of the larger steps live in podSteps.ts as pure functions.
    markStarted: enqueueActions(({ context, event, enqueue }) =>
      applyStep(enqueue, markStarted(context, event as Ev<'container.started'>)),
    ),
    handleExit: enqueueActions(({ context, event, enqueue }) =>
      applyStep(enqueue, handleExit(context, event as Ev<'container.exited'>)),
    ),
    showCrashLoop: enqueueActions(({ context, event, enqueue }) =>
      applyStep(enqueue, showCrashLoop(context, event as Ev<'crash.backoff'>)),
    ),
    startProbes: enqueueActions(({ context, enqueue }) => applyStep(enqueue, startProbes(context))),
    runProbe: enqueueActions(({ context, event, enqueue }) =>
      applyStep(enqueue, runProbe(context, event as Ev<'probe.tick'>)),
    ),
    applyReadinessSwitch: enqueueActions(({ context, event, enqueue }) =>
      applyStep(enqueue, applyReadinessSwitch(context, event as Ev<'readiness.set'>)),
    ),
    markStopped: enqueueActions(({ context, event, enqueue }) =>
      applyStep(enqueue, markStopped(context, event as Ev<'container.stopped'>)),
    ),
    showConfigError: enqueueActions(({ context, event, enqueue }) =>
      applyStep(enqueue, showConfigError(context, event as Ev<'container.configError'>)),
    ),
  },
  guards: {
    currentInstance: ({ context, event }) =>
      'index' in event && 'instance' in event && c(context, event.index)?.instance === event.instance,
    exitedInstance: ({ context, event }) =>
      event.type === 'container.exited' &&
      c(context, event.index)?.state === 'running' &&
      (event.instance === undefined || c(context, event.index).instance === event.instance),
    moreContainers: ({ context }) => context.cursor + 1 < context.containers.length,
  },
}).createMachine({
  id: 'pod',
  context: ({ input }) => contextForPod(input.pod),
  initial: 'unbound',
  on: {
    'readiness.set': { actions: 'applyReadinessSwitch' },
  },
  states: {
    unbound: {
      on: {
        'pod.bound': {
          target: 'sandbox',
          actions: [
            assign(({ context, event }) => {
              let ctx: PodMachineContext = { ...context, startTime: event.at };
              ctx = withCondition(ctx, 'PodReadyToStartContainers', 'False', event.at);
              ctx = withCondition(ctx, 'Initialized', 'True', event.at);
              ctx = withCondition(ctx, 'PodScheduled', 'True', event.at);
              return withReadiness(ctx, event.at);
            }),
            'syncStatus',
            'startSandbox',
          ],
        },
        'pod.adopt': { target: 'running', actions: assign(({ event }) => event.context) },
      },
    },
    sandbox: {
      on: {
        'sandbox.ready': {
          target: 'setup',
          actions: [
            assign(({ context, event }) =>
              withCondition({ ...context, podIP: event.ip }, 'PodReadyToStartContainers', 'True', event.at),
            ),
            'syncStatus',
          ],
        },
        'pod.deleting': 'terminating',
      },
    },
    setup: {
      initial: 'pulling',
      on: { 'pod.deleting': 'terminating' },
      states: {
        pulling: {
          entry: [{ type: 'ensureImage', params: ({ context }) => ({ index: context.cursor }) }],
          on: {
            'image.ready': {
              target: 'creating',
              actions: assign(({ context, event }) =>
                withContainer(context, event.index, { imageRef: event.imageRef, imageID: event.imageID }),
              ),
            },
            'image.failed': {
              target: 'pullFailed',
              actions: [
                assign(({ context, event }) => {
                  const ctr = c(context, event.index);
                  return withContainer(context, event.index, {
                    reason: event.reason ?? 'ErrImagePull',
                    message: event.message,
                    pullBackoffMs: nextBackoff(ctr.pullBackoffMs),
                  });
                }),
                {
                  type: 'record',
                  params: ({ context, event }) => ({
                    type: 'Warning',
                    reason: 'Failed',
                    message: `Error: ${event.reason ?? 'ErrImagePull'}`,
                    container: c(context, event.index).name,
                  }),
                },
                'syncStatus',
                {
                  type: 'schedule',
                  params: ({ event }) => ({
                    event: { type: 'pull.backoff', index: event.index },
                    delayMs: KUBELET_RESYNC_MS,
                    jitter: 0.3,
                  }),
                },
              ],
            },
          },
        },
        pullFailed: {
          on: {
            'pull.backoff': {
              target: 'pullBackOff',
              actions: [
                assign(({ context, event }) =>
                  withContainer(context, event.index, {
                    reason: 'ImagePullBackOff',
                    message: `Back-off pulling image "${c(context, event.index).image}"`,
                  }),
                ),
                {
                  type: 'record',
                  params: ({ context, event }) => ({
                    type: 'Normal',
                    reason: 'BackOff',
                    message: `Back-off pulling image "${c(context, event.index).image}"`,
                    container: c(context, event.index).name,
                  }),
                },
                {
                  type: 'record',
                  params: ({ context, event }) => ({
                    type: 'Warning',
                    reason: 'Failed',
                    message: 'Error: ImagePullBackOff',
                    container: c(context, event.index).name,
                  }),
                },
                'syncStatus',
                {
                  type: 'schedule',
                  params: ({ context, event }) => ({
                    event: {
                      type: 'backoff.done',
                      index: event.index,
                      instance: c(context, event.index).instance,
                    },
                    delayMs: c(context, event.index).pullBackoffMs - KUBELET_RESYNC_MS,
                  }),
                },
              ],
            },
          },
        },
        pullBackOff: {
          on: { 'backoff.done': { target: 'pulling', guard: 'currentInstance' } },
        },
        // CreateContainerConfigError (containerConfig.ts): the next sync pulls and configures again.
        configFailed: {
          on: { 'backoff.done': { target: 'pulling', guard: 'currentInstance' } },
        },
        creating: {
          entry: [{ type: 'createContainer', params: ({ context }) => ({ index: context.cursor }) }],
          on: {
            'container.configError': { target: 'configFailed', actions: 'showConfigError' },
            'container.started': [
              {
                guard: 'moreContainers',
                target: 'pulling',
                actions: [
                  'markStarted',
                  assign(({ context }) => ({ ...context, cursor: context.cursor + 1 })),
                ],
              },
              { target: '#pod.running', actions: ['markStarted'] },
            ],
          },
        },
      },
    },
    running: {
      entry: ['syncStatus', 'startProbes'],
      on: {
        'container.exited': { guard: 'exitedInstance', actions: 'handleExit' },
        'crash.backoff': { guard: 'currentInstance', actions: 'showCrashLoop' },
        'backoff.done': {
          guard: 'currentInstance',
          actions: { type: 'ensureImage', params: ({ event }) => ({ index: event.index }) },
        },
        'image.ready': {
          actions: [
            assign(({ context, event }) =>
              withContainer(context, event.index, { imageRef: event.imageRef, imageID: event.imageID }),
            ),
            { type: 'createContainer', params: ({ event }) => ({ index: event.index }) },
          ],
        },
        'container.started': { actions: ['markStarted', 'syncStatus', 'startProbes'] },
        'container.configError': { actions: 'showConfigError' },
        'probe.tick': { guard: 'currentInstance', actions: 'runProbe' },
        'pod.deleting': 'terminating',
      },
    },
    terminating: {
      entry: [
        enqueueActions(({ context, enqueue }) => {
          for (const ctr of context.containers)
            if (ctr.state === 'running')
              enqueue({
                type: 'record',
                params: {
                  type: 'Normal',
                  reason: 'Killing',
                  message: `Stopping container ${ctr.name}`,
                  container: ctr.name,
                },
              });
        }),
        {
          type: 'stopContainers',
          params: ({ event }) => ({ graceMs: event.type === 'pod.deleting' ? event.graceMs : 0 }),
        },
      ],
      on: {
        'container.stopped': [
          {
            guard: ({ context, event }) =>
              context.containers.every((ctr, i) => i === event.index || ctr.state !== 'running'),
            target: 'stopped',
            actions: 'markStopped',
          },
          { actions: 'markStopped' },
        ],
        'probe.tick': { guard: 'currentInstance', actions: 'runProbe' },
      },
    },
    stopped: {
      entry: [
        assign(({ context, event }) => {
          const ctx = withCondition(
            { ...context, terminal: true },
            'PodReadyToStartContainers',
            'False',
            event.at,
          );
          return withReadiness(ctx, event.at);
        }),
        'syncStatus',
        { type: 'schedule', params: { event: { type: 'pod.remove' }, delayMs: 400, jitter: 0.5 } },
      ],
      on: { 'pod.remove': { target: 'removed', actions: 'deletePod' } },
    },
    removed: { type: 'final' },
  },
});
