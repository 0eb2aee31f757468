/**
 * The apiserver's handling of core/v1 Service: defaults (kubernetes/kubernetes
 * pkg/apis/core/v1/defaults.go SetDefaults_Service and the registry's IP/port allocation in
 * pkg/registry/core/service/storage/alloc.go), and the validation texts learners meet
 * (pkg/apis/core/validation/validation.go ValidateService / ValidateServiceUpdate).
 * Cluster IPs come from 10.96.0.0/12 (minikube's service CIDR), drawn at random from the upper band
 * as the 1.30 bitmap allocator does (the lowest 256 addresses are kept for static IPs such as
 * 10.96.0.1 and 10.96.0.10). Deliberate simplifications: single-stack IPv4 only; no session-affinity
 * config, externalTrafficPolicy checks or health-check node ports.
 */
import type { Service, ServicePort } from '../api/types.ts';
import { duplicate, type FieldError, invalid, notSupported, required } from '../apiserver/fieldErrors.ts';
import type { AdmissionContext, KindStrategy } from '../apiserver/kindStrategy.ts';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const IP_RE = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** Picks a free cluster IP in 10.96.0.0/12 above the static band. */
function allocateClusterIP(ctx: AdmissionContext): string {
  const used = new Set(ctx.store.list<Service>('Service').map((s) => s.spec.clusterIP));
  for (;;) {
    const offset = ctx.random.int(256, (1 << 20) - 2);
    const ip = `10.${96 + (offset >> 16)}.${(offset >> 8) & 255}.${offset & 255}`;
    if (!used.has(ip)) return ip;
  }
}

function allocateNodePort(ctx: AdmissionContext): number {
  const used = new Set(
    ctx.store.list<Service>('Service').flatMap((s) => (s.spec.ports ?? []).map((p) => p.nodePort)),
  );
  for (;;) {
    const port = ctx.random.int(30000, 32767);
    if (!used.has(port)) return port;
  }
}

function defaults(svc: Service, ctx: AdmissionContext): Service {
  const old = ctx.store.get<Service>('Service', svc.metadata.namespace, svc.metadata.name);
  const spec = { ...svc.spec };
  spec.type = spec.type ?? 'ClusterIP';
  if (spec.type === 'ExternalName') return { ...svc, spec, status: { loadBalancer: {} } };
  spec.sessionAffinity = spec.sessionAffinity ?? 'None';
  spec.internalTrafficPolicy = spec.internalTrafficPolicy ?? 'Cluster';
  const needsNodePort = spec.type === 'NodePort' || spec.type === 'LoadBalancer';
  spec.ports = (spec.ports ?? []).map((p: ServicePort, i: number) => {
    const port: ServicePort = { ...p, protocol: p.protocol ?? 'TCP', targetPort: p.targetPort ?? p.port };
    if (needsNodePort && port.nodePort === undefined)
      port.nodePort = old?.spec.ports?.[i]?.nodePort ?? allocateNodePort(ctx);
    return port;
  });
  if (!spec.clusterIP && spec.clusterIPs?.length) spec.clusterIP = spec.clusterIPs[0];
  // An update that leaves the address out keeps the allocated one (the registry's patchAllocatedValues).
  if (!spec.clusterIP && old?.spec.clusterIP) spec.clusterIP = old.spec.clusterIP;
  if (!spec.clusterIP) spec.clusterIP = allocateClusterIP(ctx);
  spec.clusterIPs = [spec.clusterIP];
  spec.ipFamilies = spec.ipFamilies ?? ['IPv4'];
  spec.ipFamilyPolicy = spec.ipFamilyPolicy ?? 'SingleStack';
  if (needsNodePort) (spec as Record<string, unknown>).externalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') (spec as Record<string, unknown>).allocateLoadBalancerNodePorts ??= true;
  return { ...svc, spec, status: svc.status ?? { loadBalancer: {} } };
}

/** Create-time validation: type, ports (range, protocol, names), cluster IP syntax. */
function validate(svc: Service): FieldError[] {
  const errs: FieldError[] = [];
  const spec = svc.spec;
  if (!TYPES.includes(spec.type ?? 'ClusterIP')) errs.push(notSupported('spec.type', spec.type, TYPES));
  if (spec.type === 'ExternalName') {
    if (!spec.externalName) errs.push(required('spec.externalName', ''));
    return errs;
  }
  const ports = spec.ports ?? [];
  if (ports.length === 0 && spec.clusterIP !== 'None') errs.push(required('spec.ports', ''));
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const f = `spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) errs.push(required(`${f}.name`, ''));
    if (p.name) {
      if (names.has(p.name)) errs.push(duplicate(`${f}.name`, p.name));
      names.add(p.name);
    }
    if (!Number.isInteger(p.port) || p.port < 1 || p.port > 65535)
      errs.push(invalid(`${f}.port`, p.port, 'must be between 1 and 65535, inclusive'));
    if (!PROTOCOLS.includes(p.protocol ?? 'TCP'))
      errs.push(notSupported(`${f}.protocol`, p.protocol, PROTOCOLS));
  });
  const ip = spec.clusterIP;
  if (ip && ip !== 'None' && !IP_RE.test(ip))
    errs.push(
      invalid('spec.clusterIPs[0]', ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'),
    );
  return errs;
}

/** The Service strategy (no generation; status written with the object, as loadBalancer only). */
export const serviceStrategy: KindStrategy<Service> = {
  defaults,
  validate,
  validateUpdate(svc, old) {
    const errs = validate(svc);
    if (
      old.spec.type !== 'ExternalName' &&
      svc.spec.type !== 'ExternalName' &&
      svc.spec.clusterIP !== old.spec.clusterIP
    )
      errs.push(
        invalid('spec.clusterIPs[0]', svc.spec.clusterIPs ?? [svc.spec.clusterIP], 'may not change once set'),
      );
    return errs;
  },
};
