/**
 * What `minikube start` (v1.33.1, Kubernetes v1.30.0, docker driver, bridge CNI) leaves behind: the
 * node `minikube`, the system namespaces, the `kubernetes` and `kube-dns` services, the control-plane
 * static pods, kube-proxy and CoreDNS, and the default addons storage-provisioner and
 * default-storageclass. Everything is dated at the cluster start, a minute before virtual 0.
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
import { POD_IP_COUNTER } from './podNetwork.ts';
import { createSystemPod } from './systemPods.ts';

/** The host number of the last pod address handed out when the session begins (see file comment). */
export const BOOT_LAST_POD_IP_HOST = 12;

const K8S = 'registry.k8s.io';

/** Builds the freshly started minikube cluster in an empty simulation. */
export function bootstrapMinikube(sim: Simulation): void {
  const t0 = CLUSTER_STARTED_AT;
  for (const ns of SYSTEM_NAMESPACES) createBackdated(sim, namespaceInput(ns), t0);
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
  const staticPod = (component: string, image: string, qos: 'Burstable' | 'BestEffort') =>
    createSystemPod(sim, {
      name: `${component}-minikube`,
      namespace: 'kube-system',
      labels: { component, tier: 'control-plane' },
      containers: [{ name: component, image }],
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      ownerReferences: [nodeOwner],
      createdAtMs: t0 + 2000,
      qosClass: qos,
    });
  staticPod('etcd', `${K8S}/etcd:3.5.12-0`, 'Burstable');
  staticPod('kube-apiserver', `${K8S}/kube-apiserver:v1.30.0`, 'Burstable');
  staticPod('kube-controller-manager', `${K8S}/kube-controller-manager:v1.30.0`, 'Burstable');
  staticPod('kube-scheduler', `${K8S}/kube-scheduler:v1.30.0`, 'Burstable');

  createSystemPod(sim, {
    name: `kube-proxy-${sim.random.alnum(5)}`,
    namespace: 'kube-system',
    labels: { 'k8s-app': 'kube-proxy', 'pod-template-generation': '1' },
    containers: [{ name: 'kube-proxy', image: `${K8S}/kube-proxy:v1.30.0` }],
    hostNetwork: true,
    priorityClassName: 'system-node-critical',
    ownerReferences: [
      {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        name: 'kube-proxy',
        uid: sim.random.uuid(),
        controller: true,
        blockOwnerDeletion: true,
      },
    ],
    createdAtMs: t0 + 14_000,
    qosClass: 'BestEffort',
  });
  createBackdated(sim, kubeDnsService(), t0 + 1000);
  createSystemPod(sim, {
    name: `coredns-7db6d8ff4d-${sim.random.alnum(5)}`,
    namespace: 'kube-system',
    labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': '7db6d8ff4d' },
    containers: [
      {
        name: 'coredns',
        image: `${K8S}/coredns/coredns:v1.11.1`,
        ports: [
          { containerPort: 53, name: 'dns', protocol: 'UDP' },
          { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
          { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
        ],
      },
    ],
    hostNetwork: false,
    priorityClassName: 'system-cluster-critical',
    ownerReferences: [
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: 'coredns-7db6d8ff4d',
        uid: sim.random.uuid(),
        controller: true,
        blockOwnerDeletion: true,
      },
    ],
    createdAtMs: t0 + 14_000,
    qosClass: 'Burstable',
  });
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
