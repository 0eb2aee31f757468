/**
 * `kubectl describe daemonset` (kubectl pkg/describe/describe.go DaemonSetDescriber /
 * describeDaemonSet, 1.30). The five "Number of Nodes" lines have no tab: they are not aligned.
 */
import { formatLabels } from '../../../../core/api/labels.ts';
import type { DaemonSet, Pod } from '../../../../core/api/types.ts';
import { writePodTemplate } from './containers.ts';
import { type DescribeContext, formatLabelSelector } from './describeStatefulSet.ts';
import { podsStatusText } from './describeWorkloads.ts';
import { DescribeWriter, writeAnnotations, writeEvents, writeLabels } from './describeWriter.ts';

/** The full `kubectl describe daemonset <name>` text. `pods` = the pods it controls. */
export function describeDaemonSet(ds: DaemonSet, pods: readonly Pod[], ctx: DescribeContext): string {
  const w = new DescribeWriter();
  const s = ds.status;
  const nodeSelector = (ds.spec.template.spec as { nodeSelector?: Record<string, string> }).nodeSelector;
  w.write(0, `Name:\t${ds.metadata.name}\n`);
  w.write(0, `Namespace:\t${ds.metadata.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(ds.spec.selector)}\n`);
  w.write(0, `Node-Selector:\t${formatLabels(nodeSelector)}\n`);
  writeLabels(w, 'Labels', ds.metadata.labels);
  writeAnnotations(w, 'Annotations', ds.metadata.annotations);
  w.write(0, `Desired Number of Nodes Scheduled: ${s?.desiredNumberScheduled ?? 0}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${s?.currentNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${s?.updatedNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${s?.numberAvailable ?? 0}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${s?.numberMisscheduled ?? 0}\n`);
  w.write(0, `Pods Status:\t${podsStatusText(pods)}\n`);
  writePodTemplate(w, ds.spec.template);
  writeEvents(w, ctx.events, ctx.now);
  return w.done();
}
