/**
 * Apiserver strategies for the cluster-wide kinds (kubernetes/kubernetes pkg/registry/core/namespace,
 * node, endpoint; pkg/registry/discovery/endpointslice; core/event): Namespace defaults (the
 * kubernetes.io/metadata.name label, the `kubernetes` finalizer, phase Active) and name rule; Node,
 * Endpoints, EndpointSlice and Event are stored as written. Deliberate simplification: deleting a
 * namespace removes it at once (no Terminating phase or namespace controller).
 */
import type { KubeObject } from '../api/types.ts';
import { invalid } from '../apiserver/fieldErrors.ts';
import type { KindStrategy } from '../apiserver/kindStrategy.ts';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Namespace: label, finalizer and phase defaults; the name must be a DNS label. */
export const namespaceStrategy: KindStrategy = {
  defaults(ns: KubeObject) {
    return {
      ...ns,
      metadata: {
        ...ns.metadata,
        labels: { ...ns.metadata.labels, 'kubernetes.io/metadata.name': ns.metadata.name },
      },
      spec: { finalizers: ['kubernetes'], ...ns.spec },
      status: ns.status ?? { phase: 'Active' },
    };
  },
  validate(ns: KubeObject) {
    const name = ns.metadata.name;
    if (name.length > 63 || !DNS_LABEL.test(name))
      return [
        invalid(
          'metadata.name',
          name,
          `a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
        ),
      ];
    return [];
  },
};

/** Node: status through the status subresource (the kubelet's). */
export const nodeStrategy: KindStrategy = { statusSubresource: true };
