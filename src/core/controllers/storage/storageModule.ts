/** Storage: PVC, PV and StorageClass strategies, the provisioner, the binder and the protection finalizers. */
import type { SimulationModule } from '../../simulation/simulation.ts';

export const storageModule: SimulationModule = {};
