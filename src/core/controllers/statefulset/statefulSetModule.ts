/** The StatefulSet controller, with the StatefulSet and ControllerRevision strategies. */
import type { SimulationModule } from '../../simulation/simulation.ts';

export const statefulSetModule: SimulationModule = {};
