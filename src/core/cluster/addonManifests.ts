/**
 * What `minikube addons enable|disable` applies or deletes in the cluster for the addons the lab
 * models: storage-provisioner (its pod; minikube deploy/addons/storage-provisioner), default-storageclass
 * (the `standard` class), csi-hostpath-driver (csi-hostpath-sc and the attacher, plugin and resizer
 * pods; minikube deploy/addons/csi-hostpath-driver since PR #15829 the plugin is a DaemonSet) and
 * volumesnapshots (the snapshot-controller pods). Differences: the addons' own controllers
 * (StatefulSets csi-hostpath-attacher/-resizer, DaemonSet csi-hostpathplugin, Deployment
 * snapshot-controller), RBAC, CRDs and the CSIDriver object are not created; pods owned by an
 * apps/v1 StatefulSet therefore carry no ownerReference (a dangling one would be garbage-collected),
 * while ReplicaSet/DaemonSet owners, which the lab's apiserver does not serve, are kept as references.
 */
import type { KubeObject, ObjectInput, OwnerReference } from '../api/types.ts';
import type { Simulation } from '../simulation/simulation.ts';
import { csiHostpathStorageClass, standardStorageClass } from './clusterObjects.ts';
import { createBackdated } from './createBackdated.ts';
import { createSystemPod } from './systemPods.ts';

/** Creates or deletes one addon's objects. */
export interface AddonManifest {
  apply(sim: Simulation, atMs: number): void;
  remove(sim: Simulation): void;
}

const unservedOwner = (sim: Simulation, kind: string, name: string): OwnerReference => ({
  apiVersion: 'apps/v1',
  kind,
  name,
  uid: sim.random.uuid(),
  controller: true,
  blockOwnerDeletion: true,
});

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

const CSI_LABELS = {
  'app.kubernetes.io/instance': 'hostpath.csi.k8s.io',
  'app.kubernetes.io/part-of': 'csi-driver-host-path',
  'kubernetes.io/minikube-addons': 'csi-hostpath-driver',
};
const SIG = 'registry.k8s.io/sig-storage';

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
        createSystemPod(sim, {
          name: 'csi-hostpath-attacher-0',
          namespace: 'kube-system',
          labels: {
            ...CSI_LABELS,
            'app.kubernetes.io/name': 'csi-hostpath-attacher',
            'app.kubernetes.io/component': 'attacher',
            'statefulset.kubernetes.io/pod-name': 'csi-hostpath-attacher-0',
          },
          containers: [{ name: 'csi-attacher', image: `${SIG}/csi-attacher:v4.0.0` }],
          hostNetwork: false,
          createdAtMs: atMs,
          qosClass: 'BestEffort',
        });
        createSystemPod(sim, {
          name: `csi-hostpathplugin-${sim.random.alnum(5)}`,
          namespace: 'kube-system',
          labels: {
            ...CSI_LABELS,
            'app.kubernetes.io/name': 'csi-hostpathplugin',
            'app.kubernetes.io/component': 'plugin',
          },
          ownerReferences: [unservedOwner(sim, 'DaemonSet', 'csi-hostpathplugin')],
          containers: [
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
          ],
          hostNetwork: false,
          createdAtMs: atMs,
          qosClass: 'BestEffort',
        });
        createSystemPod(sim, {
          name: 'csi-hostpath-resizer-0',
          namespace: 'kube-system',
          labels: {
            ...CSI_LABELS,
            'app.kubernetes.io/name': 'csi-hostpath-resizer',
            'app.kubernetes.io/component': 'resizer',
            'statefulset.kubernetes.io/pod-name': 'csi-hostpath-resizer-0',
          },
          containers: [{ name: 'csi-resizer', image: `${SIG}/csi-resizer:v1.6.0` }],
          hostNetwork: false,
          createdAtMs: atMs,
          qosClass: 'BestEffort',
        });
      }
      createIfAbsent(sim, csiHostpathStorageClass(), atMs);
    },
    remove(sim) {
      deletePods(sim, podsLabelled(sim, 'kubernetes.io/minikube-addons', 'csi-hostpath-driver'));
      if (sim.store.get('StorageClass', undefined, 'csi-hostpath-sc'))
        sim.api.delete('StorageClass', undefined, 'csi-hostpath-sc');
    },
  },
  volumesnapshots: {
    apply(sim, atMs) {
      if (podsLabelled(sim, 'app', 'snapshot-controller').length > 0) return;
      const owner = unservedOwner(sim, 'ReplicaSet', 'snapshot-controller-7d8dd4dd5d');
      for (let i = 0; i < 2; i++)
        createSystemPod(sim, {
          name: `snapshot-controller-7d8dd4dd5d-${sim.random.alnum(5)}`,
          namespace: 'kube-system',
          labels: { app: 'snapshot-controller', 'pod-template-hash': '7d8dd4dd5d' },
          ownerReferences: [owner],
          containers: [{ name: 'snapshot-controller', image: `${SIG}/snapshot-controller:v6.1.0` }],
          hostNetwork: false,
          createdAtMs: atMs,
          qosClass: 'BestEffort',
        });
    },
    remove(sim) {
      deletePods(sim, podsLabelled(sim, 'app', 'snapshot-controller'));
    },
  },
};
