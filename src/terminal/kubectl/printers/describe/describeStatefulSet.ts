/**
 * `kubectl describe statefulset` (kubectl pkg/describe/describe.go StatefulSetDescriber, 1.30).
 * Pods Status counts the pods the caller passes (those the selector matches) by phase.
 */
import type { KubeEvent, Pod, StatefulSet } from '../../../../core/api/types.ts';
import { rfc1123z } from '../humanDuration.ts';
import { writePodTemplate } from './containers.ts';
import { DescribeWriter, goList, writeAnnotations, writeEvents, writeLabels } from './describeWriter.ts';

/** metav1.FormatLabelSelector: `k=v,...`, `k in (a,b)`, `!k`, `k`; `<none>` for an empty one. */
export function formatLabelSelector(sel: StatefulSet['spec']['selector'] | undefined): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(sel?.matchLabels ?? {}).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  )) {
    parts.push(`${k}=${v}`);
  }
  for (const e of sel?.matchExpressions ?? []) {
    const vals = [...(e.values ?? [])].sort().join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${vals})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${vals})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else parts.push(`!${e.key}`);
  }
  return parts.length === 0 ? '<none>' : parts.join(',');
}

/** What describe needs besides the object. */
export interface DescribeContext {
  /** virtual ms */
  now: number;
  /** events whose involvedObject is this object (any order) */
  events: readonly KubeEvent[];
}

/** The full `kubectl describe statefulset <name>` text. `pods` = pods its selector matches. */
export function describeStatefulSet(sts: StatefulSet, pods: readonly Pod[], ctx: DescribeContext): string {
  const w = new DescribeWriter();
  const count = (phase: string) => pods.filter((p) => p.status?.phase === phase).length;
  w.write(0, `Name:\t${sts.metadata.name}\n`);
  w.write(0, `Namespace:\t${sts.metadata.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(sts.metadata.creationTimestamp)}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(sts.spec.selector)}\n`);
  writeLabels(w, 'Labels', sts.metadata.labels);
  writeAnnotations(w, 'Annotations', sts.metadata.annotations);
  w.write(0, `Replicas:\t${sts.spec.replicas ?? 1} desired | ${sts.status?.replicas ?? 0} total\n`);
  w.write(0, `Update Strategy:\t${sts.spec.updateStrategy?.type ?? 'RollingUpdate'}\n`);
  const ru = sts.spec.updateStrategy?.rollingUpdate;
  if (ru && ru.partition !== undefined) {
    w.write(1, `Partition:\t${ru.partition}\n`);
    if (ru.maxUnavailable !== undefined) w.write(1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
  }
  w.write(
    0,
    `Pods Status:\t${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed\n`,
  );
  writePodTemplate(w, sts.spec.template);
  const templates = sts.spec.volumeClaimTemplates ?? [];
  if (templates.length === 0) w.write(0, 'Volume Claims:\t<none>\n');
  else {
    w.write(0, 'Volume Claims:\n');
    for (const t of templates) {
      w.write(1, `Name:\t${t.metadata.name}\n`);
      w.write(1, `StorageClass:\t${t.spec.storageClassName ?? ''}\n`);
      writeLabels(w, 'Labels', t.metadata.labels, '  ');
      writeLabels(w, 'Annotations', t.metadata.annotations, '  ');
      w.write(1, `Capacity:\t${t.spec.resources?.requests?.storage ?? '<default>'}\n`);
      w.write(1, `Access Modes:\t${goList(t.spec.accessModes)}\n`);
    }
  }
  writeEvents(w, ctx.events, ctx.now);
  return w.done();
}
