/**
 * What kubeadm (Kubernetes v1.30.0, as minikube v1.33.1 runs it with its own ClusterConfiguration:
 * certificates under /var/lib/minikube/certs, leader election off, etcd's proxy-refresh-interval)
 * writes for the control plane and its add-ons: the static pods' commands, resources, probes and
 * hostPath volumes (cmd/kubeadm/app/phases/controlplane/manifests.go and etcd/local.go), the CoreDNS
 * Deployment template (phases/addons/dns/manifests.go) and the kube-proxy DaemonSet template
 * (phases/addons/proxy/manifests.go).
 * Lab differences: security contexts, the CoreDNS pod anti-affinity and the static pods' annotations
 * (config hash, mirror) are left out, since neither `describe` nor the lab's scheduler reads them.
 */
import type { Probe } from '../api/types.ts';
import type { SystemContainer, SystemToleration, SystemVolume } from './systemPods.ts';
import type { SystemTemplate } from './systemWorkloads.ts';

const K8S = 'registry.k8s.io';
const NODE_IP = '192.168.49.2';
const CERTS = '/var/lib/minikube/certs';

/** kubeadm's probe timings for control-plane components (delay 10s, timeout 15s, every 10s). */
function componentProbe(host: string, port: number, path: string, scheme: string, failures: number): Probe {
  return {
    httpGet: { host, path, port, scheme } as Probe['httpGet'],
    initialDelaySeconds: 10,
    timeoutSeconds: 15,
    periodSeconds: 10,
    successThreshold: 1,
    failureThreshold: failures,
  };
}

function hostPath(name: string, path: string, type: string): SystemVolume {
  return { name, hostPath: { path, type } };
}

/** The CA bundles every control-plane component mounts read-only. */
const CA_VOLUMES: SystemVolume[] = [
  hostPath('ca-certs', '/etc/ssl/certs', 'DirectoryOrCreate'),
  hostPath('etc-ca-certificates', '/etc/ca-certificates', 'DirectoryOrCreate'),
  hostPath('k8s-certs', CERTS, 'DirectoryOrCreate'),
  hostPath('usr-local-share-ca-certificates', '/usr/local/share/ca-certificates', 'DirectoryOrCreate'),
  hostPath('usr-share-ca-certificates', '/usr/share/ca-certificates', 'DirectoryOrCreate'),
];

function mountsOf(volumes: SystemVolume[], readOnly: (name: string) => boolean) {
  return volumes.map((v) => ({
    name: v.name,
    mountPath: v.hostPath?.path ?? '',
    ...(readOnly(v.name) ? { readOnly: true } : {}),
  }));
}

/** One control-plane static pod: its container, volumes and QoS class. */
export interface StaticPodManifest {
  component: string;
  container: SystemContainer;
  volumes: SystemVolume[];
}

const ETCD_VOLUMES = [
  hostPath('etcd-certs', `${CERTS}/etcd`, 'DirectoryOrCreate'),
  hostPath('etcd-data', '/var/lib/minikube/etcd', 'DirectoryOrCreate'),
];
const ETCD_HEALTH = '/health?exclude=NOSPACE&serializable=true';

const APISERVER_ARGS = [
  `--advertise-address=${NODE_IP}`,
  '--allow-privileged=true',
  '--authorization-mode=Node,RBAC',
  `--client-ca-file=${CERTS}/ca.crt`,
  '--enable-admission-plugins=NamespaceLifecycle,LimitRanger,ServiceAccount,DefaultStorageClass,DefaultTolerationSeconds,NodeRestriction,MutatingAdmissionWebhook,ValidatingAdmissionWebhook,ResourceQuota',
  '--enable-bootstrap-token-auth=true',
  `--etcd-cafile=${CERTS}/etcd/ca.crt`,
  `--etcd-certfile=${CERTS}/apiserver-etcd-client.crt`,
  `--etcd-keyfile=${CERTS}/apiserver-etcd-client.key`,
  '--etcd-servers=https://127.0.0.1:2379',
  `--kubelet-client-certificate=${CERTS}/apiserver-kubelet-client.crt`,
  `--kubelet-client-key=${CERTS}/apiserver-kubelet-client.key`,
  '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
  `--proxy-client-cert-file=${CERTS}/front-proxy-client.crt`,
  `--proxy-client-key-file=${CERTS}/front-proxy-client.key`,
  '--requestheader-allowed-names=front-proxy-client',
  `--requestheader-client-ca-file=${CERTS}/front-proxy-ca.crt`,
  '--requestheader-extra-headers-prefix=X-Remote-Extra-',
  '--requestheader-group-headers=X-Remote-Group',
  '--requestheader-username-headers=X-Remote-User',
  '--secure-port=8443',
  '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
  `--service-account-key-file=${CERTS}/sa.pub`,
  `--service-account-signing-key-file=${CERTS}/sa.key`,
  '--service-cluster-ip-range=10.96.0.0/12',
  `--tls-cert-file=${CERTS}/apiserver.crt`,
  `--tls-private-key-file=${CERTS}/apiserver.key`,
];

const CONTROLLER_MANAGER_VOLUMES = [
  ...CA_VOLUMES.slice(0, 2),
  hostPath('flexvolume-dir', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', 'DirectoryOrCreate'),
  CA_VOLUMES[2],
  hostPath('kubeconfig', '/etc/kubernetes/controller-manager.conf', 'FileOrCreate'),
  ...CA_VOLUMES.slice(3),
] as SystemVolume[];

/** The four static pods in the order the kubelet starts them. */
export const STATIC_PODS: StaticPodManifest[] = [
  {
    component: 'etcd',
    container: {
      name: 'etcd',
      image: `${K8S}/etcd:3.5.12-0`,
      command: [
        'etcd',
        `--advertise-client-urls=https://${NODE_IP}:2379`,
        `--cert-file=${CERTS}/etcd/server.crt`,
        '--client-cert-auth=true',
        '--data-dir=/var/lib/minikube/etcd',
        '--experimental-initial-corrupt-check=true',
        '--experimental-watch-progress-notify-interval=5s',
        `--initial-advertise-peer-urls=https://${NODE_IP}:2380`,
        `--initial-cluster=minikube=https://${NODE_IP}:2380`,
        `--key-file=${CERTS}/etcd/server.key`,
        `--listen-client-urls=https://127.0.0.1:2379,https://${NODE_IP}:2379`,
        '--listen-metrics-urls=http://127.0.0.1:2381',
        `--listen-peer-urls=https://${NODE_IP}:2380`,
        '--name=minikube',
        `--peer-cert-file=${CERTS}/etcd/peer.crt`,
        '--peer-client-cert-auth=true',
        `--peer-key-file=${CERTS}/etcd/peer.key`,
        `--peer-trusted-ca-file=${CERTS}/etcd/ca.crt`,
        '--proxy-refresh-interval=70000',
        '--snapshot-count=10000',
        `--trusted-ca-file=${CERTS}/etcd/ca.crt`,
      ],
      resources: { requests: { cpu: '100m', memory: '100Mi' } },
      livenessProbe: componentProbe('127.0.0.1', 2381, ETCD_HEALTH, 'HTTP', 8),
      startupProbe: componentProbe('127.0.0.1', 2381, ETCD_HEALTH, 'HTTP', 24),
      volumeMounts: mountsOf(ETCD_VOLUMES, () => false),
    },
    volumes: ETCD_VOLUMES,
  },
  {
    component: 'kube-apiserver',
    container: {
      name: 'kube-apiserver',
      image: `${K8S}/kube-apiserver:v1.30.0`,
      command: ['kube-apiserver', ...APISERVER_ARGS],
      resources: { requests: { cpu: '250m' } },
      livenessProbe: componentProbe(NODE_IP, 8443, '/livez', 'HTTPS', 8),
      readinessProbe: {
        httpGet: { host: NODE_IP, path: '/readyz', port: 8443, scheme: 'HTTPS' } as Probe['httpGet'],
        timeoutSeconds: 15,
        periodSeconds: 1,
        successThreshold: 1,
        failureThreshold: 3,
      },
      startupProbe: componentProbe(NODE_IP, 8443, '/livez', 'HTTPS', 24),
      volumeMounts: mountsOf(CA_VOLUMES, () => true),
    },
    volumes: CA_VOLUMES,
  },
  {
    component: 'kube-controller-manager',
    container: {
      name: 'kube-controller-manager',
      image: `${K8S}/kube-controller-manager:v1.30.0`,
      command: [
        'kube-controller-manager',
        '--allocate-node-cidrs=true',
        '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--bind-address=127.0.0.1',
        `--client-ca-file=${CERTS}/ca.crt`,
        '--cluster-cidr=10.244.0.0/16',
        '--cluster-name=mk',
        `--cluster-signing-cert-file=${CERTS}/ca.crt`,
        `--cluster-signing-key-file=${CERTS}/ca.key`,
        '--controllers=*,bootstrapsigner,tokencleaner',
        '--kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--leader-elect=false',
        `--requestheader-client-ca-file=${CERTS}/front-proxy-ca.crt`,
        `--root-ca-file=${CERTS}/ca.crt`,
        `--service-account-private-key-file=${CERTS}/sa.key`,
        '--service-cluster-ip-range=10.96.0.0/12',
        '--use-service-account-credentials=true',
      ],
      resources: { requests: { cpu: '200m' } },
      livenessProbe: componentProbe('127.0.0.1', 10257, '/healthz', 'HTTPS', 8),
      startupProbe: componentProbe('127.0.0.1', 10257, '/healthz', 'HTTPS', 24),
      volumeMounts: mountsOf(CONTROLLER_MANAGER_VOLUMES, (n) => n !== 'flexvolume-dir'),
    },
    volumes: CONTROLLER_MANAGER_VOLUMES,
  },
  {
    component: 'kube-scheduler',
    container: {
      name: 'kube-scheduler',
      image: `${K8S}/kube-scheduler:v1.30.0`,
      command: [
        'kube-scheduler',
        '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf',
        '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf',
        '--bind-address=127.0.0.1',
        '--kubeconfig=/etc/kubernetes/scheduler.conf',
        '--leader-elect=false',
      ],
      resources: { requests: { cpu: '100m' } },
      livenessProbe: componentProbe('127.0.0.1', 10259, '/healthz', 'HTTPS', 8),
      startupProbe: componentProbe('127.0.0.1', 10259, '/healthz', 'HTTPS', 24),
      volumeMounts: [{ name: 'kubeconfig', mountPath: '/etc/kubernetes/scheduler.conf', readOnly: true }],
    },
    volumes: [hostPath('kubeconfig', '/etc/kubernetes/scheduler.conf', 'FileOrCreate')],
  },
];

/** The kubelet gives every static pod this toleration (pkg/kubelet/config/common.go). */
export const STATIC_POD_TOLERATIONS: SystemToleration[] = [{ operator: 'Exists', effect: 'NoExecute' }];

export const KUBE_PROXY_TEMPLATE: SystemTemplate = {
  podLabels: { 'k8s-app': 'kube-proxy' },
  selector: { 'k8s-app': 'kube-proxy' },
  containers: [
    {
      name: 'kube-proxy',
      image: `${K8S}/kube-proxy:v1.30.0`,
      command: [
        '/usr/local/bin/kube-proxy',
        '--config=/var/lib/kube-proxy/config.conf',
        '--hostname-override=$(NODE_NAME)',
      ],
      env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
      volumeMounts: [
        { mountPath: '/var/lib/kube-proxy', name: 'kube-proxy' },
        { mountPath: '/run/xtables.lock', name: 'xtables-lock' },
        { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
      ],
    },
  ],
  volumes: [
    { name: 'kube-proxy', configMap: { name: 'kube-proxy' } },
    hostPath('xtables-lock', '/run/xtables.lock', 'FileOrCreate'),
    hostPath('lib-modules', '/lib/modules', ''),
  ],
  tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { operator: 'Exists' }],
  hostNetwork: true,
  priorityClassName: 'system-node-critical',
  serviceAccountName: 'kube-proxy',
  nodeSelector: { 'kubernetes.io/os': 'linux' },
};

/**
 * What the DaemonSet controller adds to a daemon pod's tolerations
 * (pkg/controller/daemon/util AddOrUpdateDaemonPodTolerations; network-unavailable for host-network pods).
 */
export function daemonPodTolerations(t: SystemTemplate): SystemToleration[] {
  const add = (key: string, effect: string): SystemToleration => ({ key, operator: 'Exists', effect });
  return [
    ...(t.tolerations ?? []),
    add('node.kubernetes.io/not-ready', 'NoExecute'),
    add('node.kubernetes.io/unreachable', 'NoExecute'),
    add('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    add('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    add('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    add('node.kubernetes.io/unschedulable', 'NoSchedule'),
    ...(t.hostNetwork ? [add('node.kubernetes.io/network-unavailable', 'NoSchedule')] : []),
  ];
}

/** kubeadm's CoreDNS rollout: one pod may be down at a time (maxSurge keeps its 25% default). */
export const COREDNS_STRATEGY = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } } as const;

export const COREDNS_TEMPLATE: SystemTemplate = {
  podLabels: { 'k8s-app': 'kube-dns' },
  selector: { 'k8s-app': 'kube-dns' },
  containers: [
    {
      name: 'coredns',
      image: `${K8S}/coredns/coredns:v1.11.1`,
      args: ['-conf', '/etc/coredns/Corefile'],
      ports: [
        { containerPort: 53, name: 'dns', protocol: 'UDP' },
        { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
        { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
      ],
      resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
      volumeMounts: [{ name: 'config-volume', mountPath: '/etc/coredns', readOnly: true }],
      // 1.30's manifest names the probe ports by number (named ports came with a later kubeadm).
      livenessProbe: {
        httpGet: { path: '/health', port: 8080, scheme: 'HTTP' } as Probe['httpGet'],
        initialDelaySeconds: 60,
        timeoutSeconds: 5,
        successThreshold: 1,
        failureThreshold: 5,
      },
      readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' } as Probe['httpGet'] },
    },
  ],
  volumes: [
    { name: 'config-volume', configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }] } },
  ],
  tolerations: [
    { key: 'CriticalAddonsOnly', operator: 'Exists' },
    { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
  ],
  dnsPolicy: 'Default',
  priorityClassName: 'system-cluster-critical',
  serviceAccountName: 'coredns',
  nodeSelector: { 'kubernetes.io/os': 'linux' },
};
