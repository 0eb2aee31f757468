/**
 * The composition of the simulated minikube cluster: every kind's apiserver strategy, every controller
 * and every timer handler, and the bootstrap of a freshly started minikube (node, namespaces, system
 * pods and services, storage classes). This is the one place that lists the cluster's parts.
 */
import { bootstrapMinikube } from '../cluster/bootstrap.ts';
import { clusterModule } from '../cluster/clusterModule.ts';
import { appsModule } from '../controllers/apps/appsModule.ts';
import { nodeLifecycleModule } from '../controllers/nodelifecycle/nodeLifecycleModule.ts';
import { statefulSetModule } from '../controllers/statefulset/statefulSetModule.ts';
import { storageModule } from '../controllers/storage/storageModule.ts';
import { kubeletModule } from '../lifecycle/kubeletModule.ts';
import { workloadsModule } from '../workloads/workloadsModule.ts';
import type { ClusterState } from './clusterState.ts';
import { Simulation, type SimulationModule } from './simulation.ts';

/** Every part of the cluster, in the order their controllers see watch events. */
export const CLUSTER_MODULES: readonly SimulationModule[] = [
  clusterModule,
  storageModule,
  kubeletModule,
  statefulSetModule,
  appsModule,
  workloadsModule,
  nodeLifecycleModule,
];

export interface CreateSimulationOptions {
  seed?: number;
  /** a saved state to continue from; when absent a new minikube cluster is bootstrapped */
  state?: ClusterState;
  freezeObjects?: boolean;
}

/** A running single-node minikube cluster at virtual time 0, or the saved one given. */
export function createSimulation(opts: CreateSimulationOptions = {}): Simulation {
  const sim = new Simulation({
    seed: opts.seed ?? 0,
    state: opts.state,
    modules: [...CLUSTER_MODULES],
    freezeObjects: opts.freezeObjects,
  });
  if (!opts.state) bootstrapMinikube(sim);
  return sim;
}
