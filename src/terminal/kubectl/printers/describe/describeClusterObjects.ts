/**
 * `kubectl describe namespace`, `storageclass` and `serviceaccount` (kubectl pkg/describe/
 * describe.go describeNamespace, describeStorageClass, describeServiceAccount; 1.30). The lab
 * serves no ResourceQuota or LimitRange objects, so a namespace always shows the real "none" lines.
 */
import { formatLabels } from '../../../../core/api/labels.ts';
import type { Namespace, Secret, ServiceAccount, StorageClass } from '../../../../core/api/types.ts';
import { rfc1123z } from '../humanDuration.ts';
import type { DescribeContext } from './describeStatefulSet.ts';
import { DescribeWriter, writeAnnotations, writeEvents, writeLabels } from './describeWriter.ts';

interface NamespaceCondition {
  type: string;
  status: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** The full `kubectl describe namespace <name>` text (no Events: upstream lists none). */
export function describeNamespace(ns: Namespace): string {
  const w = new DescribeWriter();
  const status = (ns as { status?: { phase?: string; conditions?: NamespaceCondition[] } }).status;
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  writeLabels(w, 'Labels', ns.metadata.labels);
  writeAnnotations(w, 'Annotations', ns.metadata.annotations);
  w.write(0, `Status:\t${status?.phase ?? ''}\n`);
  const conditions = status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      const at = c.lastTransitionTime ? rfc1123z(c.lastTransitionTime) : '';
      w.write(1, `${c.type}\t${c.status}\t${at}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
  }
  w.write(0, '\n');
  w.write(0, 'No resource quota.\n');
  w.write(0, '\n');
  w.write(0, 'No LimitRange resource.\n');
  return w.done();
}

const DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';
const BETA_DEFAULT_CLASS = 'storageclass.beta.kubernetes.io/is-default-class';

/** storageutil.IsDefaultAnnotationText: `Yes` when either default-class annotation is "true". */
function isDefaultText(sc: StorageClass): string {
  const a = sc.metadata.annotations ?? {};
  return a[DEFAULT_CLASS] === 'true' || a[BETA_DEFAULT_CLASS] === 'true' ? 'Yes' : 'No';
}

/** printBoolPtr: `True`, `False` or `<unset>`. */
function boolPtr(v: boolean | undefined): string {
  return v === undefined ? '<unset>' : v ? 'True' : 'False';
}

/**
 * The full `kubectl describe storageclass <name>` text. Annotations are one `k=v,k=v` line and,
 * unlike other describers, include last-applied-configuration.
 */
export function describeStorageClass(sc: StorageClass, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  const mountOptions = (sc as { mountOptions?: string[] }).mountOptions ?? [];
  w.write(0, `Name:\t${sc.metadata.name}\n`);
  w.write(0, `IsDefaultClass:\t${isDefaultText(sc)}\n`);
  w.write(0, `Annotations:\t${formatLabels(sc.metadata.annotations)}\n`);
  w.write(0, `Provisioner:\t${sc.provisioner}\n`);
  w.write(0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
  w.write(0, `AllowVolumeExpansion:\t${boolPtr(sc.allowVolumeExpansion)}\n`);
  if (mountOptions.length === 0) w.write(0, 'MountOptions:\t<none>\n');
  else {
    w.write(0, 'MountOptions:\n');
    for (const o of mountOptions) w.write(1, `${o}\n`);
  }
  if (sc.reclaimPolicy) w.write(0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
  if (sc.volumeBindingMode) w.write(0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
  writeEvents(w, ctx.events, ctx.now);
  return w.done();
}

const SA_NAME = 'kubernetes.io/service-account.name';
const SA_UID = 'kubernetes.io/service-account.uid';

/**
 * The full `kubectl describe serviceaccount <name>` text. `secrets` = the namespace's Secrets
 * (token secrets naming this account are its Tokens; referenced names not among them are
 * `(not found)`). The three headers are padded to one width and sorted, as upstream.
 */
export function describeServiceAccount(
  sa: ServiceAccount,
  secrets: readonly Secret[],
  ctx: DescribeContext,
): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${sa.metadata.name}\n`);
  w.write(0, `Namespace:\t${sa.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', sa.metadata.labels);
  writeAnnotations(w, 'Annotations', sa.metadata.annotations);
  const existing = new Set(secrets.map((s) => s.metadata.name));
  const tokens = secrets
    .filter((s) => s.type === 'kubernetes.io/service-account-token')
    .filter(
      (s) =>
        s.metadata.annotations?.[SA_NAME] === sa.metadata.name &&
        s.metadata.annotations?.[SA_UID] === sa.metadata.uid,
    )
    .map((s) => s.metadata.name);
  const sections: Array<[string, string[]]> = [
    ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s) => s.name)],
    ['Mountable secrets: ', (sa.secrets ?? []).map((s) => s.name ?? '')],
    ['Tokens:            ', tokens],
  ];
  for (const [header, names] of sections) {
    if (names.length === 0) {
      w.write(0, `${header}\t<none>\n`);
      continue;
    }
    names.forEach((name, i) => {
      const prefix = i === 0 ? header : ' '.repeat(header.length);
      w.write(0, `${prefix}\t${name}${existing.has(name) ? '' : ' (not found)'}\n`);
    });
  }
  writeEvents(w, ctx.events, ctx.now);
  return w.done();
}
