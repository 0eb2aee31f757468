/**
 * What the StatefulSet controller says while a pod it waits for cannot terminate because its node is
 * unreachable (`minikube node stop`), and that nothing changes for pods on reachable nodes.
 */
import { describe, expect, it } from 'vitest';
import type { Pod, StatefulSet } from '../../api/types.ts';
import { addNode, startNode, stopNode } from '../../cluster/nodes.ts';
import { createSimulation } from '../../simulation/createSimulation.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import { waitingKey } from './statefulSetController.ts';

const M02 = 'minikube-m02';

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
const podReady = (p: Pod | undefined) => p?.status?.conditions?.find((c) => c.type === 'Ready')?.status;
const setWait = (sim: Simulation) => sim.state.waiting[waitingKey('default', 'web')]?.message;
const stuck = (name: string, node: string) =>
  `waiting for ${name} to terminate (its node ${node} is unreachable: delete it with --grace-period=0 --force)`;

/** web-0 on minikube, then minikube-m02 added and web-1 scheduled there. */
function twoNodeWeb(seed = 3): Simulation {
  const sim = createSimulation({ seed });
  sim.api.create(webSet(1));
  sim.runUntil(() => podReady(pod(sim, 'web-0')) === 'True', 120_000);
  addNode(sim);
  scale(sim, 2);
  sim.runUntil(() => podReady(pod(sim, 'web-1')) === 'True', 120_000);
  return sim;
}

function scale(sim: Simulation, replicas: number): void {
  const set = sim.store.get<StatefulSet>('StatefulSet', 'default', 'web') as StatefulSet;
  sim.api.update({ ...set, spec: { ...set.spec, replicas } });
}

describe('StatefulSet waiting on a pod whose node is unreachable', () => {
  it('a deleted pod on a stopped node: the wait names the node and the way out', () => {
    const sim = twoNodeWeb();
    const node = pod(sim, 'web-1')?.spec.nodeName as string;
    expect(node).toBe(M02);
    stopNode(sim, node);
    sim.api.delete('Pod', 'default', 'web-1');
    sim.advance(60_000);
    expect(pod(sim, 'web-1')?.metadata.deletionTimestamp).toBeDefined();
    expect(setWait(sim)).toBe(stuck('web-1', node));
  });

  it('after the force delete the set recreates web-1 and the unreachable wait is gone', () => {
    const sim = twoNodeWeb();
    stopNode(sim, M02);
    sim.api.delete('Pod', 'default', 'web-1');
    // Once the node is Unknown its taint keeps the new web-1 off it.
    sim.advance(60_000);
    expect(setWait(sim)).toBe(stuck('web-1', M02));
    sim.api.delete('Pod', 'default', 'web-1', { gracePeriodSeconds: 0 });
    expect(sim.runUntil(() => podReady(pod(sim, 'web-1')) === 'True', 120_000)).toBe(true);
    expect(setWait(sim) ?? '').not.toContain('unreachable');
  });

  it('scaling down onto a stopped node says why the condemned pod stays', () => {
    const sim = twoNodeWeb();
    stopNode(sim, M02);
    scale(sim, 1);
    sim.advance(60_000);
    expect(pod(sim, 'web-1')?.metadata.deletionTimestamp).toBeDefined();
    expect(setWait(sim)).toBe(stuck('web-1', M02));
    startNode(sim, M02);
    expect(sim.runUntil(() => pod(sim, 'web-1') === undefined, 60_000)).toBe(true);
    sim.advance(1_000);
    expect(setWait(sim)).toBeUndefined();
  });

  it('a pod terminating on a reachable node keeps the plain wait', () => {
    const sim = twoNodeWeb();
    sim.api.delete('Pod', 'default', 'web-1');
    sim.advance(100);
    expect(pod(sim, 'web-1')?.metadata.deletionTimestamp).toBeDefined();
    expect(setWait(sim)).toBe('waiting for web-1 to terminate');
  });
});
