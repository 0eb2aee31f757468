import { describe, expect, it } from 'vitest';
import type { KubeEvent, KubeObject, Pod, StatefulSet } from '../../api/types.ts';
import { fromTimestamp } from '../../clock/virtualClock.ts';
import { addNode, startNode, stopNode } from '../../cluster/nodes.ts';
import { createSimulation } from '../../simulation/createSimulation.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import {
  LEASE_RENEW_MS,
  NODE_MONITOR_GRACE_MS,
  NODE_MONITOR_PERIOD_MS,
  TAINT_UNREACHABLE,
  tolerationMs,
  unreachableAt,
} from './nodeHealth.ts';
import { stuckPodWaitKey } from './nodeLifecycleController.ts';

const M02 = 'minikube-m02';
/** The DefaultTolerationSeconds admission plugin's 300 s. */
const DEFAULT_TOLERATION_MS = 300_000;

function webSet(replicas: number): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' },
    spec: {
      replicas,
      serviceName: 'nginx',
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.8' }] },
      },
    },
  };
}

const pod = (sim: Simulation, name: string) => sim.store.get<Pod>('Pod', 'default', name);
const node = (sim: Simulation, name: string) => sim.store.get<KubeObject>('Node', undefined, name);
const condition = (n: KubeObject | undefined, type: string) =>
  (
    (n?.status?.conditions ?? []) as Array<{
      type: string;
      status: string;
      reason?: string;
      message?: string;
      lastTransitionTime?: string;
    }>
  ).find((c) => c.type === type);
const taints = (n: KubeObject | undefined) =>
  ((n?.spec?.taints ?? []) as Array<{ key: string; effect: string }>).map((t) => `${t.key}:${t.effect}`);
const podReady = (p: Pod | undefined) => p?.status?.conditions?.find((c) => c.type === 'Ready')?.status;
const eventsFor = (sim: Simulation, name: string) =>
  sim.store
    .list<KubeEvent>('Event')
    .filter((e) => e.involvedObject.name === name)
    .map((e) => `${e.type} ${e.reason} ${e.message} (${e.source.component})`);

/** web-0 on minikube, then minikube-m02 added and web-1 scheduled there (spreading prefers it). */
function twoNodeWeb(seed = 3): Simulation {
  const sim = createSimulation({ seed });
  sim.api.create(webSet(1));
  sim.runUntil(() => podReady(pod(sim, 'web-0')) === 'True', 120_000);
  addNode(sim);
  const set = sim.store.get<StatefulSet>('StatefulSet', 'default', 'web') as StatefulSet;
  sim.api.update({ ...set, spec: { ...set.spec, replicas: 2 } });
  sim.runUntil(() => podReady(pod(sim, 'web-1')) === 'True', 120_000);
  return sim;
}

describe('nodeHealth: the timing and toleration rules', () => {
  it('a node goes Unknown 40 s after the monitor pass that last saw its lease renewed', () => {
    // Renewals at 0, 10 s, 20 s; stopped at 25 s: last renewal 20 s, seen at the 20 s pass.
    expect(unreachableAt(0, 25_000)).toBe(20_000 + NODE_MONITOR_GRACE_MS);
    // Renewal at 13 s (kubelet started at 3 s) is first seen at the 15 s pass.
    expect(unreachableAt(3_000, 14_000)).toBe(15_000 + NODE_MONITOR_GRACE_MS);
    for (const stop of [0, 1, 9_999, 10_000, 123_456])
      expect(unreachableAt(0, stop) - stop).toBeGreaterThan(NODE_MONITOR_GRACE_MS - LEASE_RENEW_MS);
    for (const stop of [0, 1, 9_999, 123_456])
      expect(unreachableAt(0, stop) - stop).toBeLessThanOrEqual(
        NODE_MONITOR_GRACE_MS + LEASE_RENEW_MS + NODE_MONITOR_PERIOD_MS,
      );
  });

  it('uses the first matching toleration per taint, as GetMatchingTolerations does', () => {
    const taint = [{ key: TAINT_UNREACHABLE, effect: 'NoExecute' as const }];
    expect(tolerationMs([], taint)).toBe(0);
    expect(tolerationMs([{ operator: 'Exists' }], taint)).toBe(Number.POSITIVE_INFINITY);
    expect(
      tolerationMs(
        [
          { key: TAINT_UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
          { operator: 'Exists' },
        ],
        taint,
      ),
    ).toBe(300_000);
    expect(tolerationMs([{ key: 'other', operator: 'Exists' }], taint)).toBe(0);
  });
});

describe('a stopped node: NotReady, taints, eviction that cannot finish', () => {
  it('web-1 runs on minikube-m02 and web-0 on minikube before anything stops', () => {
    const sim = twoNodeWeb();
    expect(pod(sim, 'web-0')?.spec.nodeName).toBe('minikube');
    expect(pod(sim, 'web-1')?.spec.nodeName).toBe(M02);
  });

  it('the node stays Ready during the grace period and goes Unknown at the computed pass', () => {
    const sim = twoNodeWeb();
    const readyAt = fromTimestamp(condition(node(sim, M02), 'Ready')?.lastTransitionTime as string);
    const stoppedAt = sim.now;
    stopNode(sim, M02);
    const due = unreachableAt(readyAt, stoppedAt);
    sim.advanceTo(due - 1);
    expect(condition(node(sim, M02), 'Ready')?.status).toBe('True');
    expect(taints(node(sim, M02))).toEqual([]);
    expect(podReady(pod(sim, 'web-1'))).toBe('True');
    sim.advanceTo(due);
    const ready = condition(node(sim, M02), 'Ready');
    expect(ready?.status).toBe('Unknown');
    expect(ready?.reason).toBe('NodeStatusUnknown');
    expect(ready?.message).toBe('Kubelet stopped posting node status.');
    for (const type of ['MemoryPressure', 'DiskPressure', 'PIDPressure'])
      expect(condition(node(sim, M02), type)?.status).toBe('Unknown');
    expect(taints(node(sim, M02))).toEqual([
      `${TAINT_UNREACHABLE}:NoExecute`,
      `${TAINT_UNREACHABLE}:NoSchedule`,
    ]);
    expect(podReady(pod(sim, 'web-1'))).toBe('False');
    expect(podReady(pod(sim, 'web-0'))).toBe('True');
    // The container statuses are the kubelet's last word: still running and ready.
    expect(pod(sim, 'web-1')?.status.containerStatuses?.[0].ready).toBe(true);
    expect(eventsFor(sim, M02)).toContain(
      `Normal NodeNotReady Node ${M02} status is now: NodeNotReady (node-controller)`,
    );
    expect(eventsFor(sim, 'web-1')).toContain('Warning NodeNotReady Node is not ready (node-controller)');
    // kubectl get sts: READY 1/2 once the set's controller has counted it.
    const readyReplicas = () =>
      sim.store.get<StatefulSet>('StatefulSet', 'default', 'web')?.status?.readyReplicas;
    expect(sim.runUntil(() => readyReplicas() === 1, 1_000)).toBe(true);
  });

  it('after the 300 s toleration the pod is deleted but stays Terminating, with no replacement', () => {
    const sim = twoNodeWeb();
    stopNode(sim, M02);
    sim.runUntil(() => condition(node(sim, M02), 'Ready')?.status === 'Unknown', 120_000);
    const taintedAt = sim.now;
    const uid = pod(sim, 'web-1')?.metadata.uid;
    sim.advanceTo(taintedAt + DEFAULT_TOLERATION_MS - 1);
    expect(pod(sim, 'web-1')?.metadata.deletionTimestamp).toBeUndefined();
    sim.advanceTo(taintedAt + DEFAULT_TOLERATION_MS);
    expect(pod(sim, 'web-1')?.metadata.deletionTimestamp).toBeDefined();
    expect(eventsFor(sim, 'web-1')).toContain(
      'Normal TaintManagerEviction Marking for deletion Pod default/web-1 (taint-eviction-controller)',
    );
    const disruption = pod(sim, 'web-1')?.status.conditions?.find((c) => c.type === 'DisruptionTarget');
    expect(disruption?.reason).toBe('DeletionByTaintManager');
    expect(disruption?.message).toBe('Taint manager: deleting due to NoExecute taint');
    // Long after the grace period: the same pod, still there, still on the dead node.
    sim.advance(3_600_000);
    expect(pod(sim, 'web-1')?.metadata.uid).toBe(uid);
    expect(pod(sim, 'web-1')?.spec.nodeName).toBe(M02);
    expect(sim.state.waiting[stuckPodWaitKey('default', 'web-1')]?.message).toBe(
      `waiting for web-1 to terminate (its node ${M02} is unreachable)`,
    );
    // web-0 on the healthy node is never touched.
    expect(pod(sim, 'web-0')?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('a force delete frees the name: web-1 is recreated on the Ready node', () => {
    const sim = twoNodeWeb();
    stopNode(sim, M02);
    sim.runUntil(() => Boolean(pod(sim, 'web-1')?.metadata.deletionTimestamp), 600_000);
    const old = pod(sim, 'web-1')?.metadata.uid;
    sim.api.delete('Pod', 'default', 'web-1', { gracePeriodSeconds: 0 });
    sim.runUntil(() => podReady(pod(sim, 'web-1')) === 'True', 120_000);
    const fresh = pod(sim, 'web-1');
    expect(fresh?.metadata.uid).not.toBe(old);
    expect(fresh?.spec.nodeName).toBe('minikube');
    expect(fresh?.spec.volumes ?? []).toEqual(pod(sim, 'web-1')?.spec.volumes ?? []);
    expect(sim.state.waiting[stuckPodWaitKey('default', 'web-1')]).toBeUndefined();
  });

  it('restarting the node lets its kubelet finish the deletion, and the set recreates web-1', () => {
    const sim = twoNodeWeb();
    stopNode(sim, M02);
    sim.runUntil(() => Boolean(pod(sim, 'web-1')?.metadata.deletionTimestamp), 600_000);
    const old = pod(sim, 'web-1')?.metadata.uid;
    startNode(sim, M02);
    expect(condition(node(sim, M02), 'Ready')?.status).toBe('True');
    expect(taints(node(sim, M02))).toEqual([]);
    expect(eventsFor(sim, M02)).toEqual(
      expect.arrayContaining([
        'Normal Starting Starting kubelet. (kubelet)',
        `Normal NodeReady Node ${M02} status is now: NodeReady (kubelet)`,
      ]),
    );
    sim.runUntil(() => podReady(pod(sim, 'web-1')) === 'True', 120_000);
    expect(pod(sim, 'web-1')?.metadata.uid).not.toBe(old);
  });

  it('a node back before the toleration ends keeps its pods: eviction cancelled, containers restarted', () => {
    const sim = twoNodeWeb();
    stopNode(sim, M02);
    sim.runUntil(() => condition(node(sim, M02), 'Ready')?.status === 'Unknown', 120_000);
    const uid = pod(sim, 'web-1')?.metadata.uid;
    sim.advance(60_000);
    startNode(sim, M02);
    sim.advance(DEFAULT_TOLERATION_MS);
    expect(pod(sim, 'web-1')?.metadata.uid).toBe(uid);
    expect(pod(sim, 'web-1')?.metadata.deletionTimestamp).toBeUndefined();
    expect(podReady(pod(sim, 'web-1'))).toBe('True');
    expect(pod(sim, 'web-1')?.status.containerStatuses?.[0].restartCount).toBe(1);
    expect(eventsFor(sim, 'web-1')).toContain(
      'Normal TaintManagerEviction Cancelling deletion of Pod default/web-1 (taint-eviction-controller)',
    );
  });

  it('the scheduler keeps new pods off the unreachable node', () => {
    const sim = twoNodeWeb();
    stopNode(sim, M02);
    sim.runUntil(() => condition(node(sim, M02), 'Ready')?.status === 'Unknown', 120_000);
    const set = sim.store.get<StatefulSet>('StatefulSet', 'default', 'web') as StatefulSet;
    sim.api.update({ ...set, spec: { ...set.spec, podManagementPolicy: undefined, replicas: 2 } });
    sim.api.delete('Pod', 'default', 'web-1', { gracePeriodSeconds: 0 });
    sim.runUntil(() => Boolean(pod(sim, 'web-1')?.spec.nodeName), 60_000);
    expect(pod(sim, 'web-1')?.spec.nodeName).toBe('minikube');
  });

  it('clusters where no node stops are untouched: same state with or without a stop-free run', () => {
    const a = twoNodeWeb(7);
    a.advance(600_000);
    expect(a.state.timers.some((t) => t.type.startsWith('nodelifecycle') || t.type.startsWith('taint'))).toBe(
      false,
    );
    expect(a.state.minikube.stoppedNodes).toBeUndefined();
    expect(taints(node(a, M02))).toEqual([]);
  });
});
