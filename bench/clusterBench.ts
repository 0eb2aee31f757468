/**
 * Benchmarks of the simulation core (not timed tests: they print figures and never fail on speed).
 * A Parallel StatefulSet of N replicas from creation to all Ready, and a rolling update of 1 000
 * replicas, each reporting wall time, simulated events (object changes seen on the watch), wall time
 * per event, virtual time taken, and the heap in use at the end. A node takes at most 110 pods, so
 * each run first adds workers as `minikube node add` does: one node per 100 replicas in all.
 */
import type { StatefulSet } from '../src/core/api/types.ts';
import { addNode } from '../src/core/cluster/nodes.ts';
import { createSimulation } from '../src/core/simulation/createSimulation.ts';
import type { Simulation } from '../src/core/simulation/simulation.ts';

export interface BenchRow {
  name: string;
  nodes: number;
  wallMs: number;
  events: number;
  virtualS: number;
  heapMb: number;
}

function statefulSet(replicas: number, image: string): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', uid: '', resourceVersion: '', creationTimestamp: '' },
    spec: {
      replicas,
      serviceName: 'nginx',
      podManagementPolicy: 'Parallel',
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { terminationGracePeriodSeconds: 10, containers: [{ name: 'nginx', image }] },
      },
    },
  };
}

function readyReplicas(sim: Simulation): number {
  return sim.store.get<StatefulSet>('StatefulSet', 'default', 'web')?.status?.readyReplicas ?? 0;
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1_048_576;
}

/** Nodes for a set of `replicas`: one per 100 pods (the primary also runs minikube's system pods). */
export function nodesFor(replicas: number): number {
  return Math.max(1, Math.ceil(replicas / 100));
}

/** A fresh cluster with `nodes` nodes in all (the primary and `nodes - 1` workers). */
function clusterWith(seed: number, nodes: number): Simulation {
  const sim = createSimulation({ seed });
  for (let i = 1; i < nodes; i++) addNode(sim);
  return sim;
}

function measure(name: string, sim: Simulation, act: () => void): BenchRow {
  let events = 0;
  const stop = sim.watch(() => {
    events++;
  });
  const v0 = sim.now;
  const t0 = performance.now();
  act();
  const wallMs = performance.now() - t0;
  stop();
  const nodes = sim.store.list('Node').length;
  return { name, nodes, wallMs, events, virtualS: (sim.now - v0) / 1000, heapMb: heapMb() };
}

/** Creates a Parallel set of `replicas` and runs the cluster until every pod is Ready. */
export function benchCreate(replicas: number): BenchRow {
  const sim = clusterWith(1, nodesFor(replicas));
  return measure(`create ${replicas} replicas (Parallel) until all Ready`, sim, () => {
    const r = sim.api.create(statefulSet(replicas, 'registry.k8s.io/nginx-slim:0.8'));
    if (!r.ok) throw new Error(r.error.message);
    if (!sim.runUntil(() => readyReplicas(sim) === replicas, 3_600_000)) throw new Error('not all Ready');
  });
}

/** Rolls a Ready set of `replicas` to a new image until the update revision is current everywhere. */
export function benchRollingUpdate(replicas: number): BenchRow {
  const sim = clusterWith(2, nodesFor(replicas));
  const r = sim.api.create(statefulSet(replicas, 'registry.k8s.io/nginx-slim:0.8'));
  if (!r.ok) throw new Error(r.error.message);
  sim.runUntil(() => readyReplicas(sim) === replicas, 3_600_000);
  return measure(`rolling update of ${replicas} replicas until complete`, sim, () => {
    const live = sim.store.get<StatefulSet>('StatefulSet', 'default', 'web') as StatefulSet;
    const next = structuredClone(live);
    next.spec.template.spec.containers[0].image = 'registry.k8s.io/nginx-slim:0.9';
    const u = sim.api.update(next);
    if (!u.ok) throw new Error(u.error.message);
    const done = () => {
      const s = sim.store.get<StatefulSet>('StatefulSet', 'default', 'web')?.status;
      return Boolean(
        s &&
          s.updateRevision === s.currentRevision &&
          s.updatedReplicas === replicas &&
          s.readyReplicas === replicas,
      );
    };
    if (!sim.runUntil(done, 24 * 3_600_000)) throw new Error('rollout did not complete');
  });
}
