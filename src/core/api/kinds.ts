/**
 * The resource kinds the simulated apiserver serves, with the names kubectl resolves them by
 * (`kubectl api-resources` on a 1.30 server: plural, singular, short names, group, namespaced).
 */

export interface KindInfo {
  kind: string;
  /** '' for the core group */
  group: string;
  version: string;
  plural: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  /** verbs as `kubectl api-resources -o wide` lists them */
  verbs: string[];
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** Kinds in the order `kubectl api-resources` prints them (core group first, then by group name). */
export const KINDS: readonly KindInfo[] = [
  {
    kind: 'ConfigMap',
    group: '',
    version: 'v1',
    plural: 'configmaps',
    singular: 'configmap',
    shortNames: ['cm'],
    namespaced: true,
    verbs: ALL_VERBS,
  },
  {
    kind: 'Endpoints',
    group: '',
    version: 'v1',
    plural: 'endpoints',
    singular: 'endpoints',
    shortNames: ['ep'],
    namespaced: true,
    verbs: ALL_VERBS,
  },
  {
    kind: 'Event',
    group: '',
    version: 'v1',
    plural: 'events',
    singular: 'event',
    shortNames: ['ev'],
    namespaced: true,
    verbs: ALL_VERBS,
  },
  {
    kind: 'Namespace',
    group: '',
    version: 'v1',
    plural: 'namespaces',
    singular: 'namespace',
    shortNames: ['ns'],
    namespaced: false,
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  },
  {
    kind: 'Node',
    group: '',
    version: 'v1',
    plural: 'nodes',
    singular: 'node',
    shortNames: ['no'],
    namespaced: false,
    verbs: ALL_VERBS,
  },
  {
    kind: 'PersistentVolumeClaim',
    group: '',
    version: 'v1',
    plural: 'persistentvolumeclaims',
    singular: 'persistentvolumeclaim',
    shortNames: ['pvc'],
    namespaced: true,
    verbs: ALL_VERBS,
  },
  {
    kind: 'PersistentVolume',
    group: '',
    version: 'v1',
    plural: 'persistentvolumes',
    singular: 'persistentvolume',
    shortNames: ['pv'],
    namespaced: false,
    verbs: ALL_VERBS,
  },
  {
    kind: 'Pod',
    group: '',
    version: 'v1',
    plural: 'pods',
    singular: 'pod',
    shortNames: ['po'],
    namespaced: true,
    verbs: ALL_VERBS,
  },
  {
    kind: 'Secret',
    group: '',
    version: 'v1',
    plural: 'secrets',
    singular: 'secret',
    shortNames: [],
    namespaced: true,
    verbs: ALL_VERBS,
  },
  {
    kind: 'ServiceAccount',
    group: '',
    version: 'v1',
    plural: 'serviceaccounts',
    singular: 'serviceaccount',
    shortNames: ['sa'],
    namespaced: true,
    verbs: ALL_VERBS,
  },
  {
    kind: 'Service',
    group: '',
    version: 'v1',
    plural: 'services',
    singular: 'service',
    shortNames: ['svc'],
    namespaced: true,
    verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  },
  {
    kind: 'ControllerRevision',
    group: 'apps',
    version: 'v1',
    plural: 'controllerrevisions',
    singular: 'controllerrevision',
    shortNames: [],
    namespaced: true,
    verbs: ALL_VERBS,
  },
  {
    kind: 'DaemonSet',
    group: 'apps',
    version: 'v1',
    plural: 'daemonsets',
    singular: 'daemonset',
    shortNames: ['ds'],
    namespaced: true,
    verbs: ALL_VERBS,
  },
  {
    kind: 'Deployment',
    group: 'apps',
    version: 'v1',
    plural: 'deployments',
    singular: 'deployment',
    shortNames: ['deploy'],
    namespaced: true,
    verbs: ALL_VERBS,
  },
  {
    kind: 'ReplicaSet',
    group: 'apps',
    version: 'v1',
    plural: 'replicasets',
    singular: 'replicaset',
    shortNames: ['rs'],
    namespaced: true,
    verbs: ALL_VERBS,
  },
  {
    kind: 'StatefulSet',
    group: 'apps',
    version: 'v1',
    plural: 'statefulsets',
    singular: 'statefulset',
    shortNames: ['sts'],
    namespaced: true,
    verbs: ALL_VERBS,
  },
  {
    kind: 'EndpointSlice',
    group: 'discovery.k8s.io',
    version: 'v1',
    plural: 'endpointslices',
    singular: 'endpointslice',
    shortNames: [],
    namespaced: true,
    verbs: ALL_VERBS,
  },
  {
    kind: 'StorageClass',
    group: 'storage.k8s.io',
    version: 'v1',
    plural: 'storageclasses',
    singular: 'storageclass',
    shortNames: ['sc'],
    namespaced: false,
    verbs: ALL_VERBS,
  },
];

const byKind = new Map(KINDS.map((k) => [k.kind, k]));

/** Returns the kind's info, or undefined when the apiserver does not serve that kind. */
export function kindInfo(kind: string): KindInfo | undefined {
  return byKind.get(kind);
}

/** apiVersion string for a kind, e.g. `apps/v1`, `v1`. */
export function apiVersionOf(info: KindInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

/**
 * Resolves what a user typed (`po`, `pods`, `pod`, `statefulset.apps`, `sts`, `StatefulSet`) to a
 * kind, the way kubectl's RESTMapper does; undefined when the server has no such resource type.
 */
export function resolveResourceName(typed: string): KindInfo | undefined {
  const lower = typed.toLowerCase();
  const dot = lower.indexOf('.');
  const name = dot >= 0 ? lower.slice(0, dot) : lower;
  const group = dot >= 0 ? lower.slice(dot + 1) : undefined;
  return KINDS.find(
    (k) =>
      (group === undefined || k.group === group || `${k.version}.${k.group}` === group) &&
      (k.plural === name ||
        k.singular === name ||
        k.shortNames.includes(name) ||
        k.kind.toLowerCase() === name),
  );
}

/** `<plural>[.<group>]`, as apiserver errors name a resource: `statefulsets.apps`, `pods`. */
export function qualifiedPlural(info: KindInfo): string {
  return info.group ? `${info.plural}.${info.group}` : info.plural;
}

/** `<singular>[.<group>]`, as kubectl's name printer names a kind: `statefulset.apps`, `pod`. */
export function qualifiedSingular(info: KindInfo): string {
  return info.group ? `${info.singular}.${info.group}` : info.singular;
}
