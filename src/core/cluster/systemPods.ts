/**
 * Pods that run before the learner types anything, or that an addon starts: the control-plane
 * static pods, kube-proxy, CoreDNS, storage-provisioner and the storage addons' pods, each created
 * with the status the kubelet had written (Running, Ready). The kubelet adopts pods that are already
 * Running without events. Shapes follow `kubectl get pod -o yaml` of minikube v1.33.1 (Kubernetes
 * v1.30.0, docker driver); the lab keeps only the spec fields learners read.
 */
import type { EnvVar, KubeObject, OwnerReference, Probe, VolumeMount } from '../api/types.ts';
import { toTimestamp } from '../clock/virtualClock.ts';
import type { Simulation } from '../simulation/simulation.ts';
import { createBackdated } from './createBackdated.ts';
import { allocatePodIP, nodeInternalIP, PRIMARY_NODE } from './podNetwork.ts';

export interface SystemContainer {
  name: string;
  image: string;
  ports?: Array<{ containerPort: number; name?: string; protocol: 'TCP' | 'UDP' }>;
  command?: string[];
  args?: string[];
  env?: EnvVar[];
  /** `requests`/`limits` as the manifest writes them (what `describe node` sums) */
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  /** written with every default filled in: the lab's apiserver defaults only liveness/readiness */
  startupProbe?: Probe;
  volumeMounts?: VolumeMount[];
}

/** A pod volume as the system manifests declare them (hostPath and configMap sources). */
export interface SystemVolume {
  name: string;
  hostPath?: { path: string; type?: string };
  configMap?: { name: string; items?: Array<{ key: string; path: string }> };
}

/** A toleration as it appears in a pod spec. */
export interface SystemToleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** The container fields a system manifest sets, in the order the API serialises them. */
export function systemContainerSpec(c: SystemContainer): Record<string, unknown> {
  return {
    name: c.name,
    image: c.image,
    ...(c.command ? { command: c.command } : {}),
    ...(c.args ? { args: c.args } : {}),
    ...(c.ports ? { ports: c.ports } : {}),
    ...(c.env ? { env: c.env } : {}),
    ...(c.resources ? { resources: c.resources } : {}),
    ...(c.volumeMounts ? { volumeMounts: c.volumeMounts } : {}),
    ...(c.livenessProbe ? { livenessProbe: c.livenessProbe } : {}),
    ...(c.readinessProbe ? { readinessProbe: c.readinessProbe } : {}),
    ...(c.startupProbe ? { startupProbe: c.startupProbe } : {}),
  };
}

export interface SystemPodSpec {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  containers: SystemContainer[];
  /** static pods, kube-proxy and storage-provisioner share the node's network (IP = node IP) */
  hostNetwork: boolean;
  priorityClassName?: string;
  volumes?: SystemVolume[];
  /**
   * The pod's tolerations as the real object carries them once admitted (static pods: the kubelet's
   * `:NoExecute op=Exists`; DaemonSet pods: the controller's node-condition tolerations). When set,
   * they replace what the lab's admission computed: these objects were admitted by the real cluster.
   */
  tolerations?: SystemToleration[];
  serviceAccountName?: string;
  /** spec.dnsPolicy (CoreDNS itself resolves through the node: `Default`) */
  dnsPolicy?: string;
  nodeSelector?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  /** virtual ms at which the pod object was created; containers started a few seconds later */
  createdAtMs: number;
  /** restarts already behind it (storage-provisioner restarts once while the apiserver comes up) */
  restartCount?: number;
  qosClass: 'Burstable' | 'BestEffort' | 'Guaranteed';
  /** the node it runs on (default the primary, `minikube`) */
  nodeName?: string;
}

function containerID(sim: Simulation): string {
  return `docker://${sim.random.hex(64)}`;
}

function imageID(sim: Simulation, image: string): string {
  const repo = image.slice(0, image.lastIndexOf(':'));
  return `docker-pullable://${repo}@sha256:${sim.random.hex(64)}`;
}

/**
 * Creates one system pod, Running and Ready, and returns it. Pod-network pods take the next pod IP
 * (see podNetwork.ts); host-network pods show the node's address.
 */
export function createSystemPod(sim: Simulation, spec: SystemPodSpec): KubeObject {
  // Containers start a couple of seconds after the pod object, never in the future.
  const started = Math.min(spec.createdAtMs + 2000, sim.now);
  const node = spec.nodeName ?? PRIMARY_NODE;
  const hostIP = nodeInternalIP(node);
  const ip = spec.hostNetwork ? hostIP : allocatePodIP(sim, node);
  const restarts = spec.restartCount ?? 0;
  const input = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: spec.name,
      namespace: spec.namespace,
      labels: spec.labels,
      ...(spec.ownerReferences ? { ownerReferences: spec.ownerReferences } : {}),
    },
    spec: {
      // Lab difference: no readinessProbe on the pods (their templates keep it). The lab's kubelet
      // would start probing these adopted, already-Ready containers, and the probe ticks' jitter
      // would move the random stream every session depends on.
      containers: spec.containers.map(({ readinessProbe: _ready, ...c }) => ({
        ...systemContainerSpec(c),
        imagePullPolicy: 'IfNotPresent',
      })),
      nodeName: node,
      ...(spec.hostNetwork ? { hostNetwork: true } : {}),
      ...(spec.priorityClassName ? { priorityClassName: spec.priorityClassName } : {}),
      ...(spec.volumes ? { volumes: spec.volumes } : {}),
      ...(spec.tolerations ? { tolerations: spec.tolerations } : {}),
      ...(spec.serviceAccountName ? { serviceAccountName: spec.serviceAccountName } : {}),
      ...(spec.dnsPolicy ? { dnsPolicy: spec.dnsPolicy } : {}),
      ...(spec.nodeSelector ? { nodeSelector: spec.nodeSelector } : {}),
      restartPolicy: 'Always',
    },
  };
  const ts = toTimestamp(started);
  const status = {
    phase: 'Running',
    conditions: (
      ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'] as const
    ).map((type) => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: ts })),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    podIP: ip,
    podIPs: [{ ip }],
    startTime: toTimestamp(spec.createdAtMs),
    containerStatuses: spec.containers.map((c) => ({
      name: c.name,
      state: { running: { startedAt: restarts > 0 ? toTimestamp(started + 30_000) : ts } },
      lastState:
        restarts > 0
          ? {
              terminated: {
                exitCode: 1,
                reason: 'Error',
                startedAt: ts,
                finishedAt: toTimestamp(started + 29_000),
                containerID: containerID(sim),
              },
            }
          : {},
      ready: true,
      restartCount: restarts,
      image: c.image,
      imageID: imageID(sim, c.image),
      containerID: containerID(sim),
      started: true,
    })),
    qosClass: spec.qosClass,
  };
  const tolerations = spec.tolerations;
  return createBackdated(
    sim,
    input,
    spec.createdAtMs,
    status,
    tolerations ? (pod) => ({ ...pod, spec: { ...pod.spec, tolerations } }) : undefined,
  );
}
