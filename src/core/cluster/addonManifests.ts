/**
 * What `minikube addons enable|disable` applies or deletes in the cluster for the addons the lab
 * models: storage-provisioner (its pod; minikube deploy/addons/storage-provisioner), default-storageclass
 * (the `standard` class), csi-hostpath-driver (csi-hostpath-sc, the StatefulSets
 * csi-hostpath-attacher and csi-hostpath-resizer and the DaemonSet csi-hostpathplugin with their
 * pods; minikube deploy/addons/csi-hostpath-driver/deploy, where since PR #15829 the plugin is a
 * DaemonSet) and volumesnapshots (the snapshot-controller Deployment, its ReplicaSet and two pods).
 * Disabling deletes the controllers; their pods go through the garbage collector, as after
 * `kubectl delete -f`. Differences: RBAC, CRDs, the CSIDriver object and the addons' Services and
 * ServiceAccounts are not created; templates carry only names, images and ports.
 */
import type { KubeObject, ObjectInput } from '../api/types.ts';
import type { Simulation } from '../simulation/simulation.ts';
import { csiHostpathStorageClass, standardStorageClass } from './clusterObjects.ts';
import { createBackdated } from './createBackdated.ts';
import { createSystemPod, type SystemContainer } from './systemPods.ts';
import {
  createSystemDaemonSet,
  createSystemDeployment,
  createSystemStatefulSet,
  type SystemTemplate,
  settleSystemStatus,
} from './systemWorkloads.ts';

/** Creates or deletes one addon's objects. */
export interface AddonManifest {
  apply(sim: Simulation, atMs: number): void;
  remove(sim: Simulation): void;
}

function createIfAbsent(sim: Simulation, input: ObjectInput, atMs: number): void {
  const ns = input.metadata.namespace;
  if (!sim.store.get(input.kind, ns, input.metadata.name ?? '')) createBackdated(sim, input, atMs);
}

function podsLabelled(sim: Simulation, key: string, value: string): KubeObject[] {
  return sim.store.list('Pod', 'kube-system').filter((p) => p.metadata.labels?.[key] === value);
}

function deletePods(sim: Simulation, pods: KubeObject[]): void {
  for (const p of pods)
    if (!p.metadata.deletionTimestamp) sim.api.delete('Pod', 'kube-system', p.metadata.name);
}

/** Deletes the addon's controllers (their pods follow through the garbage collector). */
function deleteOwners(sim: Simulation, owners: Array<[string, string]>): void {
  for (const [kind, name] of owners) {
    const o = sim.store.get(kind, 'kube-system', name);
    if (o && !o.metadata.deletionTimestamp) sim.api.delete(kind, 'kube-system', name);
  }
}

const SIG = 'registry.k8s.io/sig-storage';
/** The pod-template-hash of the volumesnapshots addon's snapshot-controller ReplicaSet. */
const SNAPSHOT_HASH = '7d8dd4dd5d';
const ADDON_MANAGED = { 'addonmanager.kubernetes.io/mode': 'Reconcile' };
const CSI_ADDON = { ...ADDON_MANAGED, 'kubernetes.io/minikube-addons': 'csi-hostpath-driver' };

/** A csi-hostpath-driver component's template: its app.kubernetes.io labels select its pods. */
function csiTemplate(
  component: string,
  name: string,
  containers: SystemContainer[],
  addonManaged = false,
): SystemTemplate {
  const selector = {
    'app.kubernetes.io/instance': 'hostpath.csi.k8s.io',
    'app.kubernetes.io/part-of': 'csi-driver-host-path',
    'app.kubernetes.io/name': name,
    'app.kubernetes.io/component': component,
    ...(addonManaged ? ADDON_MANAGED : {}),
  };
  return {
    selector,
    podLabels: { ...selector, 'kubernetes.io/minikube-addons': 'csi-hostpath-driver' },
    containers,
  };
}

const PLUGIN_CONTAINERS: SystemContainer[] = [
  {
    name: 'csi-external-health-monitor-controller',
    image: `${SIG}/csi-external-health-monitor-controller:v0.7.0`,
  },
  { name: 'node-driver-registrar', image: `${SIG}/csi-node-driver-registrar:v2.6.0` },
  {
    name: 'hostpath',
    image: `${SIG}/hostpathplugin:v1.9.0`,
    ports: [{ containerPort: 9898, name: 'healthz', protocol: 'TCP' }],
  },
  { name: 'liveness-probe', image: `${SIG}/livenessprobe:v2.8.0` },
  { name: 'csi-provisioner', image: `${SIG}/csi-provisioner:v3.3.0` },
  { name: 'csi-snapshotter', image: `${SIG}/csi-snapshotter:v6.1.0` },
];

/** The lab's model of each addon that changes cluster objects; others only toggle their flag. */
export const ADDON_MANIFESTS: Record<string, AddonManifest> = {
  'storage-provisioner': {
    apply(sim, atMs) {
      if (sim.store.get('Pod', 'kube-system', 'storage-provisioner')) return;
      createSystemPod(sim, {
        name: 'storage-provisioner',
        namespace: 'kube-system',
        labels: { 'addonmanager.kubernetes.io/mode': 'Reconcile', 'integration-test': 'storage-provisioner' },
        containers: [{ name: 'storage-provisioner', image: 'gcr.io/k8s-minikube/storage-provisioner:v5' }],
        hostNetwork: true,
        createdAtMs: atMs,
        // On `minikube start` it starts before the apiserver answers and restarts once.
        restartCount: atMs < sim.now ? 1 : 0,
        qosClass: 'BestEffort',
      });
    },
    remove(sim) {
      const pod = sim.store.get('Pod', 'kube-system', 'storage-provisioner');
      if (pod) deletePods(sim, [pod]);
    },
  },
  'default-storageclass': {
    apply(sim, atMs) {
      createIfAbsent(sim, standardStorageClass(), atMs);
    },
    remove(sim) {
      if (sim.store.get('StorageClass', undefined, 'standard'))
        sim.api.delete('StorageClass', undefined, 'standard');
    },
  },
  'csi-hostpath-driver': {
    apply(sim, atMs) {
      if (podsLabelled(sim, 'kubernetes.io/minikube-addons', 'csi-hostpath-driver').length === 0) {
        // Sandboxes come up in manifest order (attacher, plugin, resizer), so do their addresses.
        const attacher = createSystemStatefulSet(
          sim,
          'csi-hostpath-attacher',
          CSI_ADDON,
          csiTemplate('attacher', 'csi-hostpath-attacher', [
            { name: 'csi-attacher', image: `${SIG}/csi-attacher:v4.0.0` },
          ]),
          atMs,
        );
        createSystemPod(sim, {
          name: 'csi-hostpath-attacher-0',
          namespace: 'kube-system',
          labels: attacher.podLabels,
          ownerReferences: [attacher.podOwner],
          containers: [{ name: 'csi-attacher', image: `${SIG}/csi-attacher:v4.0.0` }],
          hostNetwork: false,
          createdAtMs: atMs,
          qosClass: 'BestEffort',
        });
        const pluginTemplate = csiTemplate('plugin', 'csi-hostpathplugin', PLUGIN_CONTAINERS, true);
        const plugin = createSystemDaemonSet(
          sim,
          'csi-hostpathplugin',
          { ...pluginTemplate.selector, ...CSI_ADDON },
          pluginTemplate,
          atMs,
        );
        createSystemPod(sim, {
          name: `csi-hostpathplugin-${sim.random.alnum(5)}`,
          namespace: 'kube-system',
          labels: { ...pluginTemplate.podLabels, 'pod-template-generation': '1' },
          ownerReferences: [plugin.podOwner],
          containers: PLUGIN_CONTAINERS,
          hostNetwork: false,
          createdAtMs: atMs,
          qosClass: 'BestEffort',
        });
        const resizer = createSystemStatefulSet(
          sim,
          'csi-hostpath-resizer',
          CSI_ADDON,
          csiTemplate('resizer', 'csi-hostpath-resizer', [
            { name: 'csi-resizer', image: `${SIG}/csi-resizer:v1.6.0` },
          ]),
          atMs,
        );
        createSystemPod(sim, {
          name: 'csi-hostpath-resizer-0',
          namespace: 'kube-system',
          labels: resizer.podLabels,
          ownerReferences: [resizer.podOwner],
          containers: [{ name: 'csi-resizer', image: `${SIG}/csi-resizer:v1.6.0` }],
          hostNetwork: false,
          createdAtMs: atMs,
          qosClass: 'BestEffort',
        });
        const ds = sim.store.get('DaemonSet', 'kube-system', 'csi-hostpathplugin');
        if (ds) settleSystemStatus(sim, ds, atMs);
      }
      createIfAbsent(sim, csiHostpathStorageClass(), atMs);
    },
    remove(sim) {
      deleteOwners(sim, [
        ['StatefulSet', 'csi-hostpath-attacher'],
        ['DaemonSet', 'csi-hostpathplugin'],
        ['StatefulSet', 'csi-hostpath-resizer'],
      ]);
      deletePods(sim, podsLabelled(sim, 'kubernetes.io/minikube-addons', 'csi-hostpath-driver'));
      if (sim.store.get('StorageClass', undefined, 'csi-hostpath-sc'))
        sim.api.delete('StorageClass', undefined, 'csi-hostpath-sc');
    },
  },
  volumesnapshots: {
    apply(sim, atMs) {
      if (podsLabelled(sim, 'app', 'snapshot-controller').length > 0) return;
      const t: SystemTemplate = {
        podLabels: { app: 'snapshot-controller' },
        selector: { app: 'snapshot-controller' },
        containers: [{ name: 'snapshot-controller', image: `${SIG}/snapshot-controller:v6.1.0` }],
      };
      const dep = createSystemDeployment(
        sim,
        'snapshot-controller',
        ADDON_MANAGED,
        2,
        SNAPSHOT_HASH,
        t,
        atMs,
      );
      for (let i = 0; i < 2; i++)
        createSystemPod(sim, {
          name: `snapshot-controller-${SNAPSHOT_HASH}-${sim.random.alnum(5)}`,
          namespace: 'kube-system',
          labels: { app: 'snapshot-controller', 'pod-template-hash': SNAPSHOT_HASH },
          ownerReferences: [dep.podOwner],
          containers: t.containers,
          hostNetwork: false,
          createdAtMs: atMs,
          qosClass: 'BestEffort',
        });
      settleSystemStatus(sim, dep.deployment, atMs);
    },
    remove(sim) {
      deleteOwners(sim, [['Deployment', 'snapshot-controller']]);
      deletePods(sim, podsLabelled(sim, 'app', 'snapshot-controller'));
    },
  },
};
