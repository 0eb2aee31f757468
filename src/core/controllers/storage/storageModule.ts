/**
 * Storage: the PersistentVolumeClaim, PersistentVolume and StorageClass strategies, the
 * persistentvolume-controller (binder and reclaimer), the external provisioners of minikube's
 * storage addons, and the pvc-/pv-protection controllers. Volume contents: volumes.ts.
 */
import type { SimulationModule } from '../../simulation/simulation.ts';
import { externalProvisioner, externalProvisionerTimers } from './externalProvisioner.ts';
import { persistentVolumeController, persistentVolumeTimers } from './persistentVolumeController.ts';
import { pvcProtectionController, pvProtectionController } from './protectionControllers.ts';
import { pvcStrategy, pvStrategy, storageClassStrategy } from './storageStrategies.ts';

export { volumeForClaim } from './volumes.ts';

export const storageModule: SimulationModule = {
  strategies: {
    PersistentVolumeClaim: pvcStrategy,
    PersistentVolume: pvStrategy,
    StorageClass: storageClassStrategy,
  },
  controllers: [
    persistentVolumeController,
    externalProvisioner,
    pvcProtectionController,
    pvProtectionController,
  ],
  timers: { ...persistentVolumeTimers, ...externalProvisionerTimers },
};
