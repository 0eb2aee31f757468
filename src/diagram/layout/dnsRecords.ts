/**
 * The per-pod DNS records a headless Service publishes, as CoreDNS serves them: one A record
 * `<pod>.<svc>.<ns>.svc.cluster.local` per endpoint that is ready (or every endpoint when the Service
 * sets publishNotReadyAddresses) and has a hostname. Follows shared/spec/statefulset-semantics.md §1.4
 * (CoreDNS kubernetes plugin reading EndpointSlices). When the cluster serves no EndpointSlices at all
 * the lab derives the same answer from the pods (hostname, subdomain, selector, Ready condition).
 */
import { matchesMapSelector } from '../../core/api/labels.ts';
import type { Service } from '../../core/api/types.ts';
import type { ClusterView } from '../../state/clusterView.ts';
import { isPodReady } from '../../state/podStatus.ts';

export interface DnsRecord {
  /** fully qualified name */
  fqdn: string;
  /** the pod's name (the record's first label) */
  pod: string;
  ip: string;
}

/** The cluster domain minikube configures. */
export const CLUSTER_DOMAIN = 'cluster.local';

/** The A records of a headless Service's pods, in pod-name order; none for a Service with a cluster IP. */
export function podDnsRecords(view: ClusterView, svc: Service): DnsRecord[] {
  if (svc.spec.clusterIP !== 'None') return [];
  const ns = svc.metadata.namespace ?? 'default';
  const name = svc.metadata.name;
  const fqdn = (pod: string) => `${pod}.${name}.${ns}.svc.${CLUSTER_DOMAIN}`;
  const publishAll = svc.spec.publishNotReadyAddresses === true;
  const out: DnsRecord[] = [];
  if (view.hasEndpointSlices) {
    for (const slice of view.endpointSlices) {
      if (slice.metadata.namespace !== ns) continue;
      if (slice.metadata.labels?.['kubernetes.io/service-name'] !== name) continue;
      for (const ep of slice.endpoints) {
        if (!ep.hostname || !(publishAll || ep.conditions.ready)) continue;
        for (const ip of ep.addresses) out.push({ fqdn: fqdn(ep.hostname), pod: ep.hostname, ip });
      }
    }
  } else {
    for (const pod of view.pods) {
      if (pod.metadata.namespace !== ns || pod.spec.subdomain !== name) continue;
      if (!svc.spec.selector || !matchesMapSelector(pod.metadata.labels, svc.spec.selector)) continue;
      const ip = pod.status?.podIP;
      if (!ip || !(publishAll || isPodReady(pod)) || pod.metadata.deletionTimestamp) continue;
      const host = pod.spec.hostname ?? pod.metadata.name;
      out.push({ fqdn: fqdn(host), pod: host, ip });
    }
  }
  return out.sort((a, b) => a.pod.localeCompare(b.pod, 'en', { numeric: true }));
}
