/**
 * The default scheduler's per-node work for one pod: Filter (which nodes can take it, and why not)
 * and Score (which of them it prefers), reading the runtime pod-by-node index so one decision costs
 * O(nodes).
 *
 * Follows kubernetes/kubernetes (release-1.30) pkg/scheduler/framework/plugins, in the default
 * profile's order — Filter: nodeunschedulable, tainttoleration (NoSchedule and NoExecute taints, such
 * as the node lifecycle controller's node.kubernetes.io/unreachable), nodeaffinity (nodeSelector), noderesources Fit (pod
 * count against allocatable `pods`, then requested cpu and memory), volumebinding (a bound volume's
 * node affinity); Score: noderesources LeastAllocated and BalancedAllocation (weight 1 each),
 * imagelocality (weight 1), podtopologyspread with the system default constraint
 * `kubernetes.io/hostname`, maxSkew 3 (weight 2) — and schedule_one.go selectHost (a random node
 * among those with the top score, drawn from the simulation's seeded generator). Lab differences:
 * PreferNoSchedule taints, inter-pod affinity, preferred node affinity and the zone default constraint are not
 * modelled (minikube's nodes carry no zones); topology spreading counts the pods of the
 * pod's controller rather than evaluating the owners' selectors.
 */
import type { KubeObject, PersistentVolume, PersistentVolumeClaim, Pod } from '../../api/types.ts';
import { milliCPU, type NodeUsage, podUsage } from '../../cluster/nodePodIndex.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import { nodeTaints, podTolerations, tolerates } from '../nodelifecycle/nodeHealth.ts';
import { quantityBytes } from '../storage/quantity.ts';

const MAX_NODE_SCORE = 100;
const DEFAULT_MILLI_CPU = 100;
const DEFAULT_MEMORY = 200 * 1024 * 1024;
/** imagelocality minThreshold / maxContainerThreshold */
const IMAGE_MIN = 23 * 1024 * 1024;
const IMAGE_MAX = 1000 * 1024 * 1024;
const SPREAD_MAX_SKEW = 3;

/** Why a node cannot take the pod; `resolvable` reasons could be fixed by preempting pods. */
export interface NodeRejection {
  reasons: string[];
  resolvable: boolean;
}

interface PodDemand {
  cpu: number;
  memory: number;
  nonzeroCpu: number;
  nonzeroMemory: number;
  owner?: string;
}

function demandOf(pod: Pod): PodDemand {
  const d: PodDemand = { cpu: 0, memory: 0, nonzeroCpu: 0, nonzeroMemory: 0 };
  for (const c of pod.spec.containers ?? []) {
    const req = (c.resources as { requests?: Record<string, unknown> } | undefined)?.requests ?? {};
    const cpu = req.cpu === undefined ? 0 : milliCPU(req.cpu);
    const mem = req.memory === undefined ? 0 : (quantityBytes(String(req.memory)) ?? 0);
    d.cpu += cpu;
    d.memory += mem;
    d.nonzeroCpu += req.cpu === undefined ? DEFAULT_MILLI_CPU : cpu;
    d.nonzeroMemory += req.memory === undefined ? DEFAULT_MEMORY : mem;
  }
  d.owner = pod.metadata.ownerReferences?.find((r) => r.controller)?.uid;
  return d;
}

function allocatable(node: KubeObject): { pods: number; cpu: number; memory: number } {
  const a = (node.status?.allocatable ?? {}) as Record<string, string>;
  return {
    pods: Number(a.pods ?? 110),
    cpu: milliCPU(a.cpu ?? '0'),
    memory: quantityBytes(a.memory ?? '0') ?? 0,
  };
}

interface Requirement {
  key: string;
  operator: string;
  values?: string[];
}

function matchesTerm(labels: Record<string, string>, exprs: Requirement[]): boolean {
  return exprs.every((e) => {
    const v = labels[e.key];
    if (e.operator === 'In') return v !== undefined && (e.values ?? []).includes(v);
    if (e.operator === 'NotIn') return v === undefined || !(e.values ?? []).includes(v);
    if (e.operator === 'Exists') return v !== undefined;
    if (e.operator === 'DoesNotExist') return v === undefined;
    return false;
  });
}

/**
 * The required node affinity of the volumes the pod's bound claims use. A CSI volume names its
 * driver's topology key (`topology.hostpath.csi/node`): the driver's node plugin labels the node
 * with it; the lab does not write that label, so a node counts as labelled with its own name.
 */
function volumeTermsFit(sim: Simulation, pod: Pod, node: KubeObject): boolean {
  const ns = pod.metadata.namespace ?? 'default';
  for (const v of pod.spec.volumes ?? []) {
    const claim = v.persistentVolumeClaim?.claimName;
    if (!claim) continue;
    const pvc = sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', ns, claim);
    const pv = pvc?.spec.volumeName
      ? sim.store.get<PersistentVolume>('PersistentVolume', undefined, pvc.spec.volumeName)
      : undefined;
    const terms = (
      pv?.spec as {
        nodeAffinity?: { required?: { nodeSelectorTerms?: { matchExpressions?: Requirement[] }[] } };
      }
    )?.nodeAffinity?.required?.nodeSelectorTerms;
    if (!terms?.length) continue;
    const labels = { 'topology.hostpath.csi/node': node.metadata.name, ...(node.metadata.labels ?? {}) };
    if (!terms.some((t) => matchesTerm(labels, t.matchExpressions ?? []))) return false;
  }
  return true;
}

/** Runs the Filter plugins for one node: undefined when it fits, else why not. */
export function filterNode(sim: Simulation, pod: Pod, node: KubeObject): NodeRejection | undefined {
  if (node.spec?.unschedulable) return { reasons: ['node(s) were unschedulable'], resolvable: false };
  // TaintToleration: a NoSchedule or NoExecute taint the pod does not tolerate (tainttoleration.go).
  const taint = nodeTaints(node).find(
    (t) => t.effect !== 'PreferNoSchedule' && !podTolerations(pod).some((tol) => tolerates(tol, t)),
  );
  if (taint)
    return {
      reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`],
      resolvable: false,
    };
  const selector = (pod.spec as { nodeSelector?: Record<string, string> }).nodeSelector ?? {};
  const labels = node.metadata.labels ?? {};
  if (Object.entries(selector).some(([k, v]) => labels[k] !== v))
    return { reasons: ["node(s) didn't match Pod's node affinity/selector"], resolvable: false };
  const usage = podUsage(sim).usage(node.metadata.name);
  const cap = allocatable(node);
  const demand = demandOf(pod);
  const short: string[] = [];
  if (usage.pods + 1 > cap.pods) short.push('Too many pods');
  if (demand.cpu > 0 && usage.cpu + demand.cpu > cap.cpu) short.push('Insufficient cpu');
  if (demand.memory > 0 && usage.memory + demand.memory > cap.memory) short.push('Insufficient memory');
  if (short.length) return { reasons: short, resolvable: true };
  if (!volumeTermsFit(sim, pod, node))
    return { reasons: ['node(s) had volume node affinity conflict'], resolvable: false };
  return undefined;
}

function leastAllocated(usage: NodeUsage, demand: PodDemand, cap: { cpu: number; memory: number }): number {
  const part = (requested: number, capacity: number) =>
    capacity === 0 || requested > capacity
      ? 0
      : Math.floor(((capacity - requested) * MAX_NODE_SCORE) / capacity);
  const cpu = part(usage.nonzeroCpu + demand.nonzeroCpu, cap.cpu);
  const mem = part(usage.nonzeroMemory + demand.nonzeroMemory, cap.memory);
  return Math.floor((cpu + mem) / 2);
}

function balancedAllocation(
  usage: NodeUsage,
  demand: PodDemand,
  cap: { cpu: number; memory: number },
): number {
  const frac = (requested: number, capacity: number) =>
    capacity === 0 ? 0 : Math.min(1, requested / capacity);
  const cpu = frac(usage.cpu + demand.cpu, cap.cpu);
  const mem = frac(usage.memory + demand.memory, cap.memory);
  return Math.floor((1 - Math.abs(cpu - mem) / 2) * MAX_NODE_SCORE);
}

interface NodeImage {
  names: string[];
  sizeBytes: number;
}

const imagesOf = (node: KubeObject) => (node.status?.images ?? []) as NodeImage[];
const imageName = (image: string) => (image.includes(':') ? image : `${image}:latest`);

/** How many of the nodes hold each of the pod's images (imagelocality's spread ratio). */
function imageSpread(pod: Pod, nodes: readonly KubeObject[]): Map<string, number> {
  const spread = new Map<string, number>();
  for (const c of pod.spec.containers ?? []) {
    const image = imageName(c.image);
    if (!spread.has(image))
      spread.set(image, nodes.filter((n) => imagesOf(n).some((i) => i.names.includes(image))).length);
  }
  return spread;
}

function imageLocality(pod: Pod, node: KubeObject, spread: Map<string, number>, total: number): number {
  const containers = pod.spec.containers ?? [];
  let sum = 0;
  for (const c of containers) {
    const image = imageName(c.image);
    const here = imagesOf(node).find((i) => i.names.includes(image));
    if (here) sum += Math.floor(here.sizeBytes * ((spread.get(image) ?? 0) / total));
  }
  const max = IMAGE_MAX * Math.max(1, containers.length);
  const clamped = Math.min(Math.max(sum, IMAGE_MIN), max);
  return Math.floor((MAX_NODE_SCORE * (clamped - IMAGE_MIN)) / (max - IMAGE_MIN));
}

/**
 * Scores the feasible nodes (same order as given) with the weighted sum of the score plugins, each
 * normalised to 0–100 as the framework does.
 */
export function scoreNodes(
  sim: Simulation,
  pod: Pod,
  feasible: readonly KubeObject[],
  all: readonly KubeObject[],
): number[] {
  const idx = podUsage(sim);
  const demand = demandOf(pod);
  const spreadWeight = Math.log(all.length + 2);
  const images = imageSpread(pod, all);
  const raw = feasible.map((node) => {
    const usage = idx.usage(node.metadata.name);
    const cap = allocatable(node);
    const owned = demand.owner ? (usage.owners.get(demand.owner) ?? 0) : 0;
    return {
      base:
        leastAllocated(usage, demand, cap) +
        balancedAllocation(usage, demand, cap) +
        imageLocality(pod, node, images, all.length),
      spread: Math.round(owned * spreadWeight + (SPREAD_MAX_SKEW - 1)),
    };
  });
  if (!demand.owner) return raw.map((r) => r.base);
  const max = Math.max(...raw.map((r) => r.spread));
  const min = Math.min(...raw.map((r) => r.spread));
  return raw.map((r) => {
    const spread = max === 0 ? MAX_NODE_SCORE : Math.floor((MAX_NODE_SCORE * (max + min - r.spread)) / max);
    return r.base + 2 * spread;
  });
}

/** selectHost: the node with the top score; among equals, one chosen at random (reservoir sampling). */
export function selectHost(
  sim: Simulation,
  feasible: readonly KubeObject[],
  scores: readonly number[],
): KubeObject {
  let best = 0;
  let ties = 1;
  for (let i = 1; i < feasible.length; i++) {
    if (scores[i] > scores[best]) {
      best = i;
      ties = 1;
    } else if (scores[i] === scores[best]) {
      ties++;
      if (sim.random.int(0, ties - 1) === 0) best = i;
    }
  }
  return feasible[best];
}
