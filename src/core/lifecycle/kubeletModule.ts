/** Pods: the Pod strategy, the scheduler, and the kubelet that runs each pod through its lifecycle. */
import type { SimulationModule } from '../simulation/simulation.ts';

export const kubeletModule: SimulationModule = {};
