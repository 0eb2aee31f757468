/**
 * Cluster DNS as CoreDNS's kubernetes plugin answers it in minikube (coredns/coredns
 * plugin/kubernetes: kubernetes.go Records/serviceRecordForIP, xfr/reverse.go; spec: kubernetes/dns
 * docs/specification.md), as pure reads of the store:
 *  - `<svc>.<ns>.svc.cluster.local` A: the ClusterIP, or for a headless service one address per
 *    ready endpoint (Endpoints `addresses`; publishNotReadyAddresses puts unready pods there too);
 *  - `<hostname>.<svc>.<ns>.svc.cluster.local` A for endpoints with a hostname (StatefulSet pods
 *    whose subdomain is the service), and `<a-b-c-d>.<svc>...` for the others;
 *  - `<a-b-c-d>.<ns>.pod.cluster.local` A (minikube's Corefile has `pods insecure`);
 *  - `_<port>._<proto>.<svc>.<ns>.svc.cluster.local` SRV, priority 0, weight 100/n (CoreDNS splits
 *    100 evenly among the records of one priority, rounding down), and SRV of the service name for
 *    all its ports;
 *  - PTR for ready endpoint IPs of headless services and for service ClusterIPs;
 *  - ExternalName services: CNAME.
 * Queries are expanded with the pod's search list and ndots 5, as glibc's resolver does with the
 * resolv.conf the kubelet writes for dnsPolicy ClusterFirst. Names outside cluster.local are not
 * modelled (minikube forwards them to the host): they answer NXDOMAIN here.
 */
import type { Endpoints, Service } from '../api/types.ts';
import type { Simulation } from '../simulation/simulation.ts';

export const CLUSTER_DOMAIN = 'cluster.local';
/** kube-dns's address, the `nameserver` in every ClusterFirst pod's resolv.conf. */
export const DNS_SERVER = '10.96.0.10';
export const NDOTS = 5;

export type DnsRecordType = 'A' | 'SRV' | 'PTR' | 'CNAME';
export type DnsRecord =
  | { type: 'A'; name: string; address: string }
  | { type: 'SRV'; name: string; priority: number; weight: number; port: number; target: string }
  | { type: 'PTR'; name: string; target: string }
  | { type: 'CNAME'; name: string; target: string };

/**
 * A lookup's outcome. Names are FQDNs without the trailing dot. NOERROR carries the name that
 * answered (after search expansion) and its records; NXDOMAIN lists every name tried, in order.
 */
export type DnsAnswer =
  | { status: 'NOERROR'; name: string; records: DnsRecord[] }
  | { status: 'NXDOMAIN'; name: string; tried: string[] };

/** The resolv.conf `search` list of a pod in `namespace` (dnsPolicy ClusterFirst). */
export function searchDomains(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

/** The resolv.conf the kubelet writes for a ClusterFirst pod in `namespace`. */
export function resolvConf(namespace: string): string {
  return `nameserver ${DNS_SERVER}\nsearch ${searchDomains(namespace).join(' ')}\noptions ndots:${NDOTS}\n`;
}

/** `16.0.244.10.in-addr.arpa` for `10.244.0.16`. */
export function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
}

const dashed = (ip: string) => ip.replace(/\./g, '-');
const isIPv4 = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s);

function endpointsOf(sim: Simulation, svc: Service): Endpoints | undefined {
  return sim.store.get<Endpoints>('Endpoints', svc.metadata.namespace, svc.metadata.name);
}

/** Ready endpoint addresses of a headless service with their DNS label and ports. */
function readyEndpoints(sim: Simulation, svc: Service) {
  const out: Array<{
    ip: string;
    label: string;
    ports: Array<{ name?: string; port: number; protocol: string }>;
  }> = [];
  for (const s of endpointsOf(sim, svc)?.subsets ?? [])
    for (const a of s.addresses ?? [])
      out.push({ ip: a.ip, label: a.hostname ?? dashed(a.ip), ports: s.ports ?? [] });
  return out;
}

function serviceFqdn(svc: Service): string {
  return `${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
}

function srvWeight(n: number): number {
  return Math.floor(100 / n);
}

/** Answers one fully qualified name (no search expansion); empty list when the name has no records. */
function answer(sim: Simulation, fqdn: string, type: DnsRecordType): DnsRecord[] {
  const labels = fqdn.split('.');
  if (type === 'PTR') return reverse(sim, fqdn);
  const suffix = `svc.${CLUSTER_DOMAIN}`;
  if (fqdn.endsWith(`.pod.${CLUSTER_DOMAIN}`) && labels.length === 5 && type === 'A') {
    const ip = labels[0].replace(/-/g, '.');
    return isIPv4(ip) ? [{ type: 'A', name: fqdn, address: ip }] : [];
  }
  if (!fqdn.endsWith(`.${suffix}`)) return [];
  const head = labels.slice(0, labels.length - 3);
  // head: [svc, ns] | [endpoint, svc, ns] | [_port, _proto, svc, ns]
  if (head.length < 2 || head.length > 4) return [];
  const ns = head[head.length - 1];
  const svc = sim.store.get<Service>('Service', ns, head[head.length - 2]);
  if (!svc) return [];
  const headless = svc.spec.clusterIP === 'None';
  if (svc.spec.type === 'ExternalName')
    return head.length === 2 ? [{ type: 'CNAME', name: fqdn, target: svc.spec.externalName ?? '' }] : [];
  if (head.length === 2) {
    if (type === 'A')
      return headless
        ? readyEndpoints(sim, svc).map((e) => ({ type: 'A', name: fqdn, address: e.ip }))
        : [{ type: 'A', name: fqdn, address: svc.spec.clusterIP ?? '' }];
    if (type === 'SRV') return srv(sim, svc, fqdn, undefined, undefined);
    return [];
  }
  if (head.length === 3) {
    if (!headless || type !== 'A') return [];
    return readyEndpoints(sim, svc)
      .filter((e) => e.label === head[0])
      .map((e) => ({ type: 'A', name: fqdn, address: e.ip }));
  }
  if (type !== 'SRV' || !head[0].startsWith('_') || !head[1].startsWith('_')) return [];
  return srv(sim, svc, fqdn, head[0].slice(1), head[1].slice(1).toUpperCase());
}

function srv(sim: Simulation, svc: Service, fqdn: string, portName?: string, proto?: string): DnsRecord[] {
  const ports = (svc.spec.ports ?? []).filter(
    (p) =>
      (portName === undefined || p.name === portName) &&
      (proto === undefined || (p.protocol ?? 'TCP') === proto),
  );
  if (ports.length === 0) return [];
  const base = serviceFqdn(svc);
  const records: Array<{ port: number; target: string }> = [];
  for (const p of ports) {
    if (svc.spec.clusterIP !== 'None') records.push({ port: p.port, target: base });
    else
      for (const e of readyEndpoints(sim, svc)) {
        const ep = e.ports.find((x) => (x.name ?? '') === (p.name ?? '')) ?? e.ports[0];
        records.push({ port: ep?.port ?? p.port, target: `${e.label}.${base}` });
      }
  }
  return records.map((r) => ({
    type: 'SRV',
    name: fqdn,
    priority: 0,
    weight: srvWeight(records.length),
    ...r,
  }));
}

function reverse(sim: Simulation, name: string): DnsRecord[] {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa$/.exec(name);
  if (!m) return [];
  const ip = `${m[4]}.${m[3]}.${m[2]}.${m[1]}`;
  const out: DnsRecord[] = [];
  for (const svc of sim.store.list<Service>('Service')) {
    if (svc.spec.clusterIP === ip) out.push({ type: 'PTR', name, target: serviceFqdn(svc) });
    if (svc.spec.clusterIP === 'None')
      for (const e of readyEndpoints(sim, svc))
        if (e.ip === ip) out.push({ type: 'PTR', name, target: `${e.label}.${serviceFqdn(svc)}` });
  }
  return out;
}

/** The names the resolver tries for `name` from a pod in `namespace`, in order (ndots 5 rule). */
export function candidateNames(name: string, namespace: string): string[] {
  const n = name.toLowerCase();
  if (n.endsWith('.')) return [n.slice(0, -1)];
  const dots = n.split('.').length - 1;
  const searched = searchDomains(namespace).map((d) => `${n}.${d}`);
  return dots >= NDOTS ? [n, ...searched] : [...searched, n];
}

/**
 * Looks `name` up from a pod in `opts.namespace` (default `default`). For PTR, `name` may be an IPv4
 * address or an in-addr.arpa name. Returns the records of the first candidate name that has any, or
 * NXDOMAIN with every name tried. Pure: reads the store, changes nothing.
 */
export function lookup(
  sim: Simulation,
  name: string,
  type: DnsRecordType,
  opts: { namespace?: string } = {},
): DnsAnswer {
  const namespace = opts.namespace ?? 'default';
  if (type === 'PTR') {
    const fqdn = isIPv4(name) ? reverseName(name) : name.toLowerCase().replace(/\.$/, '');
    const records = answer(sim, fqdn, 'PTR');
    return records.length
      ? { status: 'NOERROR', name: fqdn, records }
      : { status: 'NXDOMAIN', name: fqdn, tried: [fqdn] };
  }
  const tried = candidateNames(name, namespace);
  for (const fqdn of tried) {
    const records = answer(sim, fqdn, type);
    if (records.length) return { status: 'NOERROR', name: fqdn, records };
  }
  return { status: 'NXDOMAIN', name: name.toLowerCase().replace(/\.$/, ''), tried };
}
