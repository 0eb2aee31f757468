/**
 * Test harnesses for the StatefulSet controller: the controller with the small fake kubelet
 * (always available), and the full minikube composition from createSimulation() (used once the
 * real kubelet, storage and garbage collector modules register their strategies and controllers).
 * Tests run `describe.each(STS_HARNESSES)` and skip harnesses that are not available.
 */
import { clusterModule } from '../cluster/clusterModule.ts';
import { statefulSetModule } from '../controllers/statefulset/statefulSetModule.ts';
import { storageModule } from '../controllers/storage/storageModule.ts';
import { kubeletModule } from '../lifecycle/kubeletModule.ts';
import { createSimulation } from '../simulation/createSimulation.ts';
import { Simulation } from '../simulation/simulation.ts';
import { type FakeKubeletOptions, failPod, fakeKubeletModule, setPodReady } from './fakeKubelet.ts';

export interface StsHarness {
  name: string;
  /** false while the modules this harness needs do not exist yet */
  available: boolean;
  /** A cluster with namespace `default`, objects frozen so stray mutations throw. */
  create(seed?: number, opts?: FakeKubeletOptions): Simulation;
  /** Makes a pod Failed, as a crashed container with nothing to restart it would. */
  failPod(sim: Simulation, name: string): void;
  /** Makes a running pod's readiness probe pass or fail. */
  setReady(sim: Simulation, name: string, ready: boolean): void;
}

/** The controller alone with the fake kubelet/binder/GC. */
export const fakeHarness: StsHarness = {
  name: 'fake kubelet',
  available: true,
  create(seed = 1, opts = {}) {
    const sim = new Simulation({
      seed,
      modules: [fakeKubeletModule(opts), statefulSetModule],
      freezeObjects: true,
    });
    sim.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    return sim;
  },
  failPod: (sim, name) => failPod(sim, 'default', name),
  setReady: (sim, name, ready) => setPodReady(sim, 'default', name, ready),
};

/** The real cluster composition (available when pods, claims and GC are modelled by their owners). */
export const clusterHarness: StsHarness = {
  name: 'createSimulation()',
  available: Boolean(
    kubeletModule.strategies?.Pod &&
      storageModule.strategies?.PersistentVolumeClaim &&
      (clusterModule.controllers?.length ?? 0) > 0,
  ),
  create(seed = 1) {
    return createSimulation({ seed, freezeObjects: true });
  },
  failPod: (sim, name) => failPod(sim, 'default', name),
  setReady: (sim, name, ready) => setPodReady(sim, 'default', name, ready),
};

export const STS_HARNESSES: readonly StsHarness[] = [fakeHarness, clusterHarness];
