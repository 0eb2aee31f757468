/**
 * `kubectl describe endpoints` and `kubectl describe endpointslice` (kubectl pkg/describe/
 * describe.go describeEndpoints, describeEndpointSliceV1; 1.30).
 */
import type { EndpointSlice, Endpoints } from '../../../../core/api/types.ts';
import type { DescribeContext } from './describeStatefulSet.ts';
import { DescribeWriter, writeAnnotations, writeEvents, writeLabels } from './describeWriter.ts';

const ipsOrNone = (list: ReadonlyArray<{ ip: string }> | undefined) =>
  (list ?? []).map((a) => a.ip).join(',') || '<none>';

/** The full `kubectl describe endpoints <name>` text. */
export function describeEndpoints(ep: Endpoints, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${ep.metadata.name}\n`);
  w.write(0, `Namespace:\t${ep.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', ep.metadata.labels);
  writeAnnotations(w, 'Annotations', ep.metadata.annotations);
  w.write(0, 'Subsets:\n');
  for (const ss of ep.subsets ?? []) {
    w.write(1, `Addresses:\t${ipsOrNone(ss.addresses)}\n`);
    w.write(1, `NotReadyAddresses:\t${ipsOrNone(ss.notReadyAddresses)}\n`);
    if (ss.ports?.length) {
      w.write(1, 'Ports:\n');
      w.write(2, 'Name\tPort\tProtocol\n');
      w.write(2, '----\t----\t--------\n');
      for (const p of ss.ports) w.write(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol}\n`);
    }
    w.write(0, '\n');
  }
  writeEvents(w, ctx.events, ctx.now);
  return w.done();
}

/** The full `kubectl describe endpointslice <name>` text. */
export function describeEndpointSlice(eps: EndpointSlice, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${eps.metadata.name}\n`);
  w.write(0, `Namespace:\t${eps.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', eps.metadata.labels);
  writeAnnotations(w, 'Annotations', eps.metadata.annotations);
  w.write(0, `AddressType:\t${eps.addressType}\n`);
  const ports = eps.ports ?? [];
  if (ports.length === 0) w.write(0, 'Ports: <unset>\n');
  else {
    w.write(0, 'Ports:\n');
    w.write(1, 'Name\tPort\tProtocol\n');
    w.write(1, '----\t----\t--------\n');
    for (const p of ports) {
      w.write(1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol}\n`);
    }
  }
  const endpoints = eps.endpoints ?? [];
  if (endpoints.length === 0) w.write(0, 'Endpoints: <none>\n');
  else {
    w.write(0, 'Endpoints:\n');
    for (const e of endpoints) {
      w.write(1, `- Addresses:\t${e.addresses.join(',') || '<none>'}\n`);
      w.write(2, 'Conditions:\n');
      w.write(3, `Ready:\t${e.conditions?.ready === undefined ? '<unset>' : String(e.conditions.ready)}\n`);
      w.write(2, `Hostname:\t${e.hostname ?? '<unset>'}\n`);
      if (e.targetRef) w.write(2, `TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}\n`);
      w.write(2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
      w.write(2, `Zone:\t${(e as { zone?: string }).zone ?? '<unset>'}\n`);
    }
  }
  writeEvents(w, ctx.events, ctx.now);
  return w.done();
}
