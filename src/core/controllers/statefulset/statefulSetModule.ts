/**
 * The StatefulSet part of the simulated cluster: the StatefulSet and ControllerRevision apiserver
 * strategies, the statefulset-controller, and its timers (minReadySeconds requeue, error retry).
 */
import type { KindStrategy } from '../../apiserver/kindStrategy.ts';
import type { SimulationModule } from '../../simulation/simulation.ts';
import { controllerRevisionStrategy } from './controllerRevisionStrategy.ts';
import { statefulSetController, statefulSetTimers } from './statefulSetController.ts';
import { statefulSetStrategy } from './statefulSetStrategy.ts';

export { waitingKey } from './statefulSetController.ts';
export { CONTROLLER_NAME as STATEFULSET_CONTROLLER } from './statefulSetUtils.ts';

/** Register with `new Simulation({ modules: [..., statefulSetModule] })`. */
export const statefulSetModule: SimulationModule = {
  strategies: {
    StatefulSet: statefulSetStrategy as KindStrategy,
    ControllerRevision: controllerRevisionStrategy as KindStrategy,
  },
  controllers: [statefulSetController],
  timers: statefulSetTimers,
};
