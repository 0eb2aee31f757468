/**
 * `kubectl describe pod` (kubectl pkg/describe/describe.go PodDescriber / describePod, 1.30).
 */
import type { Pod } from '../../../../core/api/types.ts';
import { ageSince, rfc1123z } from '../humanDuration.ts';
import { writeContainers, writeVolumes } from './containers.ts';
import type { DescribeContext } from './describeStatefulSet.ts';
import {
  DescribeWriter,
  writeAnnotations,
  writeEvents,
  writeLabels,
  writeTolerations,
} from './describeWriter.ts';

function fieldValue(pod: Pod, path: string): string {
  const known: Record<string, string | undefined> = {
    'metadata.name': pod.metadata.name,
    'metadata.namespace': pod.metadata.namespace,
    'metadata.uid': pod.metadata.uid,
    'spec.nodeName': pod.spec.nodeName,
    'spec.serviceAccountName': pod.spec.serviceAccountName,
    'status.podIP': pod.status?.podIP,
    'status.hostIP': pod.status?.hostIP,
  };
  return known[path] ?? '';
}

/** The full `kubectl describe pod <name>` text. */
export function describePod(pod: Pod, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  const st = pod.status ?? { phase: 'Pending' };
  w.write(0, `Name:\t${pod.metadata.name}\n`);
  w.write(0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`);
  if (pod.spec.priority !== undefined) w.write(0, `Priority:\t${pod.spec.priority}\n`);
  if (pod.spec.serviceAccountName) w.write(0, `Service Account:\t${pod.spec.serviceAccountName}\n`);
  w.write(0, pod.spec.nodeName ? `Node:\t${pod.spec.nodeName}/${st.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (st.startTime) w.write(0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
  writeLabels(w, 'Labels', pod.metadata.labels);
  writeAnnotations(w, 'Annotations', pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && st.phase !== 'Failed' && st.phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${ageSince(pod.metadata.deletionTimestamp, ctx.now)})\n`);
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 30}s\n`);
  } else w.write(0, `Status:\t${st.phase}\n`);
  if (st.reason) w.write(0, `Reason:\t${st.reason}\n`);
  if (st.message) w.write(0, `Message:\t${st.message}\n`);
  w.write(0, `IP:\t${st.podIP ?? ''}\n`);
  const ips = st.podIPs ?? [];
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const owner = pod.metadata.ownerReferences?.find((r) => r.controller);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  const initStatuses = (st as { initContainerStatuses?: Pod['status']['containerStatuses'] })
    .initContainerStatuses;
  const fv = (p: string) => fieldValue(pod, p);
  if (pod.spec.initContainers?.length)
    writeContainers(w, 'Init Containers', pod.spec.initContainers, initStatuses ?? [], '', fv);
  writeContainers(w, 'Containers', pod.spec.containers, st.containerStatuses ?? [], '', fv);
  const conditions = st.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  writeVolumes(w, pod.spec.volumes, '');
  w.write(0, `QoS Class:\t${st.qosClass ?? 'BestEffort'}\n`);
  writeLabels(w, 'Node-Selectors', (pod.spec as { nodeSelector?: Record<string, string> }).nodeSelector);
  writeTolerations(w, 'Tolerations', pod.spec.tolerations);
  writeEvents(w, ctx.events, ctx.now);
  return w.done();
}
