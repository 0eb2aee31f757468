/**
 * `kubectl describe deployment` and `kubectl describe replicaset` (kubectl pkg/describe/describe.go
 * DeploymentDescriber / describeDeployment / printReplicaSetsByLabels and ReplicaSetDescriber /
 * describeReplicaSet, 1.30). The caller finds the Deployment's ReplicaSets (new = template equal,
 * old = every other owned one, as deploymentutil.GetAllReplicaSets) and the set's pods.
 */
import type { Deployment, Pod, ReplicaSet } from '../../../../core/api/types.ts';
import { rfc1123z } from '../humanDuration.ts';
import { writePodTemplate } from './containers.ts';
import { type DescribeContext, formatLabelSelector } from './describeStatefulSet.ts';
import { DescribeWriter, writeAnnotations, writeEvents, writeLabels } from './describeWriter.ts';

/** `N Running / N Waiting / N Succeeded / N Failed` of the pods a controller owns. */
export function podsStatusText(pods: readonly Pod[]): string {
  const count = (phase: string) => pods.filter((p) => p.status?.phase === phase).length;
  return `${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed`;
}

/** printController: `Kind/name` of the object's controller, or undefined. */
export function controllerText(obj: {
  metadata: { ownerReferences?: Deployment['metadata']['ownerReferences'] };
}) {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : undefined;
}

function replicaSetsText(list: readonly ReplicaSet[]): string {
  if (list.length === 0) return '<none>';
  return list
    .map(
      (rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 1} replicas created)`,
    )
    .join(', ');
}

/** The full `kubectl describe deployment <name>` text. */
export function describeDeployment(
  d: Deployment,
  oldRSs: readonly ReplicaSet[],
  newRS: ReplicaSet | undefined,
  ctx: DescribeContext,
): string {
  const w = new DescribeWriter();
  const s = d.status ?? {};
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  writeLabels(w, 'Labels', d.metadata.labels);
  writeAnnotations(w, 'Annotations', d.metadata.annotations);
  w.write(0, `Selector:\t${formatLabelSelector(d.spec.selector)}\n`);
  w.write(
    0,
    `Replicas:\t${d.spec.replicas ?? 1} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(0, `StrategyType:\t${d.spec.strategy?.type ?? 'RollingUpdate'}\n`);
  w.write(0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
  const ru = d.spec.strategy?.rollingUpdate;
  if (ru) {
    w.write(
      0,
      `RollingUpdateStrategy:\t${ru.maxUnavailable ?? 0} max unavailable, ${ru.maxSurge ?? 0} max surge\n`,
    );
  }
  writePodTemplate(w, d.spec.template);
  const conditions = s.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  if (oldRSs.length > 0 || newRS) {
    w.write(0, `OldReplicaSets:\t${replicaSetsText(oldRSs)}\n`);
    w.write(0, `NewReplicaSet:\t${replicaSetsText(newRS ? [newRS] : [])}\n`);
  }
  writeEvents(w, ctx.events, ctx.now);
  return w.done();
}

/** The full `kubectl describe replicaset <name>` text. `pods` = the pods it controls. */
export function describeReplicaSet(rs: ReplicaSet, pods: readonly Pod[], ctx: DescribeContext): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${rs.metadata.name}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`);
  writeLabels(w, 'Labels', rs.metadata.labels);
  writeAnnotations(w, 'Annotations', rs.metadata.annotations);
  const controller = controllerText(rs);
  if (controller) w.write(0, `Controlled By:\t${controller}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 1} desired\n`);
  w.write(0, `Pods Status:\t${podsStatusText(pods)}\n`);
  if (rs.spec.template) writePodTemplate(w, rs.spec.template);
  const conditions = rs.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  writeEvents(w, ctx.events, ctx.now);
  return w.done();
}
