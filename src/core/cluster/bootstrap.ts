/**
 * What `minikube start` (v1.33.1, Kubernetes v1.30.0, docker driver, bridge CNI) leaves behind: the
 * node `minikube`, the system namespaces with their `kube-root-ca.crt` ConfigMap and `default`
 * ServiceAccount, the `kubernetes` and `kube-dns` services, the control-plane static pods, the
 * kube-proxy DaemonSet and the CoreDNS Deployment (with its ReplicaSet and ConfigMap) and their
 * pods, and the default addons storage-provisioner and default-storageclass. Everything is dated at the cluster start, a minute before virtual 0.
 *
 * Pod addresses: CoreDNS is the first pod on the pod network (10.244.0.2, as on every fresh
 * minikube). Deliberate difference: the counter is then moved on to 10.244.0.12 — real start-ups and
 * earlier sessions burn addresses on sandboxes the lab does not model (kubeadm's second CoreDNS
 * replica, sandboxes re-created when the runtime restarts), and this choice makes the chapter's own
 * steps (disable two addons, enable csi-hostpath-driver: three pods, then apply) give
 * mariadb-sts-0 the address the chapter shows, 10.244.0.16.
 */
import type { OwnerReference } from '../api/types.ts';
import { toTimestamp } from '../clock/virtualClock.ts';
import type { Simulation } from '../simulation/simulation.ts';
import { ADDONS, enableAddon } from './addons.ts';
import {
  CLUSTER_STARTED_AT,
  kubeDnsService,
  kubernetesEndpoints,
  kubernetesService,
  minikubeNode,
  namespaceInput,
  SYSTEM_NAMESPACES,
} from './clusterObjects.ts';
import { createBackdated } from './createBackdated.ts';
import {
  COREDNS_STRATEGY,
  COREDNS_TEMPLATE,
  KUBE_PROXY_TEMPLATE,
  STATIC_POD_TOLERATIONS,
  STATIC_PODS,
} from './kubeadmManifests.ts';
import { createKubeProxyPod } from './nodes.ts';
import { POD_IP_COUNTER } from './podNetwork.ts';
import { createKubeadmConfig, createNamespaceDefaults } from './systemConfig.ts';
import { createSystemPod } from './systemPods.ts';
import { createSystemDaemonSet, createSystemDeployment, settleSystemStatus } from './systemWorkloads.ts';

/** The host number of the last pod address handed out when the session begins (see file comment). */
export const BOOT_LAST_POD_IP_HOST = 12;

/** The pod-template-hash of minikube v1.33's coredns ReplicaSet (kubeadm's Deployment, 1 replica). */
const COREDNS_HASH = '7db6d8ff4d';

/** Builds the freshly started minikube cluster in an empty simulation. */
export function bootstrapMinikube(sim: Simulation): void {
  const t0 = CLUSTER_STARTED_AT;
  for (const ns of SYSTEM_NAMESPACES) createBackdated(sim, namespaceInput(ns), t0);
  for (const ns of SYSTEM_NAMESPACES) createNamespaceDefaults(sim, ns, t0 + 13_000);
  createKubeadmConfig(sim, t0 + 1000);
  const node = minikubeNode();
  const nodeObj = createBackdated(sim, node.input, t0, node.status);
  createBackdated(sim, kubernetesService(), t0);
  createBackdated(sim, kubernetesEndpoints(), t0);

  const nodeOwner: OwnerReference = {
    apiVersion: 'v1',
    kind: 'Node',
    name: 'minikube',
    uid: nodeObj.metadata.uid,
    controller: true,
  };
  for (const manifest of STATIC_PODS)
    createSystemPod(sim, {
      name: `${manifest.component}-minikube`,
      namespace: 'kube-system',
      labels: { component: manifest.component, tier: 'control-plane' },
      containers: [manifest.container],
      volumes: manifest.volumes,
      tolerations: STATIC_POD_TOLERATIONS,
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      ownerReferences: [nodeOwner],
      createdAtMs: t0 + 2000,
      qosClass: 'Burstable',
    });

  const proxy = createSystemDaemonSet(
    sim,
    'kube-proxy',
    { 'k8s-app': 'kube-proxy' },
    KUBE_PROXY_TEMPLATE,
    t0 + 1000,
  );
  createKubeProxyPod(sim, proxy.podOwner, t0 + 14_000);
  settleSystemStatus(sim, proxy.daemonSet, t0 + 16_000);
  createBackdated(sim, kubeDnsService(), t0 + 1000);
  const dns = createSystemDeployment(
    sim,
    'coredns',
    { 'k8s-app': 'kube-dns' },
    1,
    COREDNS_HASH,
    COREDNS_TEMPLATE,
    t0 + 1000,
    COREDNS_STRATEGY,
  );
  createSystemPod(sim, {
    name: `coredns-${COREDNS_HASH}-${sim.random.alnum(5)}`,
    namespace: 'kube-system',
    labels: { ...COREDNS_TEMPLATE.podLabels, 'pod-template-hash': COREDNS_HASH },
    containers: COREDNS_TEMPLATE.containers,
    volumes: COREDNS_TEMPLATE.volumes,
    serviceAccountName: COREDNS_TEMPLATE.serviceAccountName,
    dnsPolicy: COREDNS_TEMPLATE.dnsPolicy,
    nodeSelector: COREDNS_TEMPLATE.nodeSelector,
    hostNetwork: false,
    priorityClassName: 'system-cluster-critical',
    ownerReferences: [dns.podOwner],
    createdAtMs: t0 + 14_000,
    qosClass: 'Burstable',
  });
  settleSystemStatus(sim, dns.deployment, t0 + 16_000);
  sim.state.counters[POD_IP_COUNTER] = Math.max(
    sim.state.counters[POD_IP_COUNTER] ?? 0,
    BOOT_LAST_POD_IP_HOST,
  );

  for (const addon of ADDONS) {
    sim.state.minikube.addons[addon.name] = false;
    if (addon.defaultEnabled) enableAddon(sim, addon.name, t0 + 16_000);
  }
  sim.drain();
  // The endpoint controllers ran just now; in the real cluster they ran during the start-up.
  for (const kind of ['Endpoints', 'EndpointSlice'])
    for (const o of sim.store.list(kind))
      if (o.metadata.creationTimestamp === sim.timestamp())
        sim.store.put({ ...o, metadata: { ...o.metadata, creationTimestamp: toTimestamp(t0 + 16_000) } });
  // Those writes queue controller work; settle it so the session starts with nothing pending.
  sim.drain();
}
