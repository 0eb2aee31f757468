/**
 * A runtime index of pods by node — what the scheduler's node cache (kubernetes/kubernetes
 * release-1.30 pkg/scheduler/backend/cache NodeInfo: pod count, requested and non-zero requested
 * resources) and each node's IPAM know — so that scheduling a pod and reserving an address cost
 * O(nodes) instead of a scan of every pod.
 *
 * It is not part of the cluster state: it is built from the store the first time it is asked for,
 * then kept current by a watch listener, and rebuilt for a restored simulation. Every update
 * re-reads the pod from the store (not the event's copy), so nested or re-ordered watch deliveries
 * cannot leave it stale.
 */
import type { Container, Pod } from '../api/types.ts';
import { quantityBytes } from '../controllers/storage/quantity.ts';
import type { Simulation } from '../simulation/simulation.ts';
import type { WatchEvent } from '../store/objectStore.ts';

/** schedutil.DefaultMilliCPURequest / DefaultMemoryRequest: what scoring assumes for unset requests. */
const DEFAULT_MILLI_CPU = 100;
const DEFAULT_MEMORY = 200 * 1024 * 1024;

interface PodEntry {
  node?: string;
  ip?: string;
  /** bound and not Succeeded/Failed: counts against the node's pods and resources */
  active: boolean;
  /** waiting for the default scheduler: unbound and not being deleted */
  pending: boolean;
  cpu: number;
  memory: number;
  nonzeroCpu: number;
  nonzeroMemory: number;
  owner?: string;
}

/** What is on one node, as the scheduler's NodeInfo sums it. */
export interface NodeUsage {
  pods: number;
  /** requested milli-CPU and memory bytes (the Fit filter) */
  cpu: number;
  memory: number;
  /** requested with schedutil's non-zero defaults (the scoring plugins) */
  nonzeroCpu: number;
  nonzeroMemory: number;
  /** controller uid -> active pods of that controller on the node (topology spreading) */
  owners: Map<string, number>;
  /** pod IP -> pods holding it (IPAM) */
  ips: Map<string, number>;
}

/** Milli-CPU of a quantity text (`500m`, `1`, `0.5`). */
export function milliCPU(text: unknown): number {
  if (typeof text === 'number') return text * 1000;
  if (typeof text !== 'string') return 0;
  if (text.endsWith('m')) return Number(text.slice(0, -1)) || 0;
  return (quantityBytes(text) ?? 0) * 1000;
}

function requests(c: Container): { cpu?: unknown; memory?: unknown } {
  return ((c.resources as { requests?: Record<string, unknown> } | undefined)?.requests ?? {}) as {
    cpu?: unknown;
    memory?: unknown;
  };
}

function entryFor(pod: Pod): PodEntry {
  let cpu = 0;
  let memory = 0;
  let nonzeroCpu = 0;
  let nonzeroMemory = 0;
  for (const c of pod.spec.containers ?? []) {
    const r = requests(c);
    const cCpu = r.cpu === undefined ? 0 : milliCPU(r.cpu);
    const cMem = r.memory === undefined ? 0 : (quantityBytes(String(r.memory)) ?? 0);
    cpu += cCpu;
    memory += cMem;
    nonzeroCpu += r.cpu === undefined ? DEFAULT_MILLI_CPU : cCpu;
    nonzeroMemory += r.memory === undefined ? DEFAULT_MEMORY : cMem;
  }
  const phase = pod.status?.phase;
  const node = pod.spec.nodeName || undefined;
  return {
    node,
    ip: pod.status?.podIP,
    active: Boolean(node) && phase !== 'Succeeded' && phase !== 'Failed',
    pending:
      !node &&
      !pod.metadata.deletionTimestamp &&
      (pod.spec.schedulerName ?? 'default-scheduler') === 'default-scheduler',
    cpu,
    memory,
    nonzeroCpu,
    nonzeroMemory,
    // Topology spreading counts the controller's pods that are not being deleted.
    owner: pod.metadata.deletionTimestamp
      ? undefined
      : pod.metadata.ownerReferences?.find((r) => r.controller)?.uid,
  };
}

function emptyUsage(): NodeUsage {
  return { pods: 0, cpu: 0, memory: 0, nonzeroCpu: 0, nonzeroMemory: 0, owners: new Map(), ips: new Map() };
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const next = (map.get(key) ?? 0) + by;
  if (next === 0) map.delete(key);
  else map.set(key, next);
}

/** Pods by node, kept current from the watch; see the file comment. */
export class NodePodIndex {
  private readonly entries = new Map<string, PodEntry>();
  private readonly nodes = new Map<string, NodeUsage>();
  private readonly pendingKeys = new Set<string>();

  constructor(sim: Simulation) {
    for (const pod of sim.store.list<Pod>('Pod'))
      this.apply(`${pod.metadata.namespace}/${pod.metadata.name}`, pod);
    sim.watch((ev: WatchEvent) => {
      if (ev.object.kind !== 'Pod') return;
      const { namespace, name } = ev.object.metadata;
      this.apply(`${namespace}/${name}`, sim.store.get<Pod>('Pod', namespace, name));
    });
  }

  /** What is on the node now (an empty usage for a node without pods). */
  usage(node: string): NodeUsage {
    return this.nodes.get(node) ?? emptyUsage();
  }

  /** Pod addresses in use on the node. */
  ipsOn(node: string): { has(ip: string): boolean } {
    return this.nodes.get(node)?.ips ?? new Map<string, number>();
  }

  /** `namespace/name` of every pod waiting for the default scheduler, in the order they arrived. */
  pending(): string[] {
    return [...this.pendingKeys];
  }

  /** Keys of every pod bound to the node (active or not). */
  podsOn(node: string): string[] {
    const out: string[] = [];
    for (const [key, e] of this.entries) if (e.node === node) out.push(key);
    return out;
  }

  private apply(key: string, pod: Pod | undefined): void {
    const old = this.entries.get(key);
    if (old) this.account(old, -1);
    if (!pod) {
      this.entries.delete(key);
      this.pendingKeys.delete(key);
      return;
    }
    const next = entryFor(pod);
    this.entries.set(key, next);
    this.account(next, 1);
    // A pod keeps its place in the pending order while it stays pending (creation order).
    if (!next.pending) this.pendingKeys.delete(key);
    else if (!this.pendingKeys.has(key)) this.pendingKeys.add(key);
  }

  private account(e: PodEntry, sign: 1 | -1): void {
    if (!e.node) return;
    let u = this.nodes.get(e.node);
    if (!u) {
      u = emptyUsage();
      this.nodes.set(e.node, u);
    }
    if (e.ip) bump(u.ips, e.ip, sign);
    if (!e.active) return;
    u.pods += sign;
    u.cpu += sign * e.cpu;
    u.memory += sign * e.memory;
    u.nonzeroCpu += sign * e.nonzeroCpu;
    u.nonzeroMemory += sign * e.nonzeroMemory;
    if (e.owner) bump(u.owners, e.owner, sign);
  }
}

const indexes = new WeakMap<Simulation, NodePodIndex>();

/** The simulation's pod-by-node index, built on first use. */
export function podUsage(sim: Simulation): NodePodIndex {
  let idx = indexes.get(sim);
  if (!idx) {
    idx = new NodePodIndex(sim);
    indexes.set(sim, idx);
  }
  return idx;
}
