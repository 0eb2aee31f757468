/**
 * The configuration objects `minikube start` leaves in the cluster besides the workloads: the
 * `kube-root-ca.crt` ConfigMap and `default` ServiceAccount of every system namespace (written by
 * kube-controller-manager as the namespaces appear), the `coredns` and `kube-proxy` ServiceAccounts
 * kubeadm creates, and the `coredns` ConfigMap: kubeadm 1.30's Corefile
 * (cmd/kubeadm/app/phases/addons/dns/manifests.go CoreDNSConfigMap) as minikube v1.33 edits it
 * (pkg/minikube/bootstrapper/kubeadm addHostAliasCommand: `log` before `errors`, a `hosts` block
 * mapping host.minikube.internal to the docker network's gateway before `forward`).
 * Lab difference: kubeadm's other kube-system ConfigMaps (kubeadm-config, kubelet-config,
 * kube-proxy, extension-apiserver-authentication, ...) and the controller-manager's per-controller
 * ServiceAccounts are not created.
 */
import { defaultServiceAccount, rootCaConfigMap } from '../controllers/apps/namespaceDefaults.ts';
import type { Simulation } from '../simulation/simulation.ts';
import { createBackdated } from './createBackdated.ts';

/** The docker driver network's gateway, as host.minikube.internal resolves. */
export const HOST_GATEWAY_IP = '192.168.49.1';

/** The Corefile of the coredns ConfigMap on a fresh minikube v1.33 profile. */
export const MINIKUBE_COREFILE = `.:53 {
    log
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    hosts {
       ${HOST_GATEWAY_IP} host.minikube.internal
       fallthrough
    }
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30
    loop
    reload
    loadbalance
}
`;

/** The root CA ConfigMap and default ServiceAccount of a namespace that exists since `atMs`. */
export function createNamespaceDefaults(sim: Simulation, namespace: string, atMs: number): void {
  createBackdated(sim, rootCaConfigMap(sim, namespace), atMs);
  createBackdated(sim, defaultServiceAccount(namespace), atMs);
}

/** kubeadm's CoreDNS and kube-proxy ServiceAccounts and the coredns ConfigMap. */
export function createKubeadmConfig(sim: Simulation, atMs: number): void {
  createBackdated(
    sim,
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'coredns', namespace: 'kube-system' },
      data: { Corefile: MINIKUBE_COREFILE },
    },
    atMs,
  );
  for (const name of ['coredns', 'kube-proxy'])
    createBackdated(
      sim,
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: 'kube-system' } },
      atMs,
    );
}
