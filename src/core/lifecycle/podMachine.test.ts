import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import type { Pod } from '../api/types.ts';
import { type PodMachineEvent, podMachine } from './podMachine.ts';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-0', namespace: 'default', uid: 'u-1', resourceVersion: '1', creationTimestamp: '' },
  spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.8' }], restartPolicy: 'Always' },
  status: { phase: 'Pending' },
} as Pod;

type Snap = ReturnType<typeof initialTransition<typeof podMachine>>[0];

function run(events: PodMachineEvent[]) {
  let [snap, actions] = initialTransition(podMachine, { pod });
  const all = [...actions];
  for (const e of events) {
    [snap, actions] = transition(podMachine, snap as Snap, e);
    all.push(...actions);
  }
  return { snap, actions, all };
}

const types = (actions: Array<{ type: string }>) => actions.map((a) => a.type);
/** The type of the event the first `schedule` action sets a timer for. */
const scheduledEvent = (actions: Array<{ type: string; params?: unknown }>) =>
  (actions.find((a) => a.type === 'schedule')?.params as { event: { type: string } } | undefined)?.event.type;
const started = (at: number, instance = 0): PodMachineEvent => ({
  type: 'container.started',
  at,
  index: 0,
  instance,
  containerID: 'docker://c1',
  servingAt: at,
});
const upToRunning: PodMachineEvent[] = [
  { type: 'pod.bound', at: 0 },
  { type: 'sandbox.ready', at: 1000, ip: '10.244.0.5' },
  { type: 'image.ready', at: 5000, index: 0, imageRef: 'registry.k8s.io/nginx-slim:0.8', imageID: 'x' },
  started(5600),
];

describe('podMachine (pure transitions)', () => {
  it('starts unbound and asks for nothing until the pod is bound', () => {
    const { snap, all } = run([]);
    expect(snap.value).toBe('unbound');
    expect(all).toEqual([]);
  });

  it('on binding writes status and sets up the sandbox', () => {
    const { snap, actions } = run([{ type: 'pod.bound', at: 0 }]);
    expect(snap.value).toBe('sandbox');
    expect(types(actions)).toEqual(['syncStatus', 'startSandbox']);
    expect(snap.context.conditions.PodReadyToStartContainers?.status).toBe('False');
  });

  it('pulls, creates and runs the container, recording Created and Started', () => {
    const { snap, all } = run(upToRunning);
    expect(snap.value).toBe('running');
    const records = all
      .filter((a) => a.type === 'record')
      .map((a) => (a.params as { reason: string }).reason);
    expect(records).toEqual(['Created', 'Started']);
    expect(snap.context.containers[0].ready).toBe(true);
    expect(snap.context.conditions.Ready?.status).toBe('True');
    expect(snap.context.podIP).toBe('10.244.0.5');
  });

  it('restarts the first exit at once and backs off 10 s, then 20 s, on later ones', () => {
    let { snap } = run(upToRunning);
    let actions: Array<{ type: string; params?: unknown }>;
    [snap, actions] = transition(podMachine, snap as Snap, {
      type: 'container.exited',
      at: 10_000,
      index: 0,
      exitCode: 1,
    });
    const first = actions.find((a) => a.type === 'schedule')?.params as { event: { type: string } };
    expect(first.event.type).toBe('backoff.done');
    [snap] = transition(podMachine, snap as Snap, {
      type: 'backoff.done',
      at: 11_000,
      index: 0,
      instance: 1,
    });
    [snap] = transition(podMachine, snap as Snap, started(11_500, 1));
    expect(snap.context.containers[0].restartCount).toBe(1);
    [snap, actions] = transition(podMachine, snap as Snap, {
      type: 'container.exited',
      at: 12_000,
      index: 0,
      exitCode: 1,
    });
    expect(scheduledEvent(actions)).toBe('crash.backoff');
    [snap, actions] = transition(podMachine, snap as Snap, {
      type: 'crash.backoff',
      at: 13_000,
      index: 0,
      instance: 2,
    });
    expect(snap.context.containers[0].reason).toBe('CrashLoopBackOff');
    expect(snap.context.containers[0].message).toBe(
      'back-off 10s restarting failed container=nginx pod=web-0_default(u-1)',
    );
    const wait = actions.find((a) => a.type === 'schedule')?.params as { delayMs: number };
    expect(wait.delayMs).toBe(12_000 + 10_000 - 13_000);
    [snap] = transition(podMachine, snap as Snap, {
      type: 'backoff.done',
      at: 22_000,
      index: 0,
      instance: 2,
    });
    [snap] = transition(podMachine, snap as Snap, started(22_500, 2));
    [snap] = transition(podMachine, snap as Snap, {
      type: 'container.exited',
      at: 23_000,
      index: 0,
      exitCode: 1,
    });
    [snap] = transition(podMachine, snap as Snap, {
      type: 'crash.backoff',
      at: 24_000,
      index: 0,
      instance: 3,
    });
    expect(snap.context.containers[0].message).toContain('back-off 20s');
  });

  it('ignores timers of an earlier container instance', () => {
    let { snap } = run(upToRunning);
    [snap] = transition(podMachine, snap as Snap, {
      type: 'container.exited',
      at: 10_000,
      index: 0,
      exitCode: 1,
      instance: 7,
    });
    expect(snap.context.containers[0].state).toBe('running');
  });

  it('on deletion records Killing, stops the container and finally deletes the pod', () => {
    let { snap } = run(upToRunning);
    let actions: Array<{ type: string; params?: unknown }>;
    [snap, actions] = transition(podMachine, snap as Snap, {
      type: 'pod.deleting',
      at: 20_000,
      graceMs: 30_000,
    });
    expect(snap.value).toBe('terminating');
    expect(actions.map((a) => a.type)).toEqual(['record', 'stopContainers']);
    expect((actions[0].params as { message: string }).message).toBe('Stopping container nginx');
    [snap] = transition(podMachine, snap as Snap, {
      type: 'container.stopped',
      at: 21_000,
      index: 0,
      exitCode: 0,
    });
    expect(snap.value).toBe('stopped');
    expect(snap.context.containers[0].state).toBe('terminated');
    [snap, actions] = transition(podMachine, snap as Snap, { type: 'pod.remove', at: 21_400 });
    expect(snap.status).toBe('done');
    expect(types(actions)).toEqual(['deletePod']);
  });

  it('shows ErrImagePull, then ImagePullBackOff, then pulls again after the back-off', () => {
    let { snap } = run([
      { type: 'pod.bound', at: 0 },
      { type: 'sandbox.ready', at: 1000, ip: '10.244.0.5' },
    ]);
    [snap] = transition(podMachine, snap as Snap, {
      type: 'image.failed',
      at: 2000,
      index: 0,
      message: 'nope',
    });
    expect(snap.context.containers[0].reason).toBe('ErrImagePull');
    [snap] = transition(podMachine, snap as Snap, { type: 'pull.backoff', at: 3000, index: 0 });
    expect(snap.context.containers[0].reason).toBe('ImagePullBackOff');
    const [after, actions] = transition(podMachine, snap as Snap, {
      type: 'backoff.done',
      at: 12_000,
      index: 0,
      instance: 0,
    });
    snap = after;
    expect(types(actions)).toContain('ensureImage');
    expect(snap.context.conditions.Ready?.status).toBe('False');
  });
});
