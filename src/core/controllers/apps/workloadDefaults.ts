/**
 * The apiserver's defaults for Deployments, ReplicaSets and DaemonSets, after kubernetes/kubernetes
 * v1.30 pkg/apis/apps/v1/defaults.go (SetDefaults_Deployment, SetDefaults_ReplicaSet,
 * SetDefaults_DaemonSet) plus the pod-template defaulters the StatefulSet shares
 * (statefulset/podTemplateDefaults.ts).
 */
import type { DaemonSet, Deployment, ReplicaSet } from '../../api/types.ts';
import { defaultPodTemplate } from '../statefulset/podTemplateDefaults.ts';

/** SetDefaults_Deployment: replicas 1, RollingUpdate 25%/25%, history 10, deadline 600 s. */
export function defaultDeployment(d: Deployment): Deployment {
  const spec = { ...(d.spec ?? {}) } as Deployment['spec'];
  spec.replicas ??= 1;
  const strategy = { ...(spec.strategy ?? {}) };
  strategy.type ||= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate')
    strategy.rollingUpdate = {
      maxUnavailable: strategy.rollingUpdate?.maxUnavailable ?? '25%',
      maxSurge: strategy.rollingUpdate?.maxSurge ?? '25%',
    };
  spec.strategy = strategy;
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  spec.template = defaultPodTemplate(spec.template);
  return { ...d, spec };
}

/** SetDefaults_ReplicaSet: replicas 1. */
export function defaultReplicaSet(rs: ReplicaSet): ReplicaSet {
  const spec = { ...(rs.spec ?? {}) } as ReplicaSet['spec'];
  spec.replicas ??= 1;
  if (spec.template) spec.template = defaultPodTemplate(spec.template);
  return { ...rs, spec };
}

/** SetDefaults_DaemonSet: RollingUpdate with maxUnavailable 1 and maxSurge 0, history 10. */
export function defaultDaemonSet(ds: DaemonSet): DaemonSet {
  const spec = { ...(ds.spec ?? {}) } as DaemonSet['spec'];
  const us = { ...(spec.updateStrategy ?? {}) };
  us.type ||= 'RollingUpdate';
  if (us.type === 'RollingUpdate')
    us.rollingUpdate = {
      maxUnavailable: us.rollingUpdate?.maxUnavailable ?? 1,
      maxSurge: us.rollingUpdate?.maxSurge ?? 0,
    };
  spec.updateStrategy = us;
  spec.revisionHistoryLimit ??= 10;
  spec.template = defaultPodTemplate(spec.template);
  return { ...ds, spec };
}
