/**
 * `kubectl describe service` (kubectl pkg/describe/describe.go ServiceDescriber, 1.30: Endpoints
 * come from the v1 Endpoints object, filtered by port name; kubectl >= 1.33 reads EndpointSlices).
 */
import { formatLabels } from '../../../../core/api/labels.ts';
import type { Endpoints, Service } from '../../../../core/api/types.ts';
import type { DescribeContext } from './describeStatefulSet.ts';
import { DescribeWriter, writeAnnotations, writeEvents, writeLabels } from './describeWriter.ts';

/** printers.go formatEndpoints restricted to one port name. */
function endpointsFor(ep: Endpoints | undefined, portName: string): string {
  const subsets = ep?.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  let more = false;
  for (const ss of subsets) {
    const addrs = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    if (ports.length === 0) {
      count += addrs.length;
      for (const a of addrs) {
        if (list.length === 3) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const p of ports) {
      if ((p.name ?? '') !== portName) continue;
      count += addrs.length;
      for (const a of addrs) {
        if (list.length === 3) {
          more = true;
          break;
        }
        list.push(`${a.ip}:${p.port}`);
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - 3} more...` : ret;
}

/** The full `kubectl describe service <name>` text. `endpoints` = the Endpoints of the same name. */
export function describeService(
  svc: Service,
  endpoints: Endpoints | undefined,
  ctx: DescribeContext,
): string {
  const w = new DescribeWriter();
  const s = svc.spec;
  w.write(0, `Name:\t${svc.metadata.name}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', svc.metadata.labels);
  writeAnnotations(w, 'Annotations', svc.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(s.selector)}\n`);
  w.write(0, `Type:\t${s.type ?? 'ClusterIP'}\n`);
  if (s.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${s.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${s.ipFamilies?.length ? s.ipFamilies.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${s.clusterIP ?? ''}\n`);
  w.write(0, `IPs:\t${s.clusterIPs?.length ? s.clusterIPs.join(',') : '<none>'}\n`);
  if (s.externalIPs?.length) w.write(0, `External IPs:\t${s.externalIPs.join(',')}\n`);
  if (s.type === 'ExternalName') w.write(0, `External Name:\t${s.externalName ?? ''}\n`);
  for (const p of s.ports ?? []) {
    const proto = p.protocol ?? 'TCP';
    w.write(0, `Port:\t${p.name || '<unset>'}\t${p.port}/${proto}\n`);
    w.write(0, `TargetPort:\t${p.targetPort ?? p.port}/${proto}\n`);
    if (p.nodePort) w.write(0, `NodePort:\t${p.name || '<unset>'}\t${p.nodePort}/${proto}\n`);
    w.write(0, `Endpoints:\t${endpointsFor(endpoints, p.name ?? '')}\n`);
  }
  w.write(0, `Session Affinity:\t${s.sessionAffinity ?? 'None'}\n`);
  if (s.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${s.internalTrafficPolicy}\n`);
  writeEvents(w, ctx.events, ctx.now);
  return w.done();
}
