/**
 * The workload and configuration kinds besides StatefulSet: the apiserver strategies of Deployment,
 * ReplicaSet, DaemonSet (pkg/registry/apps/<kind>/strategy.go: generation, status subresource,
 * PrepareForCreate's empty status), ConfigMap, Secret and ServiceAccount, and the controllers that
 * act on them (deployment, replicaset, daemonset, root-ca-cert-publisher with the default
 * ServiceAccount). Registered in createSimulation's CLUSTER_MODULES.
 */
import type { DaemonSet, Deployment, ReplicaSet } from '../../api/types.ts';
import type { KindStrategy } from '../../apiserver/kindStrategy.ts';
import type { SimulationModule } from '../../simulation/simulation.ts';
import { configMapStrategy, secretStrategy } from './configStrategies.ts';
import { daemonSetController } from './daemonSetController.ts';
import { deploymentController } from './deploymentController.ts';
import { namespaceDefaultsController } from './namespaceDefaults.ts';
import { onReplicaSetResync, REPLICASET_RESYNC_TIMER, replicaSetController } from './replicaSetController.ts';
import { defaultDaemonSet, defaultDeployment, defaultReplicaSet } from './workloadDefaults.ts';
import {
  validateDaemonSet,
  validateDeployment,
  validateReplicaSet,
  validateSelectorUpdate,
} from './workloadValidation.ts';

const deploymentStrategy: KindStrategy<Deployment> = {
  generation: true,
  statusSubresource: true,
  defaults: (d) => defaultDeployment(d),
  validate: (d) => validateDeployment(d),
  validateUpdate: (d, old) => [...validateDeployment(d), ...validateSelectorUpdate(d, old)],
  admit: (d, op) => (op === 'create' ? { ...d, status: {} } : d),
};

const replicaSetStrategy: KindStrategy<ReplicaSet> = {
  generation: true,
  statusSubresource: true,
  defaults: (rs) => defaultReplicaSet(rs),
  validate: (rs) => validateReplicaSet(rs),
  validateUpdate: (rs, old) => [...validateReplicaSet(rs), ...validateSelectorUpdate(rs, old)],
  admit: (rs, op) => (op === 'create' ? { ...rs, status: { replicas: 0 } } : rs),
};

const daemonSetStrategy: KindStrategy<DaemonSet> = {
  generation: true,
  statusSubresource: true,
  defaults: (ds) => defaultDaemonSet(ds),
  validate: (ds) => validateDaemonSet(ds),
  validateUpdate: (ds, old) => [...validateDaemonSet(ds), ...validateSelectorUpdate(ds, old)],
  admit: (ds, op) =>
    op === 'create'
      ? {
          ...ds,
          status: {
            currentNumberScheduled: 0,
            numberMisscheduled: 0,
            desiredNumberScheduled: 0,
            numberReady: 0,
          },
        }
      : ds,
};

/** Register with `new Simulation({ modules: [..., appsModule] })`. */
export const appsModule: SimulationModule = {
  strategies: {
    Deployment: deploymentStrategy as KindStrategy,
    ReplicaSet: replicaSetStrategy as KindStrategy,
    DaemonSet: daemonSetStrategy as KindStrategy,
    ConfigMap: configMapStrategy as KindStrategy,
    Secret: secretStrategy as KindStrategy,
  },
  controllers: [deploymentController, replicaSetController, daemonSetController, namespaceDefaultsController],
  timers: { [REPLICASET_RESYNC_TIMER]: onReplicaSetResync },
};
