/**
 * Pod addresses on the single minikube node: the bridge CNI's host-local IPAM hands out 10.244.0.N
 * from the node's podCIDR 10.244.0.0/24 (10.244.0.1 is the bridge itself), one address per pod
 * sandbox, always the next one after the last it reserved, wrapping round and skipping addresses in
 * use (containernetworking/plugins: plugins/ipam/host-local/backend/allocator/allocator.go, the
 * RangeIter that starts after `last_reserved_ip`).
 *
 * Shared contract with the kubelet: `sim.state.counters['podIP']` holds N of the LAST address handed
 * out (host-local's last_reserved_ip). Anyone allocating (system and addon pods here, the kubelet
 * for user pods) uses `allocatePodIP`, or does exactly what it does.
 */
import type { Pod } from '../api/types.ts';
import type { Simulation } from '../simulation/simulation.ts';

/** The state.counters key of the last handed-out pod address's host number. */
export const POD_IP_COUNTER = 'podIP';
/** The node's pod CIDR, as `kubectl describe node` shows it. */
export const POD_CIDR = '10.244.0.0/24';
/** The minikube node's InternalIP on the docker driver's network. */
export const NODE_IP = '192.168.49.2';

const FIRST_HOST = 2;
const LAST_HOST = 254;

/** `10.244.0.<n>` */
export function podIPFor(n: number): string {
  return `10.244.0.${n}`;
}

/**
 * Reserves the next free pod address and returns it; advances `counters.podIP`. Addresses held by
 * existing pods are skipped, as host-local skips reserved ones.
 */
export function allocatePodIP(sim: Simulation): string {
  const inUse = new Set(
    sim.store
      .list<Pod>('Pod')
      .map((p) => p.status?.podIP)
      .filter((ip): ip is string => Boolean(ip)),
  );
  let n = sim.state.counters[POD_IP_COUNTER] ?? FIRST_HOST - 1;
  for (let tries = 0; tries <= LAST_HOST - FIRST_HOST; tries++) {
    n = n >= LAST_HOST ? FIRST_HOST : n + 1;
    if (!inUse.has(podIPFor(n))) {
      sim.state.counters[POD_IP_COUNTER] = n;
      return podIPFor(n);
    }
  }
  throw new Error('no free pod IP in 10.244.0.0/24');
}
