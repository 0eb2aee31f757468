/**
 * The API objects `minikube start` (v1.33.1, Kubernetes v1.30.0, docker driver) leaves behind, as
 * `kubectl get -o yaml` shows them on a fresh profile: the nodes (primary and workers), the four namespaces, the
 * `kubernetes` and `kube-dns` services and the `standard` StorageClass of the default-storageclass
 * addon (kubernetes/minikube deploy/addons/storageclass/storageclass.yaml.tmpl). Pure factories.
 */
import type { ObjectInput } from '../api/types.ts';
import { toTimestamp } from '../clock/virtualClock.ts';
import { NODE_IP, nodeInternalIP, POD_CIDR, PRIMARY_NODE } from './podNetwork.ts';

/** minikube's start time relative to the session (virtual ms); the session begins a minute later. */
export const CLUSTER_STARTED_AT = -60_000;

/** Per-machine identifiers a node reports in status.nodeInfo. */
export interface MachineIds {
  bootID: string;
  machineID: string;
  systemUUID: string;
}

/** The primary node's identifiers (a real minikube v1.33.1 profile's). */
const PRIMARY_IDS: MachineIds = {
  bootID: '4664b7ae-058d-412e-a82c-84662fd48ba8',
  machineID: '7158a9563d2b4a4788d310457c7b66f2',
  systemUUID: '57cd6b0e-7afd-4ea1-90ca-c8a530d56cb7',
};

/** The node object of the single-node minikube cluster; `updated_at` is minikube's label format. */
export function minikubeNode(): { input: ObjectInput; status: unknown } {
  return nodeObject(PRIMARY_NODE, POD_CIDR, CLUSTER_STARTED_AT, PRIMARY_IDS);
}

/**
 * A minikube node as kubeadm and minikube label it (kubernetes/minikube pkg/minikube/bootstrapper/
 * kubeadm applyNodeLabels): every node has the minikube.k8s.io labels, `primary=true` only on the
 * first; the control-plane role and exclude-from-external-load-balancers labels only on the primary
 * (workers show ROLES `<none>`). The docker driver's nodes all report the host's CPUs and memory.
 */
export function nodeObject(
  name: string,
  podCIDR: string,
  createdAtMs: number,
  ids: MachineIds,
): { input: ObjectInput; status: unknown } {
  const primary = name === PRIMARY_NODE;
  const t = toTimestamp(createdAtMs);
  const updatedAt = t.replace(/-/g, '_').replace(/:/g, '_').replace('Z', '_0700');
  const resources = {
    cpu: '2',
    'ephemeral-storage': '35804172Ki',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: '3921592Ki',
    pods: '110',
  };
  const condition = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: t,
    lastTransitionTime: t,
    reason,
    message,
  });
  const roleLabels: Record<string, string> = primary
    ? {
        'node-role.kubernetes.io/control-plane': '',
        'node.kubernetes.io/exclude-from-external-load-balancers': '',
      }
    : {};
  return {
    input: {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        labels: {
          'beta.kubernetes.io/arch': 'amd64',
          'beta.kubernetes.io/os': 'linux',
          'kubernetes.io/arch': 'amd64',
          'kubernetes.io/hostname': name,
          'kubernetes.io/os': 'linux',
          'minikube.k8s.io/commit': '5883c09216182566a63dff4c326a6fc9ed2982ff',
          'minikube.k8s.io/name': 'minikube',
          'minikube.k8s.io/primary': String(primary),
          'minikube.k8s.io/updated_at': updatedAt,
          'minikube.k8s.io/version': 'v1.33.1',
          ...roleLabels,
        },
        annotations: {
          'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/cri-dockerd.sock',
          'node.alpha.kubernetes.io/ttl': '0',
          'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        },
      },
      spec: { podCIDR, podCIDRs: [podCIDR] },
    },
    status: {
      addresses: [
        { address: nodeInternalIP(name), type: 'InternalIP' },
        { address: name, type: 'Hostname' },
      ],
      allocatable: resources,
      capacity: resources,
      conditions: [
        condition(
          'MemoryPressure',
          'False',
          'KubeletHasSufficientMemory',
          'kubelet has sufficient memory available',
        ),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: ids.bootID,
        containerRuntimeVersion: 'docker://26.1.1',
        kernelVersion: '5.15.0-107-generic',
        kubeProxyVersion: 'v1.30.0',
        kubeletVersion: 'v1.30.0',
        machineID: ids.machineID,
        operatingSystem: 'linux',
        osImage: 'Ubuntu 22.04.4 LTS',
        systemUUID: ids.systemUUID,
      },
    },
  };
}

/** The namespaces of a fresh cluster, in the order `kubectl get ns` lists them. */
export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'] as const;

/** A Namespace as the apiserver stores it (kubernetes.io/metadata.name label, kubernetes finalizer). */
export function namespaceInput(name: string): ObjectInput {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

/** The `kubernetes` service in default (the apiserver's own; no selector, endpoints point at the node). */
export function kubernetesService(): ObjectInput {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { component: 'apiserver', provider: 'kubernetes' },
    },
    spec: {
      clusterIP: '10.96.0.1',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 }],
      type: 'ClusterIP',
    },
  };
}

/** The `kube-dns` service in kube-system in front of CoreDNS (kubeadm's addon manifest). */
export function kubeDnsService(): ObjectInput {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: {
        'k8s-app': 'kube-dns',
        'kubernetes.io/cluster-service': 'true',
        'kubernetes.io/name': 'CoreDNS',
      },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: '10.96.0.10',
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      selector: { 'k8s-app': 'kube-dns' },
      type: 'ClusterIP',
    },
  };
}

/** Endpoints of `kubernetes`: the apiserver on the node (minikube's apiserver port 8443). */
export function kubernetesEndpoints(): ObjectInput {
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' },
    },
    subsets: [{ addresses: [{ ip: NODE_IP }], ports: [{ name: 'https', port: 8443, protocol: 'TCP' }] }],
  };
}

/** The default-storageclass addon's class (minikube deploy/addons/storageclass/storageclass.yaml.tmpl). */
export function standardStorageClass(): ObjectInput {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name: 'standard',
      labels: { 'addonmanager.kubernetes.io/mode': 'EnsureExists' },
      annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
    },
    provisioner: 'k8s.io/minikube-hostpath',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
  };
}

/**
 * The csi-hostpath-driver addon's class (csi-hostpath-storageclass.yaml.tmpl: no labels, no
 * allowVolumeExpansion). minikube installs addons with `kubectl apply`, which leaves the manifest,
 * keys sorted and an empty annotations map, in `kubectl.kubernetes.io/last-applied-configuration`.
 */
export function csiHostpathStorageClass(): ObjectInput {
  const manifest = {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'csi-hostpath-sc' },
    provisioner: 'hostpath.csi.k8s.io',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
  };
  const applied = { ...manifest, metadata: { annotations: {}, ...manifest.metadata } };
  return {
    ...manifest,
    metadata: {
      ...manifest.metadata,
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': `${JSON.stringify(applied)}\n` },
    },
  };
}
