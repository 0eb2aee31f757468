/**
 * Column definitions and row cells per kind, as a Kubernetes 1.30 API server returns them in the
 * Table for `kubectl get` (pkg/printers/internalversion/printers.go: AddHandlers and the print*
 * functions). Priority-1 columns are the `-o wide` ones. Cells are strings, integers or booleans,
 * printed Go style by the table printer. Kinds without a server printer get NAME and AGE (the
 * default table, objectMetaColumnDefinitions).
 */

import { formatLabels } from '../../../core/api/labels.ts';
import type {
  ControllerRevision,
  EndpointSlice,
  Endpoints,
  KubeEvent,
  KubeObject,
  Pod,
  Service,
  StatefulSet,
} from '../../../core/api/types.ts';
import { APPS_PRINTERS } from './columnsApps.ts';
import { STORAGE_PRINTERS } from './columnsStorage.ts';
import { age, type Cell, type ColumnDef, col, type KindPrinter } from './columnTypes.ts';
import { ageSince } from './humanDuration.ts';
import { podSummary, podWideCells } from './podStatus.ts';

function containerCells(containers: ReadonlyArray<{ name: string; image: string }>): [string, string] {
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image).join(',')];
}

function endpointsText(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addrs = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    if (ports.length === 0) {
      count += addrs.length;
      for (const a of addrs) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const p of ports) {
      count += addrs.length;
      for (const a of addrs) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(`${a.ip}:${p.port}`);
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

function listWithMore(items: string[]): string {
  const max = 3;
  const ret = items.slice(0, max).join(',');
  if (items.length > max) return `${ret} + ${items.length - max} more...`;
  return ret === '' ? '<unset>' : ret;
}

function serviceExternalIP(svc: Service): string {
  const ext = svc.spec.externalIPs ?? [];
  switch (svc.spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return ext.length > 0 ? ext.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress = (
        (svc.status?.loadBalancer as { ingress?: Array<{ ip?: string; hostname?: string }> })?.ingress ?? []
      )
        .map((i) => i.ip || i.hostname || '')
        .filter((s) => s !== '');
      const lb = [...new Set(ingress)].sort();
      if (ext.length > 0) return [...lb, ...ext].join(',');
      return lb.length > 0 ? lb.join(',') : '<pending>';
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
  }
  return '<unknown>';
}

const PRINTERS: Record<string, KindPrinter> = {
  ...STORAGE_PRINTERS,
  ...APPS_PRINTERS,
  StatefulSet: {
    columns: [col('Name'), col('Ready'), col('Age'), col('Containers', 1), col('Images', 1)],
    cells(o, now) {
      const s = o as StatefulSet;
      return [
        s.metadata.name,
        `${s.status?.readyReplicas ?? 0}/${s.spec.replicas ?? 1}`,
        age(s, now),
        ...containerCells(s.spec.template.spec.containers),
      ];
    },
  },
  Pod: {
    columns: [
      col('Name'),
      col('Ready'),
      col('Status'),
      col('Restarts'),
      col('Age'),
      col('IP', 1),
      col('Node', 1),
      col('Nominated Node', 1),
      col('Readiness Gates', 1),
    ],
    cells(o, now) {
      const p = o as Pod;
      const s = podSummary(p, now);
      return [p.metadata.name, s.ready, s.status, s.restarts, age(p, now), ...podWideCells(p)];
    },
  },
  Service: {
    columns: [
      col('Name'),
      col('Type'),
      col('Cluster-IP'),
      col('External-IP'),
      col('Port(s)'),
      col('Age'),
      col('Selector', 1),
    ],
    cells(o, now) {
      const s = o as Service;
      const ports = (s.spec.ports ?? [])
        .map((p) =>
          p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`,
        )
        .join(',');
      return [
        s.metadata.name,
        s.spec.type ?? 'ClusterIP',
        s.spec.clusterIPs?.[0] ?? '<none>',
        serviceExternalIP(s),
        ports || '<none>',
        age(s, now),
        formatLabels(s.spec.selector),
      ];
    },
  },
  Endpoints: {
    columns: [col('Name'), col('Endpoints'), col('Age')],
    cells: (o, now) => [o.metadata.name, endpointsText(o as Endpoints), age(o, now)],
  },
  EndpointSlice: {
    columns: [col('Name'), col('AddressType'), col('Ports'), col('Endpoints'), col('Age')],
    cells(o, now) {
      const s = o as EndpointSlice;
      const ports = (s.ports ?? []).map((p) => (p.port !== undefined ? String(p.port) : (p.name ?? '*')));
      const addrs = (s.endpoints ?? []).flatMap((e) => e.addresses);
      return [s.metadata.name, s.addressType, listWithMore(ports), listWithMore(addrs), age(s, now)];
    },
  },
  Event: {
    columns: [
      col('Last Seen'),
      col('Type'),
      col('Reason'),
      col('Object'),
      col('Subobject', 1),
      col('Source', 1),
      col('Message'),
      col('First Seen', 1),
      col('Count', 1),
      col('Name', 1),
    ],
    cells(o, now) {
      const e = o as KubeEvent;
      const first = ageSince(e.firstTimestamp, now);
      const last = e.lastTimestamp ? ageSince(e.lastTimestamp, now) : first;
      const target = e.involvedObject.name
        ? `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`
        : e.involvedObject.kind.toLowerCase();
      const component = e.source?.component || e.reportingComponent || '';
      const host = e.source?.host || e.reportingInstance || '';
      return [
        last,
        e.type,
        e.reason,
        target,
        e.involvedObject.fieldPath ?? '',
        host ? `${component}, ${host}` : component,
        e.message.trim(),
        first,
        e.count || 1,
        e.metadata.name,
      ];
    },
  },
  ControllerRevision: {
    columns: [col('Name'), col('Controller'), col('Revision'), col('Age')],
    cells(o, now) {
      const r = o as ControllerRevision;
      const ref = r.metadata.ownerReferences?.find((x) => x.controller);
      let controller = '<none>';
      if (ref) {
        const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '';
        controller = `${(group ? `${ref.kind}.${group}` : ref.kind).toLowerCase()}/${ref.name}`;
      }
      return [r.metadata.name, controller, r.revision, age(r, now)];
    },
  },
  Node: {
    columns: [
      col('Name'),
      col('Status'),
      col('Roles'),
      col('Age'),
      col('Version'),
      col('Internal-IP', 1),
      col('External-IP', 1),
      col('OS-Image', 1),
      col('Kernel-Version', 1),
      col('Container-Runtime', 1),
    ],
    cells(o, now) {
      const n = o;
      const nodeStatus = (n.status ?? {}) as {
        conditions?: Array<{ type: string; status: string }>;
        addresses?: Array<{ type: string; address: string }>;
        nodeInfo?: Record<string, string>;
      };
      const ready = nodeStatus.conditions?.find((c) => c.type === 'Ready');
      const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
      if (n.spec?.unschedulable) status.push('SchedulingDisabled');
      const roles = new Set<string>();
      for (const [k, v] of Object.entries(n.metadata.labels ?? {})) {
        if (k.startsWith('node-role.kubernetes.io/') && k.length > 'node-role.kubernetes.io/'.length) {
          roles.add(k.slice('node-role.kubernetes.io/'.length));
        } else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
      }
      const info = nodeStatus.nodeInfo ?? {};
      const addr = (t: string) => nodeStatus.addresses?.find((a) => a.type === t)?.address ?? '<none>';
      return [
        n.metadata.name,
        status.join(','),
        [...roles].sort().join(',') || '<none>',
        age(n, now),
        info.kubeletVersion ?? '',
        addr('InternalIP'),
        addr('ExternalIP'),
        info.osImage || '<unknown>',
        info.kernelVersion || '<unknown>',
        info.containerRuntimeVersion || '<unknown>',
      ];
    },
  },
  Namespace: {
    columns: [col('Name'), col('Status'), col('Age')],
    cells: (o, now) => [
      o.metadata.name,
      (o.status as { phase?: string } | undefined)?.phase ?? '',
      age(o, now),
    ],
  },
};

const DEFAULT_PRINTER: KindPrinter = {
  columns: [col('Name'), col('Age')],
  cells: (o, now) => [o.metadata.name, age(o, now)],
};

/** The server's column definitions for a kind (NAME/AGE for kinds without a printer). */
export function columnsFor(kind: string): ColumnDef[] {
  return (PRINTERS[kind] ?? DEFAULT_PRINTER).columns;
}

/** The server's cells for one object at virtual time `now` (all columns, wide ones included). */
export function cellsFor(obj: KubeObject, now: number): Cell[] {
  return (PRINTERS[obj.kind] ?? DEFAULT_PRINTER).cells(obj, now);
}
