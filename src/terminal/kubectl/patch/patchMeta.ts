/**
 * The strategic-merge-patch metadata of the kinds the lab serves: which lists merge by a key, which
 * are replaced whole, which maps carry `retainKeys`. Upstream reads this from the Go struct tags
 * `patchStrategy` / `patchMergeKey` of k8s.io/api (core/v1 types.go, apps/v1 types.go, pinned to
 * 1.30) through apimachinery third_party/forked/golang/json `LookupPatchMetadata`; here the same
 * tags are written down as data, only for the fields where a strategy exists. A field that is not
 * listed has no strategy: maps merge key by key, lists are replaced as a whole (that is the
 * upstream default too).
 *
 * Deliberate difference: upstream fails with "unable to find api field" for a field a struct does
 * not have; the lab has no full schema, so unknown fields simply have no strategy.
 *
 * Note: apps/v1 `StatefulSetSpec.volumeClaimTemplates` has NO patch strategy upstream
 * (`+listType=atomic`), so a strategic patch replaces that list whole; the lab follows upstream.
 */

/** How one field of an object is patched. */
export interface FieldMeta {
  /** `merge` for lists merged by key (or scalar lists merged as sets); `replace` for whole-map replace */
  strategy?: 'merge' | 'replace';
  /** the key list elements are matched by (`name`, `containerPort`, ...); absent for scalar lists */
  mergeKey?: string;
  /** `retainKeys` strategy: the map (or each list element) may carry a `$retainKeys` list */
  retainKeys?: boolean;
  /** the type of the field's value (for lists: of each element) */
  type?: TypeMeta;
}

/** The patch metadata of one struct type: its fields that have a strategy or nested ones. */
export interface TypeMeta {
  fields: Record<string, FieldMeta>;
}

/** The metadata for a field of a type; an empty meta (no strategy) when unknown. */
export function lookupField(t: TypeMeta | undefined, key: string): FieldMeta {
  return t && Object.hasOwn(t.fields, key) ? t.fields[key] : {};
}

const byKey = (mergeKey: string, type?: TypeMeta): FieldMeta => ({ strategy: 'merge', mergeKey, type });
const conditions: FieldMeta = byKey('type');

const objectMeta: TypeMeta = {
  fields: {
    finalizers: { strategy: 'merge' },
    ownerReferences: byKey('uid'),
  },
};

const container: TypeMeta = {
  fields: {
    ports: byKey('containerPort'),
    env: byKey('name'),
    volumeMounts: byKey('mountPath'),
    volumeDevices: byKey('devicePath'),
  },
};

const podSpec: TypeMeta = {
  fields: {
    volumes: { strategy: 'merge', mergeKey: 'name', retainKeys: true },
    initContainers: byKey('name', container),
    containers: byKey('name', container),
    ephemeralContainers: byKey('name', container),
    imagePullSecrets: byKey('name'),
    hostAliases: byKey('ip'),
    topologySpreadConstraints: byKey('topologyKey'),
    schedulingGates: byKey('name'),
    resourceClaims: { strategy: 'merge', mergeKey: 'name', retainKeys: true },
  },
};

const podStatus: TypeMeta = {
  fields: {
    conditions,
    podIPs: byKey('ip'),
    hostIPs: byKey('ip'),
    resourceClaimStatuses: { strategy: 'merge', mergeKey: 'name', retainKeys: true },
  },
};

const podTemplateSpec: TypeMeta = {
  fields: { metadata: { type: objectMeta }, spec: { type: podSpec } },
};

const withConditions: TypeMeta = { fields: { conditions } };

/** Builds a top-level kind type: metadata, spec and status. */
function kindType(spec?: TypeMeta, status?: TypeMeta): TypeMeta {
  return { fields: { metadata: { type: objectMeta }, spec: { type: spec }, status: { type: status } } };
}

const KIND_META: Record<string, TypeMeta> = {
  Pod: kindType(podSpec, podStatus),
  StatefulSet: kindType({ fields: { template: { type: podTemplateSpec } } }, withConditions),
  Service: kindType({ fields: { ports: byKey('port') } }, withConditions),
  PersistentVolumeClaim: kindType(undefined, withConditions),
  PersistentVolume: kindType(),
  Node: kindType(
    { fields: { podCIDRs: { strategy: 'merge' } } },
    { fields: { conditions, addresses: byKey('type') } },
  ),
  Namespace: kindType(undefined, withConditions),
  PodTemplate: { fields: { metadata: { type: objectMeta }, template: { type: podTemplateSpec } } },
};

/**
 * The patch metadata of a kind's whole object, or undefined when the lab has no typed schema for
 * it (upstream: strategic merge patch is then unsupported, as for custom resources).
 */
export function kindPatchMeta(kind: string): TypeMeta | undefined {
  if (KIND_META[kind]) return KIND_META[kind];
  // Every built-in kind the lab serves has ObjectMeta; kinds without listed strategies still merge.
  if (SERVED_WITHOUT_STRATEGIES.has(kind)) return { fields: { metadata: { type: objectMeta } } };
  return undefined;
}

const SERVED_WITHOUT_STRATEGIES = new Set([
  'ControllerRevision',
  'Endpoints',
  'EndpointSlice',
  'Event',
  'StorageClass',
  'ConfigMap',
  'Secret',
  'ServiceAccount',
]);
