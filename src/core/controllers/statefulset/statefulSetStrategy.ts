/**
 * The apiserver's handling of StatefulSets: apps/v1 defaults, validation on create and update,
 * status reset on create, generation and the status subresource.
 *
 * Follows kubernetes/kubernetes v1.30 pkg/apis/apps/v1/defaults.go (SetDefaults_StatefulSet, with
 * MaxUnavailableStatefulSet off) and pkg/registry/apps/statefulset/strategy.go (PrepareForCreate
 * clears status and sets generation 1; PrepareForUpdate keeps status; generation grows on spec
 * changes). Note the upstream detail kept here: `rollingUpdate: {partition: 0}` is added only when
 * `updateStrategy.type` was omitted; an explicit `type: RollingUpdate` alone gets no rollingUpdate.
 */
import type { StatefulSet } from '../../api/types.ts';
import type { KindStrategy } from '../../apiserver/kindStrategy.ts';
import { defaultClaimTemplate, defaultPodTemplate } from './podTemplateDefaults.ts';
import { validateStatefulSet, validateStatefulSetUpdate } from './statefulSetValidation.ts';

/** SetDefaults_StatefulSet plus the template defaulters; returns a new object. */
export function defaultStatefulSet(set: StatefulSet): StatefulSet {
  const spec = { ...(set.spec ?? {}) } as StatefulSet['spec'];
  spec.podManagementPolicy ||= 'OrderedReady';
  let us = spec.updateStrategy ? { ...spec.updateStrategy } : undefined;
  if (!us?.type) us = { ...(us ?? {}), type: 'RollingUpdate', rollingUpdate: us?.rollingUpdate ?? {} };
  if (us.type === 'RollingUpdate' && us.rollingUpdate)
    us.rollingUpdate = { ...us.rollingUpdate, partition: us.rollingUpdate.partition ?? 0 };
  spec.updateStrategy = us;
  spec.persistentVolumeClaimRetentionPolicy = {
    whenDeleted: spec.persistentVolumeClaimRetentionPolicy?.whenDeleted || 'Retain',
    whenScaled: spec.persistentVolumeClaimRetentionPolicy?.whenScaled || 'Retain',
  };
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  spec.template = defaultPodTemplate(spec.template);
  if (spec.volumeClaimTemplates)
    spec.volumeClaimTemplates = spec.volumeClaimTemplates.map(defaultClaimTemplate);
  return { ...set, spec };
}

/** The StatefulSet kind strategy registered by the statefulset module. */
export const statefulSetStrategy: KindStrategy<StatefulSet> = {
  generation: true,
  statusSubresource: true,
  defaults: (obj) => defaultStatefulSet(obj),
  validate: (obj) => validateStatefulSet(obj),
  validateUpdate: (obj, old) => validateStatefulSetUpdate(obj, old),
  admit(obj, op) {
    // PrepareForCreate: a new set starts with an empty status (replicas and availableReplicas are
    // not omitempty in apps/v1, so they show as 0).
    if (op === 'create') return { ...obj, status: { replicas: 0, availableReplicas: 0 } };
    return obj;
  },
};
