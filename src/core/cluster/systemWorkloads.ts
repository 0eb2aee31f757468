/**
 * The controllers that own the system pods, created the way `minikube start` and the addons leave
 * them: Deployments with their ReplicaSet (coredns, snapshot-controller), DaemonSets (kube-proxy,
 * csi-hostpathplugin) and StatefulSets with their ControllerRevision (csi-hostpath-attacher,
 * csi-hostpath-resizer). Each is created before its pods (the garbage collector deletes pods whose
 * owner does not exist), its pods are then made with createSystemPod, and its status is written as
 * its controller would have it once the pods are up, dated when they were.
 * Templates carry what the manifests set (kubeadm's coredns and kube-proxy: args or command,
 * resources, probes, volumes, priority class, tolerations, node selector). Lab difference: the
 * storage addons' templates keep only names, images and ports.
 */
import type {
  ControllerRevision,
  DaemonSet,
  Deployment,
  KubeObject,
  Labels,
  OwnerReference,
  Pod,
  ReplicaSet,
  StatefulSet,
} from '../api/types.ts';
import { toTimestamp } from '../clock/virtualClock.ts';
import { daemonSetStatus } from '../controllers/apps/daemonSetController.ts';
import { deploymentStatus, POD_TEMPLATE_HASH } from '../controllers/apps/deploymentController.ts';
import { replicaSetStatus } from '../controllers/apps/replicaSetController.ts';
import { controlledBy, controllerRefOf } from '../controllers/apps/workloadPods.ts';
import { newRevision } from '../controllers/statefulset/revisions.ts';
import type { Simulation } from '../simulation/simulation.ts';
import { createBackdated } from './createBackdated.ts';
import {
  type SystemContainer,
  type SystemToleration,
  type SystemVolume,
  systemContainerSpec,
} from './systemPods.ts';

/** What a system workload's pods look like. */
export interface SystemTemplate {
  /** labels of the pods (the selector is `selector`, a subset) */
  podLabels: Labels;
  selector: Labels;
  containers: SystemContainer[];
  hostNetwork?: boolean;
  priorityClassName?: string;
  serviceAccountName?: string;
  /** spec.nodeSelector of the template (kubeadm's add-ons pin `kubernetes.io/os: linux`) */
  nodeSelector?: Labels;
  volumes?: SystemVolume[];
  /** the template's own tolerations (what the manifest writes, before any controller adds more) */
  tolerations?: SystemToleration[];
  dnsPolicy?: string;
}

function template(t: SystemTemplate) {
  return {
    metadata: { labels: t.podLabels },
    spec: {
      containers: t.containers.map(systemContainerSpec),
      ...(t.volumes ? { volumes: t.volumes } : {}),
      ...(t.tolerations ? { tolerations: t.tolerations } : {}),
      ...(t.dnsPolicy ? { dnsPolicy: t.dnsPolicy } : {}),
      ...(t.hostNetwork ? { hostNetwork: true } : {}),
      ...(t.priorityClassName ? { priorityClassName: t.priorityClassName } : {}),
      ...(t.serviceAccountName ? { serviceAccountName: t.serviceAccountName } : {}),
      ...(t.nodeSelector ? { nodeSelector: t.nodeSelector } : {}),
    },
  };
}

/**
 * A Deployment and its ReplicaSet `<name>-<hash>` (`strategy` as the manifest writes it, else the
 * defaults); returns the owner reference its pods carry.
 */
export function createSystemDeployment(
  sim: Simulation,
  name: string,
  labels: Labels,
  replicas: number,
  hash: string,
  t: SystemTemplate,
  atMs: number,
  strategy?: Deployment['spec']['strategy'],
): { deployment: Deployment; replicaSet: ReplicaSet; podOwner: OwnerReference } {
  const deployment = createBackdated<Deployment>(
    sim,
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name,
        namespace: 'kube-system',
        labels,
        annotations: { 'deployment.kubernetes.io/revision': '1' },
      },
      spec: {
        replicas,
        selector: { matchLabels: t.selector },
        template: template(t),
        ...(strategy ? { strategy } : {}),
      },
    },
    atMs,
  );
  const podLabels = { ...t.podLabels, [POD_TEMPLATE_HASH]: hash };
  const replicaSet = createBackdated<ReplicaSet>(
    sim,
    {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${name}-${hash}`,
        namespace: 'kube-system',
        labels: podLabels,
        annotations: {
          'deployment.kubernetes.io/desired-replicas': String(replicas),
          'deployment.kubernetes.io/max-replicas': String(replicas + Math.ceil(replicas / 4)),
          'deployment.kubernetes.io/revision': '1',
        },
        ownerReferences: [controllerRefOf(deployment)],
      },
      spec: {
        replicas,
        selector: { matchLabels: { ...t.selector, [POD_TEMPLATE_HASH]: hash } },
        template: {
          ...deployment.spec.template,
          metadata: { ...deployment.spec.template.metadata, labels: podLabels },
        },
      },
    },
    atMs,
  );
  return { deployment, replicaSet, podOwner: controllerRefOf(replicaSet) };
}

/** A DaemonSet; returns the owner reference its pods carry. */
export function createSystemDaemonSet(
  sim: Simulation,
  name: string,
  labels: Labels,
  t: SystemTemplate,
  atMs: number,
): { daemonSet: DaemonSet; podOwner: OwnerReference } {
  const daemonSet = createBackdated<DaemonSet>(
    sim,
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: {
        name,
        namespace: 'kube-system',
        labels,
        annotations: { 'deprecated.daemonset.template.generation': '1' },
      },
      spec: { selector: { matchLabels: t.selector }, template: template(t) },
    },
    atMs,
  );
  return { daemonSet, podOwner: controllerRefOf(daemonSet) };
}

/**
 * A one-replica StatefulSet and its first ControllerRevision; returns the owner reference and the
 * identity and revision labels its pod carries.
 */
export function createSystemStatefulSet(
  sim: Simulation,
  name: string,
  labels: Labels,
  t: SystemTemplate,
  atMs: number,
): { podOwner: OwnerReference; podLabels: Labels } {
  const set = createBackdated<StatefulSet>(
    sim,
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name, namespace: 'kube-system', labels },
      spec: { serviceName: name, replicas: 1, selector: { matchLabels: t.selector }, template: template(t) },
    },
    atMs,
  );
  const revision = newRevision(set, 1, 0);
  const { uid: _u, resourceVersion: _r, creationTimestamp: _c, ...meta } = revision.metadata;
  createBackdated<ControllerRevision>(sim, { ...revision, metadata: meta }, atMs);
  const podName = `${name}-0`;
  return {
    podOwner: controllerRefOf(set),
    podLabels: {
      ...t.podLabels,
      'apps.kubernetes.io/pod-index': '0',
      'controller-revision-hash': revision.metadata.name,
      'statefulset.kubernetes.io/pod-name': podName,
    },
  };
}

/**
 * Writes the status the owner's controller computes from its pods now, with conditions dated
 * `atMs` (Deployments: from their ReplicaSets, whose status is written first).
 */
export function settleSystemStatus(sim: Simulation, owner: KubeObject, atMs: number): void {
  const fresh = sim.store.get(owner.kind, owner.metadata.namespace, owner.metadata.name);
  if (!fresh) return;
  if (fresh.kind === 'ReplicaSet') {
    const rs = fresh as ReplicaSet;
    sim.api.updateStatus<ReplicaSet>({
      ...rs,
      status: replicaSetStatus(rs, controlledBy<Pod>(sim, 'Pod', rs), sim.now),
    });
  } else if (fresh.kind === 'Deployment') {
    const d = fresh as Deployment;
    const sets = controlledBy<ReplicaSet>(sim, 'ReplicaSet', d);
    for (const rs of sets) settleSystemStatus(sim, rs, atMs);
    const settled = controlledBy<ReplicaSet>(sim, 'ReplicaSet', d);
    sim.api.updateStatus<Deployment>({
      ...d,
      status: deploymentStatus(d, settled, settled[0], toTimestamp(atMs)),
    });
  } else if (fresh.kind === 'DaemonSet') {
    const ds = fresh as DaemonSet;
    const nodes = sim.store.list('Node').map((n) => n.metadata.name);
    sim.api.updateStatus<DaemonSet>({
      ...ds,
      status: daemonSetStatus(ds, controlledBy<Pod>(sim, 'Pod', ds), nodes, sim.now),
    });
  }
}
