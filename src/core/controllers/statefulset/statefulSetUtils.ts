/**
 * Pure helpers of the StatefulSet controller: ordinals and names, the identity a pod must carry,
 * pod health predicates, building the pod for an ordinal, and status arithmetic.
 *
 * Follows kubernetes/kubernetes v1.30 pkg/controller/statefulset/stateful_set_utils.go
 * (getParentNameAndOrdinal, getPodName, getPersistentVolumeClaimName, identityMatches,
 * storageMatches, getPersistentVolumeClaims, updateStorage, initIdentity, updateIdentity,
 * isRunningAndReady, isRunningAndAvailable, isUnavailable, newStatefulSetPod,
 * newVersionedStatefulSetPod, completeRollingUpdate, inconsistentStatus) and
 * pkg/controller/controller_utils.go GetPodFromTemplate. The PodIndexLabel gate is on (1.30 beta).
 * Lab difference: "now" for minReadySeconds is the virtual clock, passed in.
 */
import type {
  Labels,
  OwnerReference,
  PersistentVolumeClaim,
  Pod,
  StatefulSet,
  StatefulSetStatus,
  Volume,
} from '../../api/types.ts';
import { fromTimestamp } from '../../clock/virtualClock.ts';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const REVISION_LABEL = 'controller-revision-hash';
/** The component name events and decisions carry, as kube-controller-manager reports it. */
export const CONTROLLER_NAME = 'statefulset-controller';

const POD_NAME_RE = /^(.*)-([0-9]+)$/;

type ParsedName = { readonly parent: string; readonly ordinal: number };
// Names parse the same every time; syncs ask for thousands of them, so results are memoised
// (a pure cache, bounded so that it cannot grow without limit over a long session).
const parsed = new Map<string, ParsedName>();
const PARSE_CACHE_LIMIT = 50_000;

/** Parent set name and ordinal parsed from a pod name (greedy `(.*)-([0-9]+)$`); ordinal -1 when none. */
export function parseParentAndOrdinal(podName: string): ParsedName {
  let r = parsed.get(podName);
  if (r) return r;
  const m = POD_NAME_RE.exec(podName);
  if (!m) r = { parent: '', ordinal: -1 };
  else {
    const n = Number(m[2]);
    // strconv.ParseInt(_, 10, 32) fails beyond int32: such a pod has no ordinal.
    r = { parent: m[1], ordinal: n <= 2147483647 ? n : -1 };
  }
  if (parsed.size >= PARSE_CACHE_LIMIT) parsed.clear();
  parsed.set(podName, r);
  return r;
}

/** The pod's ordinal, or -1 when its name does not end in `-<digits>`. */
export function getOrdinal(pod: { metadata: { name: string } }): number {
  return parseParentAndOrdinal(pod.metadata.name).ordinal;
}

/** `<set>-<ordinal>` */
export function getPodName(set: StatefulSet, ordinal: number): string {
  return `${set.metadata.name}-${ordinal}`;
}

/** `<template>-<set>-<ordinal>` */
export function getClaimName(templateName: string, setName: string, ordinal: number): string {
  return `${templateName}-${setName}-${ordinal}`;
}

/** spec.ordinals.start, or 0 when unset. */
export function getStartOrdinal(set: StatefulSet): number {
  return set.spec.ordinals?.start ?? 0;
}

/** The highest ordinal in range: start + replicas - 1. */
export function getEndOrdinal(set: StatefulSet): number {
  return getStartOrdinal(set) + (set.spec.replicas ?? 1) - 1;
}

/** True when the ordinal lies in [start, end]. */
export function ordinalInRange(set: StatefulSet, ordinal: number): boolean {
  return ordinal >= getStartOrdinal(set) && ordinal <= getEndOrdinal(set);
}

/** True when the pod's name parses to this set (isMemberOf). */
export function isMemberOf(set: StatefulSet, pod: Pod): boolean {
  return parseParentAndOrdinal(pod.metadata.name).parent === set.metadata.name;
}

/** Phase is set: the apiserver has stored the pod. Not-yet-created placeholders have none. */
export const isCreated = (pod: Pod): boolean => Boolean(pod.status?.phase);
export const isFailed = (pod: Pod): boolean => pod.status?.phase === 'Failed';
export const isSucceeded = (pod: Pod): boolean => pod.status?.phase === 'Succeeded';
export const isPending = (pod: Pod): boolean => pod.status?.phase === 'Pending';
/** deletionTimestamp is set. */
export const isTerminating = (pod: Pod): boolean => Boolean(pod.metadata.deletionTimestamp);

function readyCondition(pod: Pod) {
  const conds = pod.status?.conditions;
  if (!conds) return undefined;
  for (const c of conds) if (c.type === 'Ready') return c;
  return undefined;
}

/** Phase Running and condition Ready=True. */
export function isRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && readyCondition(pod)?.status === 'True';
}

/**
 * podutil.IsPodAvailable: Ready=True and, with minReadySeconds > 0, Ready since strictly more than
 * minReadySeconds before `nowMs` (virtual ms).
 */
export function isRunningAndAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  const c = readyCondition(pod);
  if (c?.status !== 'True') return false;
  if (minReadySeconds === 0) return true;
  return (
    Boolean(c.lastTransitionTime) && fromTimestamp(c.lastTransitionTime) + minReadySeconds * 1000 < nowMs
  );
}

/** Running, Ready and not terminating. */
export const isHealthy = (pod: Pod): boolean => isRunningAndReady(pod) && !isTerminating(pod);

/** Not healthy, or not yet available. */
export function isUnavailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  return !isHealthy(pod) || !isRunningAndAvailable(pod, minReadySeconds, nowMs);
}

/** The revision name the pod was made from (its controller-revision-hash label), or ''. */
export function getPodRevision(pod: Pod): string {
  return pod.metadata.labels?.[REVISION_LABEL] ?? '';
}

/** Parallel lets the controller create and delete without waiting (allowsBurst). */
export function allowsBurst(set: StatefulSet): boolean {
  return set.spec.podManagementPolicy === 'Parallel';
}

/** Pod name, namespace and pod-name label match the set and ordinal. Hostname is not re-checked. */
export function identityMatches(set: StatefulSet, pod: Pod): boolean {
  const { parent, ordinal } = parseParentAndOrdinal(pod.metadata.name);
  return (
    ordinal >= 0 &&
    parent === set.metadata.name &&
    pod.metadata.namespace === set.metadata.namespace &&
    pod.metadata.labels?.[POD_NAME_LABEL] === pod.metadata.name
  );
}

/** Every claim template has a volume of its name pointing at this ordinal's claim. */
export function storageMatches(set: StatefulSet, pod: Pod): boolean {
  const ordinal = getOrdinal(pod);
  if (ordinal < 0) return false;
  const templates = set.spec.volumeClaimTemplates ?? [];
  if (templates.length === 0) return true;
  const volumes = pod.spec.volumes ?? [];
  for (const t of templates) {
    const v = volumes.find((x) => x.name === t.metadata.name);
    if (v?.persistentVolumeClaim?.claimName !== getClaimName(t.metadata.name, set.metadata.name, ordinal))
      return false;
  }
  return true;
}

/**
 * The claims the pod at `ordinal` needs, in template order: name from getClaimName, the set's
 * namespace, template labels overlaid with the selector's matchLabels, the template's spec.
 */
export function getPersistentVolumeClaims(set: StatefulSet, ordinal: number): PersistentVolumeClaim[] {
  return (set.spec.volumeClaimTemplates ?? []).map((t) => {
    const labels: Labels = { ...(t.metadata.labels ?? {}), ...(set.spec.selector?.matchLabels ?? {}) };
    const metadata: PersistentVolumeClaim['metadata'] = {
      name: getClaimName(t.metadata.name, set.metadata.name, ordinal),
      namespace: set.metadata.namespace,
      labels,
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
    };
    if (t.metadata.annotations) metadata.annotations = { ...t.metadata.annotations };
    return {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata,
      spec: structuredClone(t.spec),
    } as PersistentVolumeClaim;
  });
}

/** Pod volumes with one volume per claim template (replacing same-named ones), others kept after. */
export function updateStorage(set: StatefulSet, volumes: Volume[] | undefined, ordinal: number): Volume[] {
  const templates = set.spec.volumeClaimTemplates ?? [];
  const names = new Set(templates.map((t) => t.metadata.name));
  const out: Volume[] = templates.map((t) => ({
    name: t.metadata.name,
    persistentVolumeClaim: { claimName: getClaimName(t.metadata.name, set.metadata.name, ordinal) },
  }));
  for (const v of volumes ?? []) if (!names.has(v.name)) out.push(v);
  return out;
}

/** Labels with the identity labels (pod-name, pod-index) set for `podName`/`ordinal`. */
export function identityLabels(labels: Labels | undefined, podName: string, ordinal: number): Labels {
  return { ...(labels ?? {}), [POD_NAME_LABEL]: podName, [POD_INDEX_LABEL]: String(ordinal) };
}

/** The controller owner reference a set puts on its pods and revisions. */
export function controllerRef(set: StatefulSet): OwnerReference {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    name: set.metadata.name,
    uid: set.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** The controller reference among the owner references, if any. */
export function getControllerOf(obj: { metadata: { ownerReferences?: OwnerReference[] } }) {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

/**
 * A new (not yet created) pod for `ordinal` from `set`'s template, labelled with `revision`:
 * GetPodFromTemplate (labels, annotations, finalizers, generateName, controller ref, spec), then
 * initIdentity (identity labels, hostname, subdomain) and updateStorage.
 */
export function newStatefulSetPod(set: StatefulSet, ordinal: number, revision: string): Pod {
  const name = getPodName(set, ordinal);
  const tmeta = set.spec.template.metadata ?? {};
  const labels = identityLabels(tmeta.labels, name, ordinal);
  labels[REVISION_LABEL] = revision;
  const metadata: Pod['metadata'] = {
    name,
    generateName: `${set.metadata.name}-`,
    namespace: set.metadata.namespace,
    labels,
    ownerReferences: [controllerRef(set)],
    uid: '',
    resourceVersion: '',
    creationTimestamp: '',
  };
  if (tmeta.annotations && Object.keys(tmeta.annotations).length > 0)
    metadata.annotations = { ...tmeta.annotations };
  const spec = structuredClone(set.spec.template.spec);
  spec.hostname = name;
  if (set.spec.serviceName) spec.subdomain = set.spec.serviceName;
  if ((set.spec.volumeClaimTemplates ?? []).length > 0 || spec.volumes)
    spec.volumes = updateStorage(set, spec.volumes, ordinal);
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec } as Pod;
}

/**
 * newVersionedStatefulSetPod: the pod for `ordinal` at the current revision when the set rolls
 * with a partition and the ordinal is below start+partition (or, with rollingUpdate nil, below
 * start+status.currentReplicas); otherwise at the update revision (always under OnDelete).
 * `currentSet`/`updateSet` are the set with the current/update revision's template applied.
 */
export function newVersionedStatefulSetPod(
  currentSet: StatefulSet,
  updateSet: StatefulSet,
  currentRevision: string,
  updateRevision: string,
  ordinal: number,
): Pod {
  const strategy = currentSet.spec.updateStrategy;
  const start = getStartOrdinal(currentSet);
  const rolling = strategy?.type === 'RollingUpdate';
  const ru = strategy?.rollingUpdate;
  const belowPartition = ru
    ? ordinal < start + (ru.partition ?? 0)
    : ordinal < start + (currentSet.status?.currentReplicas ?? 0);
  // Upstream's condition reads `rolling && nilRU && ... || nonNilRU && ...`; validation forbids
  // rollingUpdate under OnDelete, so requiring `rolling` for both branches is equivalent.
  if (rolling && belowPartition) return newStatefulSetPod(currentSet, ordinal, currentRevision);
  return newStatefulSetPod(updateSet, ordinal, updateRevision);
}

/**
 * completeRollingUpdate: under RollingUpdate, once updated == ready == replicas == spec.replicas,
 * the current revision becomes the update revision. Returns a new status.
 */
export function completeRollingUpdate(set: StatefulSet, status: StatefulSetStatus): StatefulSetStatus {
  const want = set.spec.replicas ?? 1;
  if (
    set.spec.updateStrategy?.type === 'RollingUpdate' &&
    (status.updatedReplicas ?? 0) === want &&
    (status.readyReplicas ?? 0) === want &&
    status.replicas === want
  )
    return { ...status, currentReplicas: status.updatedReplicas, currentRevision: status.updateRevision };
  return status;
}

/** inconsistentStatus: the computed status differs from the stored one in a field that triggers a write. */
export function inconsistentStatus(set: StatefulSet, status: StatefulSetStatus): boolean {
  const s = set.status;
  return (
    (status.observedGeneration ?? 0) > (s?.observedGeneration ?? 0) ||
    status.replicas !== (s?.replicas ?? 0) ||
    (status.currentReplicas ?? 0) !== (s?.currentReplicas ?? 0) ||
    (status.readyReplicas ?? 0) !== (s?.readyReplicas ?? 0) ||
    (status.updatedReplicas ?? 0) !== (s?.updatedReplicas ?? 0) ||
    (status.currentRevision ?? '') !== (s?.currentRevision ?? '') ||
    status.availableReplicas !== (s?.availableReplicas ?? 0) ||
    (status.updateRevision ?? '') !== (s?.updateRevision ?? '')
  );
}
