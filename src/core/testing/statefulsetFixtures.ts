/**
 * Fixtures for StatefulSet tests: the conformance cases' WEB manifest and SVC, and small readers
 * of what a learner would look at (pods by ordinal, claims, events, status).
 */
import type {
  ControllerRevision,
  KubeEvent,
  ObjectInput,
  PersistentVolumeClaim,
  Pod,
  StatefulSet,
} from '../api/types.ts';
import type { Simulation } from '../simulation/simulation.ts';

export interface WebOptions {
  name?: string;
  replicas?: number;
  podManagementPolicy?: 'OrderedReady' | 'Parallel';
  image?: string;
  updateStrategy?: Record<string, unknown>;
  persistentVolumeClaimRetentionPolicy?: Record<string, unknown>;
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  ordinals?: { start: number };
  omitDefaults?: boolean;
}

/** WEB from conformance-cases.md (defaults left implicit), with the given fields changed. */
export function webManifest(o: WebOptions = {}): ObjectInput {
  const spec: Record<string, unknown> = {
    serviceName: 'nginx',
    selector: { matchLabels: { app: 'nginx' } },
    template: {
      metadata: { labels: { app: 'nginx' } },
      spec: {
        terminationGracePeriodSeconds: 10,
        containers: [
          {
            name: 'nginx',
            image: o.image ?? 'registry.k8s.io/nginx-slim:0.8',
            ports: [{ containerPort: 80, name: 'web' }],
            volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }],
          },
        ],
      },
    },
    volumeClaimTemplates: [
      {
        metadata: { name: 'www' },
        spec: {
          accessModes: ['ReadWriteOnce'],
          storageClassName: 'standard',
          resources: { requests: { storage: '1Gi' } },
        },
      },
    ],
  };
  if (!o.omitDefaults) spec.replicas = o.replicas ?? 3;
  for (const k of [
    'podManagementPolicy',
    'updateStrategy',
    'persistentVolumeClaimRetentionPolicy',
    'minReadySeconds',
    'revisionHistoryLimit',
    'ordinals',
  ] as const)
    if (o[k] !== undefined) spec[k] = o[k];
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: o.name ?? 'web', namespace: 'default' },
    spec,
  };
}

/** Creates WEB; throws with the apiserver message if it is rejected. */
export function applyWeb(sim: Simulation, o: WebOptions = {}): StatefulSet {
  const res = sim.api.create<StatefulSet>(webManifest(o));
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
}

export const getSet = (sim: Simulation, name = 'web') =>
  sim.store.get<StatefulSet>('StatefulSet', 'default', name);
export const getPod = (sim: Simulation, name: string) => sim.store.get<Pod>('Pod', 'default', name);
export const getClaim = (sim: Simulation, name: string) =>
  sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', name);

/** Pod names of the set, sorted by ordinal. */
export function podNames(sim: Simulation, set = 'web'): string[] {
  return sim.store
    .list<Pod>('Pod', 'default')
    .filter((p) => p.metadata.name.startsWith(`${set}-`))
    .map((p) => p.metadata.name)
    .sort((a, b) => Number(a.split('-').pop()) - Number(b.split('-').pop()));
}

export const isReady = (p: Pod | undefined) =>
  p?.status?.phase === 'Running' &&
  (p.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/** True when every pod named `<set>-<i>` for the given ordinals exists, Ready and not terminating. */
export function allReady(sim: Simulation, ordinals: number[], set = 'web'): boolean {
  return ordinals.every((i) => {
    const p = getPod(sim, `${set}-${i}`);
    return isReady(p) && !p?.metadata.deletionTimestamp;
  });
}

/** Event messages about an object, oldest first. */
export function eventMessages(sim: Simulation, objectName = 'web'): string[] {
  return sim.store
    .list<KubeEvent>('Event', 'default')
    .filter((e) => e.involvedObject.name === objectName)
    .map((e) => `${e.reason}: ${e.message}`);
}

export const revisionsOf = (sim: Simulation, set = 'web') =>
  sim.store
    .list<ControllerRevision>('ControllerRevision', 'default')
    .filter((r) => r.metadata.ownerReferences?.some((o) => o.name === set))
    .sort((a, b) => a.revision - b.revision);

/** Replaces the first container's image, as `kubectl patch --type=json` of that path does. */
export function setImage(sim: Simulation, image: string, name = 'web'): void {
  const set = getSet(sim, name) as StatefulSet;
  const containers = set.spec.template.spec.containers.map((c, i) => (i === 0 ? { ...c, image } : c));
  const res = sim.api.update<StatefulSet>({
    ...set,
    spec: {
      ...set.spec,
      template: { ...set.spec.template, spec: { ...set.spec.template.spec, containers } },
    },
  });
  if (!res.ok) throw new Error(res.error.message);
}

/** Applies a change to the set's spec through the apiserver; throws if rejected. */
export function patchSpec(sim: Simulation, patch: Partial<StatefulSet['spec']>, name = 'web'): void {
  const set = getSet(sim, name) as StatefulSet;
  const res = sim.api.update<StatefulSet>({ ...set, spec: { ...set.spec, ...patch } });
  if (!res.ok) throw new Error(res.error.message);
}
