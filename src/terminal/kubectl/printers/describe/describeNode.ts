/**
 * `kubectl describe node` (kubectl pkg/describe/describe.go NodeDescriber, describeNode,
 * describeNodeLease, describeNodeResource; 1.30). The lab keeps no coordination.k8s.io Lease, so
 * the Lease section is derived from the node as the kubelet keeps it: holder = node name, no
 * acquire time, renewed every 10 s since the node was created (lease duration 40 s / 4).
 */
import type { KubeEvent, Node, Pod } from '../../../../core/api/types.ts';
import { fromTimestamp, toTimestamp } from '../../../../core/clock/virtualClock.ts';
import { ageSince, rfc1123z } from '../humanDuration.ts';
import { DescribeWriter, writeAnnotations, writeEvents, writeLabels } from './describeWriter.ts';
import { podRequestsAndLimits, type ResourceTotals } from './podResources.ts';
import {
  addQuantity,
  milliValue,
  parseQuantity,
  quantityText,
  wholeValue,
  ZERO,
} from './resourceQuantity.ts';

interface NodeCondition {
  type: string;
  status: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}
interface Taint {
  key: string;
  value?: string;
  effect: string;
}
interface NodeShape {
  spec?: {
    taints?: Taint[];
    unschedulable?: boolean;
    podCIDR?: string;
    podCIDRs?: string[];
    providerID?: string;
  };
  status?: {
    conditions?: NodeCondition[];
    addresses?: Array<{ type: string; address: string }>;
    capacity?: Record<string, string>;
    allocatable?: Record<string, string>;
    nodeInfo?: Record<string, string>;
  };
}

/** Kubelet lease renew interval (node-lease duration 40 s / 4). */
const LEASE_RENEW_MS = 10_000;

const ROLE_PREFIX = 'node-role.kubernetes.io/';

/** findNodeRoles: `node-role.kubernetes.io/<role>` labels and `kubernetes.io/role`, sorted. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length) roles.add(k.slice(ROLE_PREFIX.length));
    else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  return [...roles].sort();
}

function goTime(ts: string | undefined): string {
  // metav1.Time zero value formats as Go's zero time
  return ts ? rfc1123z(ts) : 'Mon, 01 Jan 0001 00:00:00 +0000';
}

function writeTaints(w: DescribeWriter, taints: readonly Taint[] | undefined): void {
  w.write(0, 'Taints:\t');
  const list = [...(taints ?? [])].sort((a, b) => {
    const ka = `${a.effect},${a.key}`;
    const kb = `${b.effect},${b.key}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  if (list.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`);
  });
}

function writeLease(w: DescribeWriter, node: Node, now: number): void {
  const created = fromTimestamp(node.metadata.creationTimestamp);
  const renew = created + Math.floor(Math.max(0, now - created) / LEASE_RENEW_MS) * LEASE_RENEW_MS;
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${node.metadata.name}\n`);
  w.write(1, 'AcquireTime:\t<unset>\n');
  w.write(1, `RenewTime:\t${rfc1123z(toTimestamp(renew))}\n`);
}

function writeResourceList(w: DescribeWriter, title: string, list: Record<string, string> | undefined): void {
  const names = Object.keys(list ?? {}).sort();
  if (names.length === 0) return;
  w.write(0, `${title}:\n`);
  for (const n of names) w.write(0, `  ${n}:\t${(list as Record<string, string>)[n]}\n`);
}

/** int64(float64(a) / float64(b) * 100), as describe computes percentages. */
function percent(part: bigint, whole: bigint): number {
  if (whole === 0n) return 0;
  return Math.trunc((Number(part) / Number(whole)) * 100);
}

function cell(totals: ResourceTotals, name: string, allocatable: bigint, milli: boolean): string {
  const q = totals[name] ?? ZERO;
  const part = milli ? milliValue(q) : wholeValue(q);
  return `${quantityText(q)} (${percent(part, allocatable)}%)`;
}

const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods']);

function writeNodeResource(w: DescribeWriter, node: Node, pods: readonly Pod[], now: number): void {
  const status = (node as NodeShape).status;
  const alloc = Object.keys(status?.allocatable ?? {}).length > 0 ? status?.allocatable : status?.capacity;
  const allocOf = (name: string, milli: boolean) => {
    const q = parseQuantity(alloc?.[name]);
    return milli ? milliValue(q) : wholeValue(q);
  };
  const cpu = allocOf('cpu', true);
  const mem = allocOf('memory', false);
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const reqs: ResourceTotals = {};
  const limits: ResourceTotals = {};
  for (const pod of pods) {
    const r = podRequestsAndLimits(pod);
    w.write(
      1,
      `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${cell(r.requests, 'cpu', cpu, true)}\t${cell(r.limits, 'cpu', cpu, true)}\t` +
        `${cell(r.requests, 'memory', mem, false)}\t${cell(r.limits, 'memory', mem, false)}\t${ageSince(pod.metadata.creationTimestamp, now)}\n`,
    );
    for (const [into, from] of [
      [reqs, r.requests],
      [limits, r.limits],
    ] as const) {
      for (const [name, q] of Object.entries(from)) {
        into[name] = into[name] ? addQuantity(into[name], q) : q;
      }
    }
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  w.write(1, `cpu\t${cell(reqs, 'cpu', cpu, true)}\t${cell(limits, 'cpu', cpu, true)}\n`);
  w.write(1, `memory\t${cell(reqs, 'memory', mem, false)}\t${cell(limits, 'memory', mem, false)}\n`);
  const eph = allocOf('ephemeral-storage', false);
  w.write(
    1,
    `ephemeral-storage\t${cell(reqs, 'ephemeral-storage', eph, false)}\t${cell(limits, 'ephemeral-storage', eph, false)}\n`,
  );
  const names = Object.keys(alloc ?? {}).sort();
  for (const name of names.filter((n) => n.startsWith('hugepages-'))) {
    const a = allocOf(name, false);
    w.write(1, `${name}\t${cell(reqs, name, a, false)}\t${cell(limits, name, a, false)}\n`);
  }
  for (const name of names.filter((n) => !n.startsWith('hugepages-') && !STANDARD.has(n))) {
    w.write(1, `${name}\t${quantityText(reqs[name] ?? ZERO)}\t${quantityText(limits[name] ?? ZERO)}\n`);
  }
}

/**
 * The full `kubectl describe node <name>` text. `pods` = the node's non-terminated pods (bound to
 * it, phase neither Succeeded nor Failed) in the apiserver's list order (namespace, then name).
 */
export function describeNode(
  node: Node,
  pods: readonly Pod[],
  ctx: { now: number; events: readonly KubeEvent[] },
): string {
  const w = new DescribeWriter();
  const { spec, status } = node as NodeShape;
  w.write(0, `Name:\t${node.metadata.name}\n`);
  const roles = nodeRoles(node);
  w.write(0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
  writeLabels(w, 'Labels', node.metadata.labels);
  writeAnnotations(w, 'Annotations', node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  writeTaints(w, spec?.taints);
  w.write(0, `Unschedulable:\t${Boolean(spec?.unschedulable)}\n`);
  writeLease(w, node, ctx.now);
  const conditions = status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(
        1,
        `${c.type} \t${c.status} \t${goTime(c.lastHeartbeatTime)} \t${goTime(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
      );
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of status?.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  writeResourceList(w, 'Capacity', status?.capacity);
  writeResourceList(w, 'Allocatable', status?.allocatable);
  const info = status?.nodeInfo ?? {};
  w.write(0, 'System Info:\n');
  const rows: Array<[string, string]> = [
    ['Machine ID', 'machineID'],
    ['System UUID', 'systemUUID'],
    ['Boot ID', 'bootID'],
    ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'],
    ['Operating System', 'operatingSystem'],
    ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'],
    ['Kubelet Version', 'kubeletVersion'],
    ['Kube-Proxy Version', 'kubeProxyVersion'],
  ];
  for (const [label, key] of rows) w.write(0, `  ${label}:\t${info[key] ?? ''}\n`);
  if (spec?.podCIDR) w.write(0, `PodCIDR:\t${spec.podCIDR}\n`);
  if (spec?.podCIDRs?.length) w.write(0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
  if (spec?.providerID) w.write(0, `ProviderID:\t${spec.providerID}\n`);
  writeNodeResource(w, node, pods, ctx.now);
  writeEvents(w, ctx.events, ctx.now);
  return w.done();
}
