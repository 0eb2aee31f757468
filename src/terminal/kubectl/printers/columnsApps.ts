/**
 * Table columns and cells of Deployment, ReplicaSet, DaemonSet, ConfigMap, Secret and
 * ServiceAccount as a 1.30 API server prints them (pkg/printers/internalversion/printers.go:
 * printDeployment, printReplicaSet, printDaemonSet, printConfigMap, printSecret,
 * printServiceAccount, and their column definitions in AddHandlers). Wide columns: CONTAINERS,
 * IMAGES, SELECTOR (DaemonSet: CONTAINERS, IMAGES, SELECTOR after NODE SELECTOR and AGE).
 */
import { formatLabels } from '../../../core/api/labels.ts';
import type {
  ConfigMap,
  DaemonSet,
  Deployment,
  LabelSelector,
  PodTemplateSpec,
  ReplicaSet,
  Secret,
  ServiceAccount,
} from '../../../core/api/types.ts';
import { age, col, type KindPrinter } from './columnTypes.ts';

/** CONTAINERS and IMAGES: the template's names and images joined by `,`. */
function containerCells(t: PodTemplateSpec | undefined): [string, string] {
  const cs = t?.spec?.containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(',')];
}

/**
 * metav1.FormatLabelSelector: the selector's requirements (matchLabels as `k=v`) sorted by key as
 * labels.Selector's String() writes them, values sorted; `<none>` for an empty selector.
 */
export function selectorText(sel: LabelSelector | undefined): string {
  const parts: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(sel?.matchLabels ?? {})) parts.push([k, `${k}=${v}`]);
  for (const e of sel?.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    if (e.operator === 'In') parts.push([e.key, `${e.key} in (${values})`]);
    else if (e.operator === 'NotIn') parts.push([e.key, `${e.key} notin (${values})`]);
    else if (e.operator === 'Exists') parts.push([e.key, e.key]);
    else parts.push([e.key, `!${e.key}`]);
  }
  parts.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return parts.length === 0 ? '<none>' : parts.map(([, t]) => t).join(',');
}

const WIDE = [col('Containers', 1), col('Images', 1), col('Selector', 1)];

/** Printers for the kinds of this file, keyed by kind. */
export const APPS_PRINTERS: Record<string, KindPrinter> = {
  Deployment: {
    columns: [col('Name'), col('Ready'), col('Up-to-date'), col('Available'), col('Age'), ...WIDE],
    cells(o, now) {
      const d = o as Deployment;
      const s = d.status ?? {};
      return [
        d.metadata.name,
        `${s.readyReplicas ?? 0}/${d.spec.replicas ?? 0}`,
        s.updatedReplicas ?? 0,
        s.availableReplicas ?? 0,
        age(d, now),
        ...containerCells(d.spec.template),
        selectorText(d.spec.selector),
      ];
    },
  },
  ReplicaSet: {
    columns: [col('Name'), col('Desired'), col('Current'), col('Ready'), col('Age'), ...WIDE],
    cells(o, now) {
      const rs = o as ReplicaSet;
      return [
        rs.metadata.name,
        rs.spec.replicas ?? 0,
        rs.status?.replicas ?? 0,
        rs.status?.readyReplicas ?? 0,
        age(rs, now),
        ...containerCells(rs.spec.template),
        selectorText(rs.spec.selector),
      ];
    },
  },
  DaemonSet: {
    columns: [
      col('Name'),
      col('Desired'),
      col('Current'),
      col('Ready'),
      col('Up-to-date'),
      col('Available'),
      col('Node Selector'),
      col('Age'),
      ...WIDE,
    ],
    cells(o, now) {
      const ds = o as DaemonSet;
      const s = ds.status;
      const nodeSelector = (ds.spec.template.spec as { nodeSelector?: Record<string, string> }).nodeSelector;
      return [
        ds.metadata.name,
        s?.desiredNumberScheduled ?? 0,
        s?.currentNumberScheduled ?? 0,
        s?.numberReady ?? 0,
        s?.updatedNumberScheduled ?? 0,
        s?.numberAvailable ?? 0,
        formatLabels(nodeSelector),
        age(ds, now),
        ...containerCells(ds.spec.template),
        selectorText(ds.spec.selector),
      ];
    },
  },
  ConfigMap: {
    columns: [col('Name'), col('Data'), col('Age')],
    cells(o, now) {
      const cm = o as ConfigMap;
      return [
        cm.metadata.name,
        Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length,
        age(cm, now),
      ];
    },
  },
  Secret: {
    columns: [col('Name'), col('Type'), col('Data'), col('Age')],
    cells(o, now) {
      const s = o as Secret;
      return [s.metadata.name, s.type ?? '', Object.keys(s.data ?? {}).length, age(s, now)];
    },
  },
  ServiceAccount: {
    columns: [col('Name'), col('Secrets'), col('Age')],
    cells(o, now) {
      const sa = o as ServiceAccount;
      return [sa.metadata.name, (sa.secrets ?? []).length, age(sa, now)];
    },
  },
};
