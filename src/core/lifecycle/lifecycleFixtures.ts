/**
 * Test fixtures for the pod half (imported only by *.test.ts): a simulation with just the kubelet
 * module, the `default` namespace and the node `minikube`, plus helpers to create pods and claims.
 * Claims are written straight to the store because the PVC strategy and binder belong to the
 * storage module, which these tests leave out.
 */
import type { Pod, PodSpec } from '../api/types.ts';
import { Simulation } from '../simulation/simulation.ts';
import { kubeletModule } from './kubeletModule.ts';

/** A simulation holding the namespace `default` and a Ready node `minikube`, nothing else. */
export function podTestCluster(seed = 1): Simulation {
  const sim = new Simulation({ seed, modules: [kubeletModule], freezeObjects: true });
  sim.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  sim.api.create({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'minikube', labels: { 'kubernetes.io/hostname': 'minikube' } },
    spec: {},
    status: { conditions: [{ type: 'Ready', status: 'True' }] },
  });
  return sim;
}

/** Creates a pod through the apiserver; throws if it is rejected. */
export function createPod(
  sim: Simulation,
  name: string,
  spec: Partial<PodSpec> & Pick<PodSpec, 'containers'>,
): Pod {
  const r = sim.api.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The pod as stored now (undefined once removed). */
export function getPod(sim: Simulation, name: string): Pod | undefined {
  return sim.store.get<Pod>('Pod', 'default', name);
}

/** `reason: message` of every Event about the named object, oldest first, with counts > 1 noted. */
export function eventsFor(sim: Simulation, name: string): string[] {
  return sim.store
    .list<import('../api/types.ts').KubeEvent>('Event', 'default')
    .filter((e) => e.involvedObject.name === name)
    .map((e) => `${e.reason}: ${e.message}`);
}
