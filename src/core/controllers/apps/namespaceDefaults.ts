/**
 * What every namespace gets from kube-controller-manager: the `kube-root-ca.crt` ConfigMap (the
 * root-ca-cert-publisher, kubernetes/kubernetes v1.30 pkg/controller/certificates/rootcacertpublisher
 * publisher.go: data `ca.crt`, the `kubernetes.io/description` annotation; re-created when deleted,
 * restored when changed) and the `default` ServiceAccount (the serviceaccounts-controller,
 * pkg/controller/serviceaccount/serviceaccounts_controller.go; re-created when deleted).
 */
import type { ConfigMap, KubeObject } from '../../api/types.ts';
import { sameJson } from '../../apiserver/apiServer.ts';
import type { Controller, Simulation } from '../../simulation/simulation.ts';
import type { WatchEvent } from '../../store/objectStore.ts';
import { clusterCaPem } from './rootCa.ts';

export const ROOT_CA_PUBLISHER = 'root-ca-cert-publisher';
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

/** The kube-root-ca.crt ConfigMap of a namespace, as the publisher writes it (unsaved). */
export function rootCaConfigMap(sim: Simulation, namespace: string) {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: ROOT_CA_CONFIGMAP,
      namespace,
      annotations: { 'kubernetes.io/description': DESCRIPTION },
    },
    data: { 'ca.crt': clusterCaPem(sim.state.seed) },
  };
}

/** The `default` ServiceAccount of a namespace (unsaved). */
export function defaultServiceAccount(namespace: string) {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } };
}

function liveNamespace(sim: Simulation, ns: string): boolean {
  const n = sim.store.get<KubeObject>('Namespace', undefined, ns);
  return Boolean(n && !n.metadata.deletionTimestamp);
}

function syncNamespace(sim: Simulation, ns: string): void {
  if (!liveNamespace(sim, ns)) return;
  const want = rootCaConfigMap(sim, ns);
  const cm = sim.store.get<ConfigMap>('ConfigMap', ns, ROOT_CA_CONFIGMAP);
  if (!cm) sim.api.create(want);
  else if (
    !sameJson(cm.data, want.data) ||
    cm.metadata.annotations?.['kubernetes.io/description'] !== DESCRIPTION
  )
    sim.api.update<ConfigMap>({
      ...cm,
      data: want.data,
      metadata: {
        ...cm.metadata,
        annotations: { ...(cm.metadata.annotations ?? {}), ...want.metadata.annotations },
      },
    });
  if (!sim.store.get('ServiceAccount', ns, 'default')) sim.api.create(defaultServiceAccount(ns));
}

/** Keeps every namespace's kube-root-ca.crt and default ServiceAccount in place. */
export const namespaceDefaultsController: Controller = {
  name: ROOT_CA_PUBLISHER,
  handle(ev: WatchEvent, sim: Simulation) {
    const o = ev.object;
    if (o.kind === 'Namespace' && ev.type === 'ADDED') sim.enqueue(ROOT_CA_PUBLISHER, o.metadata.name);
    else if (o.kind === 'ConfigMap' && o.metadata.name === ROOT_CA_CONFIGMAP)
      sim.enqueue(ROOT_CA_PUBLISHER, o.metadata.namespace ?? '');
    else if (o.kind === 'ServiceAccount' && o.metadata.name === 'default' && ev.type === 'DELETED')
      sim.enqueue(ROOT_CA_PUBLISHER, o.metadata.namespace ?? '');
  },
  sync: (ns, sim) => syncNamespace(sim, ns),
};
