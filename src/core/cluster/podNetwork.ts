/**
 * Node and pod addresses of a minikube cluster (docker driver).
 *
 * Nodes: minikube names them `minikube`, `minikube-m02`, `minikube-m03`, … (kubernetes/minikube
 * pkg/minikube/node: Name(index) / ID(name); the primary is ID 1) and gives node ID `i` the address
 * 192.168.49.(i+1) on the docker network. Each node gets a /24 pod CIDR from 10.244.0.0/16 through
 * kube-controller-manager's range allocator, which takes the next free block after the last one it
 * handed out, wrapping round (kubernetes/kubernetes release-1.30 pkg/controller/nodeipam/ipam/cidrset
 * AllocateNext with nextCandidate), so a deleted node's block is reused only after a full turn.
 *
 * Pods: on every node the CNI's host-local IPAM hands out <node prefix>.N from the node's podCIDR
 * (N = 2..254; .1 is the bridge), always the next one after the last it reserved on that node,
 * wrapping round and skipping addresses in use (containernetworking/plugins
 * plugins/ipam/host-local/backend/allocator/allocator.go, RangeIter after `last_reserved_ip`).
 *
 * Shared contract: `sim.state.counters['podIP']` holds N of the last address handed out on
 * `minikube`, `counters['podIP:<node>']` on any other node. Anyone allocating uses `allocatePodIP`.
 */
import type { KubeObject } from '../api/types.ts';
import type { Simulation } from '../simulation/simulation.ts';
import { podUsage } from './nodePodIndex.ts';

/** The state.counters key of the last handed-out pod address's host number on `minikube`. */
export const POD_IP_COUNTER = 'podIP';
/** The primary node's pod CIDR, as `kubectl describe node minikube` shows it. */
export const POD_CIDR = '10.244.0.0/24';
/** The primary node's InternalIP on the docker driver's network. */
export const NODE_IP = '192.168.49.2';
/** The primary (control-plane) node's name, which is the profile's name. */
export const PRIMARY_NODE = 'minikube';

/** state.counters key of the index of the last /24 block the range allocator handed out. */
const CIDR_COUNTER = 'nodeCIDR';
const CIDR_BLOCKS = 256;
const FIRST_HOST = 2;
const LAST_HOST = 254;

/** minikube's node ID of a node name (`minikube` → 1, `minikube-m05` → 5), or undefined. */
export function nodeID(name: string): number | undefined {
  if (name === PRIMARY_NODE) return 1;
  const m = /^minikube-m(\d{2,})$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** The node name minikube gives node ID `id` (`minikube`, `minikube-m02`, …). */
export function nodeName(id: number): string {
  return id === 1 ? PRIMARY_NODE : `minikube-m${String(id).padStart(2, '0')}`;
}

/** The InternalIP of a minikube node (192.168.49.2 for `minikube`, .3 for `minikube-m02`, …). */
export function nodeInternalIP(name: string): string {
  return `192.168.49.${(nodeID(name) ?? 1) + 1}`;
}

/** `10.244.<block>.0/24` */
export function podCIDRBlock(block: number): string {
  return `10.244.${block}.0/24`;
}

/**
 * Reserves the next free /24 for a new node, as the range allocator does, and returns it. Blocks
 * held by existing nodes are skipped.
 */
export function allocatePodCIDR(sim: Simulation): string {
  const used = new Set(sim.store.list<KubeObject>('Node').map((n) => n.spec?.podCIDR as string | undefined));
  let block = sim.state.counters[CIDR_COUNTER] ?? -1;
  for (let tries = 0; tries < CIDR_BLOCKS; tries++) {
    block = (block + 1) % CIDR_BLOCKS;
    if (!used.has(podCIDRBlock(block))) {
      sim.state.counters[CIDR_COUNTER] = block;
      return podCIDRBlock(block);
    }
  }
  throw new Error('no free pod CIDR in 10.244.0.0/16');
}

/** `10.244.0.<n>`: an address on the primary node's pod network. */
export function podIPFor(n: number): string {
  return `10.244.0.${n}`;
}

function counterKey(node: string): string {
  return node === PRIMARY_NODE ? POD_IP_COUNTER : `${POD_IP_COUNTER}:${node}`;
}

/** `10.244.K.` for the node's podCIDR (the primary's block when the node has none). */
function prefixOf(sim: Simulation, node: string): string {
  const cidr = (sim.store.get<KubeObject>('Node', undefined, node)?.spec?.podCIDR as string) ?? POD_CIDR;
  return cidr.slice(0, cidr.lastIndexOf('.') + 1);
}

/**
 * Reserves the next free pod address on `node` (default the primary) and returns it; advances that
 * node's counter. Addresses held by pods on the node are skipped, as host-local skips reserved ones.
 */
export function allocatePodIP(sim: Simulation, node: string = PRIMARY_NODE): string {
  const inUse = podUsage(sim).ipsOn(node);
  const prefix = prefixOf(sim, node);
  const key = counterKey(node);
  let n = sim.state.counters[key] ?? FIRST_HOST - 1;
  for (let tries = 0; tries <= LAST_HOST - FIRST_HOST; tries++) {
    n = n >= LAST_HOST ? FIRST_HOST : n + 1;
    if (!inUse.has(prefix + n)) {
      sim.state.counters[key] = n;
      return prefix + n;
    }
  }
  throw new Error(`no free pod IP on ${node}`);
}
