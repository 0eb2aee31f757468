/**
 * Structural schema of the shared API types: metav1.ObjectMeta, OwnerReference, ManagedFieldsEntry,
 * LabelSelector (k8s.io/apimachinery/pkg/apis/meta/v1/types.go, 1.30) and the small core/v1 helper
 * types several kinds use (LocalObjectReference, ObjectReference, ResourceRequirements...).
 * Open maps: labels, annotations, matchLabels, ResourceList (any key; values typed).
 */
import {
  bool,
  int64,
  list,
  map,
  named,
  open,
  quantity,
  str,
  struct,
  type TypeNode,
  time,
} from './schemaTypes.ts';

const stringMap = map(str);

export const ownerReference = struct('v1', 'OwnerReference', [
  ['apiVersion', str],
  ['kind', str],
  ['name', str],
  ['uid', named('types.UID')],
  ['controller', bool],
  ['blockOwnerDeletion', bool],
]);

/** fieldsV1 is a raw JSON blob (FieldsV1 has its own UnmarshalJSON): left open. */
const managedFieldsEntry = struct('v1', 'ManagedFieldsEntry', [
  ['manager', str],
  ['operation', named('v1.ManagedFieldsOperationType')],
  ['apiVersion', str],
  ['time', time],
  ['fieldsType', str],
  ['fieldsV1', open],
  ['subresource', str],
]);

export const objectMeta = struct('v1', 'ObjectMeta', [
  ['name', str],
  ['generateName', str],
  ['namespace', str],
  ['selfLink', str],
  ['uid', named('types.UID')],
  ['resourceVersion', str],
  ['generation', int64],
  ['creationTimestamp', time],
  ['deletionTimestamp', time],
  ['deletionGracePeriodSeconds', int64],
  ['labels', stringMap],
  ['annotations', stringMap],
  ['ownerReferences', list(ownerReference)],
  ['finalizers', list(str)],
  ['managedFields', list(managedFieldsEntry)],
]);

export const labelSelector = struct('v1', 'LabelSelector', [
  ['matchLabels', stringMap],
  [
    'matchExpressions',
    list(
      struct('v1', 'LabelSelectorRequirement', [
        ['key', str],
        ['operator', named('v1.LabelSelectorOperator')],
        ['values', list(str)],
      ]),
    ),
  ],
]);

/** v1.ResourceList: map[v1.ResourceName]resource.Quantity. */
export const resourceList: TypeNode = map(quantity, 'v1.ResourceList');

export const resourceRequirements = struct('v1', 'ResourceRequirements', [
  ['limits', resourceList],
  ['requests', resourceList],
  ['claims', list(struct('v1', 'ResourceClaim', [['name', str]]))],
]);

/** PVC resources since 1.29 (VolumeResourceRequirements: no claims). */
export const volumeResourceRequirements = struct('v1', 'VolumeResourceRequirements', [
  ['limits', resourceList],
  ['requests', resourceList],
]);

export const localObjectReference = struct('v1', 'LocalObjectReference', [['name', str]]);

export const objectReference = struct('v1', 'ObjectReference', [
  ['kind', str],
  ['namespace', str],
  ['name', str],
  ['uid', named('types.UID')],
  ['apiVersion', str],
  ['resourceVersion', str],
  ['fieldPath', str],
]);

export const typedLocalObjectReference = struct('v1', 'TypedLocalObjectReference', [
  ['apiGroup', str],
  ['kind', str],
  ['name', str],
]);

export const typedObjectReference = struct('v1', 'TypedObjectReference', [
  ['apiGroup', str],
  ['kind', str],
  ['name', str],
  ['namespace', str],
]);

export const condition = struct('v1', 'Condition', [
  ['type', str],
  ['status', named('v1.ConditionStatus')],
  ['observedGeneration', int64],
  ['lastTransitionTime', time],
  ['reason', str],
  ['message', str],
]);

const nodeSelectorRequirement = struct('v1', 'NodeSelectorRequirement', [
  ['key', str],
  ['operator', named('v1.NodeSelectorOperator')],
  ['values', list(str)],
]);
export const nodeSelectorTerm = struct('v1', 'NodeSelectorTerm', [
  ['matchExpressions', list(nodeSelectorRequirement)],
  ['matchFields', list(nodeSelectorRequirement)],
]);
/** v1.NodeSelector, also PersistentVolume's nodeAffinity.required. */
export const nodeSelector = struct('v1', 'NodeSelector', [['nodeSelectorTerms', list(nodeSelectorTerm)]]);
