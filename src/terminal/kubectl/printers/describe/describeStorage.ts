/**
 * `kubectl describe pvc` and `kubectl describe pv` (kubectl pkg/describe/describe.go
 * PersistentVolumeClaimDescriber, PersistentVolumeDescriber; 1.30). Sources printed for PVs: CSI
 * and HostPath (what minikube's provisioners create).
 */
import type { PersistentVolume, PersistentVolumeClaim } from '../../../../core/api/types.ts';
import { accessModesText } from '../columnsStorage.ts';
import { ageSince } from '../humanDuration.ts';
import type { DescribeContext } from './describeStatefulSet.ts';
import {
  DescribeWriter,
  goList,
  writeAnnotations,
  writeEvents,
  writeLabels,
  writePodNames,
} from './describeWriter.ts';

/** The full `kubectl describe pvc <name>` text. `usedBy` = names of pods that mount the claim. */
export function describePersistentVolumeClaim(
  pvc: PersistentVolumeClaim,
  usedBy: readonly string[],
  ctx: DescribeContext,
): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${pvc.metadata.name}\n`);
  w.write(0, `Namespace:\t${pvc.metadata.namespace ?? ''}\n`);
  w.write(0, `StorageClass:\t${pvc.spec.storageClassName ?? ''}\n`);
  if (pvc.metadata.deletionTimestamp) {
    w.write(0, `Status:\tTerminating (lasts ${ageSince(pvc.metadata.deletionTimestamp, ctx.now)})\n`);
  } else w.write(0, `Status:\t${pvc.status?.phase ?? 'Pending'}\n`);
  w.write(0, `Volume:\t${pvc.spec.volumeName ?? ''}\n`);
  writeLabels(w, 'Labels', pvc.metadata.labels);
  writeAnnotations(w, 'Annotations', pvc.metadata.annotations);
  w.write(0, `Finalizers:\t${goList(pvc.metadata.finalizers)}\n`);
  const bound = Boolean(pvc.spec.volumeName);
  w.write(0, `Capacity:\t${bound ? (pvc.status?.capacity?.storage ?? '0') : ''}\n`);
  w.write(0, `Access Modes:\t${bound ? accessModesText(pvc.status?.accessModes) : ''}\n`);
  if (pvc.spec.volumeMode) w.write(0, `VolumeMode:\t${pvc.spec.volumeMode}\n`);
  writePodNames(w, 'Used By', usedBy);
  writeEvents(w, ctx.events, ctx.now);
  return w.done();
}

interface NodeSelectorTerm {
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

/** The full `kubectl describe pv <name>` text. */
export function describePersistentVolume(pv: PersistentVolume, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${pv.metadata.name}\n`);
  writeLabels(w, 'Labels', pv.metadata.labels);
  writeAnnotations(w, 'Annotations', pv.metadata.annotations);
  w.write(0, `Finalizers:\t${goList(pv.metadata.finalizers)}\n`);
  w.write(0, `StorageClass:\t${pv.spec.storageClassName ?? ''}\n`);
  if (pv.metadata.deletionTimestamp) {
    w.write(0, `Status:\tTerminating (lasts ${ageSince(pv.metadata.deletionTimestamp, ctx.now)})\n`);
  } else w.write(0, `Status:\t${pv.status?.phase ?? ''}\n`);
  const ref = pv.spec.claimRef;
  w.write(0, `Claim:\t${ref ? `${ref.namespace}/${ref.name}` : ''}\n`);
  w.write(0, `Reclaim Policy:\t${pv.spec.persistentVolumeReclaimPolicy}\n`);
  w.write(0, `Access Modes:\t${accessModesText(pv.spec.accessModes)}\n`);
  if (pv.spec.volumeMode) w.write(0, `VolumeMode:\t${pv.spec.volumeMode}\n`);
  w.write(0, `Capacity:\t${pv.spec.capacity?.storage ?? '0'}\n`);
  const required = (
    pv.spec.nodeAffinity as { required?: { nodeSelectorTerms?: NodeSelectorTerm[] } } | undefined
  )?.required;
  if (!required) w.write(0, 'Node Affinity:\t<none>\n');
  else {
    w.write(0, 'Node Affinity:\t\n');
    const terms = required.nodeSelectorTerms ?? [];
    w.write(1, terms.length === 0 ? 'Required Terms:\t<none>\n' : 'Required Terms:\t\n');
    terms.forEach((t, i) => {
      w.write(2, `Term ${i}:\t`);
      const reqs = t.matchExpressions ?? [];
      if (reqs.length === 0) w.write(0, '<none>\n');
      reqs.forEach((r, j) => {
        if (j !== 0) w.write(2, '\t');
        const vals = r.values?.length ? ` [${r.values.join(', ')}]` : '';
        w.write(0, `${r.key} ${r.operator.toLowerCase()}${vals}\n`);
      });
    });
  }
  w.write(0, `Message:\t${(pv.status as { message?: string } | undefined)?.message ?? ''}\n`);
  w.write(0, 'Source:\n');
  if (pv.spec.csi) {
    const c = pv.spec.csi;
    w.write(
      2,
      'Type:\tCSI (a Container Storage Interface (CSI) volume source)\n' +
        `    Driver:\t${c.driver}\n    FSType:\t${c.fsType ?? ''}\n    VolumeHandle:\t${c.volumeHandle}\n` +
        `    ReadOnly:\t${Boolean((c as { readOnly?: boolean }).readOnly)}\n`,
    );
    w.write(2, 'VolumeAttributes:\t');
    const attrs = c.volumeAttributes ?? {};
    const keys = Object.keys(attrs).sort();
    if (keys.length === 0) w.write(0, '<none>\n');
    keys.forEach((k, i) => {
      if (i !== 0) {
        w.write(2, '');
        w.write(2, '\t');
      }
      w.write(0, `${k}=${attrs[k]}\n`);
    });
  } else if (pv.spec.hostPath) {
    const h = pv.spec.hostPath;
    w.write(
      2,
      `Type:\tHostPath (bare host directory volume)\n    Path:\t${h.path}\n    HostPathType:\t${h.type ?? '<none>'}\n`,
    );
  }
  writeEvents(w, ctx.events, ctx.now);
  return w.done();
}
