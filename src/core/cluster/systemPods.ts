/**
 * Pods that run before the learner types anything, or that an addon starts: the control-plane
 * static pods, kube-proxy, CoreDNS, storage-provisioner and the storage addons' pods, each created
 * with the status the kubelet had written (Running, Ready). The kubelet adopts pods that are already
 * Running without events. Shapes follow `kubectl get pod -o yaml` of minikube v1.33.1 (Kubernetes
 * v1.30.0, docker driver); the lab keeps only the spec fields learners read.
 */
import type { KubeObject, OwnerReference } from '../api/types.ts';
import { toTimestamp } from '../clock/virtualClock.ts';
import type { Simulation } from '../simulation/simulation.ts';
import { createBackdated } from './createBackdated.ts';
import { allocatePodIP, nodeInternalIP, PRIMARY_NODE } from './podNetwork.ts';

export interface SystemContainer {
  name: string;
  image: string;
  ports?: Array<{ containerPort: number; name?: string; protocol: 'TCP' | 'UDP' }>;
}

export interface SystemPodSpec {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  containers: SystemContainer[];
  /** static pods, kube-proxy and storage-provisioner share the node's network (IP = node IP) */
  hostNetwork: boolean;
  priorityClassName?: string;
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
      containers: spec.containers.map((c) => ({
        name: c.name,
        image: c.image,
        imagePullPolicy: 'IfNotPresent',
        ...(c.ports ? { ports: c.ports } : {}),
      })),
      nodeName: node,
      ...(spec.hostNetwork ? { hostNetwork: true } : {}),
      ...(spec.priorityClassName ? { priorityClassName: spec.priorityClassName } : {}),
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
  return createBackdated(sim, input, spec.createdAtMs, status);
}
