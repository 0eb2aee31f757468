/**
 * Test support for the cluster and storage tests (imported only by *.test.ts): a simulation made of
 * the cluster and storage modules alone, bootstrapped like `minikube start`, so these tests do not
 * depend on the kubelet or the StatefulSet controller; and pods whose status the test sets itself.
 */
import type { Pod } from '../api/types.ts';
import { toTimestamp } from '../clock/virtualClock.ts';
import { storageModule } from '../controllers/storage/storageModule.ts';
import { Simulation } from '../simulation/simulation.ts';
import { bootstrapMinikube } from './bootstrap.ts';
import { clusterModule } from './clusterModule.ts';
import { allocatePodIP } from './podNetwork.ts';

/** A freshly started cluster with only this area's modules. */
export function makeClusterSim(seed = 1): Simulation {
  const sim = new Simulation({ seed, modules: [clusterModule, storageModule], freezeObjects: true });
  bootstrapMinikube(sim);
  return sim;
}

export interface TestPodOptions {
  namespace?: string;
  labels?: Record<string, string>;
  ready?: boolean;
  claims?: string[];
  hostname?: string;
  subdomain?: string;
  /** scheduled to the node (default true) */
  scheduled?: boolean;
}

/** Creates a pod and writes a Running status (Ready as asked) with a fresh pod IP. */
export function makePod(sim: Simulation, name: string, opts: TestPodOptions = {}): Pod {
  const scheduled = opts.scheduled ?? true;
  const created = sim.api.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: opts.namespace ?? 'default', labels: opts.labels ?? {} },
    spec: {
      containers: [
        { name: 'app', image: 'nginx', ports: [{ containerPort: 80, name: 'web', protocol: 'TCP' }] },
      ],
      ...(scheduled ? { nodeName: 'minikube' } : {}),
      ...(opts.hostname ? { hostname: opts.hostname } : {}),
      ...(opts.subdomain ? { subdomain: opts.subdomain } : {}),
      volumes: (opts.claims ?? []).map((c) => ({ name: c, persistentVolumeClaim: { claimName: c } })),
    },
  });
  if (!created.ok) throw new Error(created.error.message);
  if (!scheduled) return created.value;
  return setPodReady(
    sim,
    { ...created.value, status: { phase: 'Running', podIP: allocatePodIP(sim) } },
    opts.ready ?? true,
  );
}

/** Writes the pod's Ready condition (the readiness probe passing or failing). */
export function setPodReady(sim: Simulation, pod: Pod, ready: boolean): Pod {
  const current = sim.store.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name) ?? pod;
  const status = pod.status?.podIP ? pod.status : current.status;
  const r = sim.api.updateStatus<Pod>({
    ...current,
    status: {
      ...status,
      phase: 'Running',
      conditions: [
        {
          type: 'Ready',
          status: ready ? 'True' : 'False',
          lastProbeTime: null,
          lastTransitionTime: toTimestamp(sim.now),
        },
      ],
    },
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Removes a pod at once, as the kubelet does once its containers have stopped. */
export function removePod(sim: Simulation, name: string, namespace = 'default'): void {
  sim.api.delete('Pod', namespace, name, { gracePeriodSeconds: 0 });
}
