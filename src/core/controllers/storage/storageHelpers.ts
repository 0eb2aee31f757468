/**
 * Small shared reads for the storage controllers: claim keys, which pods use a claim, whether a
 * provisioner's pod runs, and the annotation names of kubernetes/kubernetes
 * pkg/controller/volume/persistentvolume/util (AnnBindCompleted, AnnBoundByController,
 * AnnStorageProvisioner, AnnBetaStorageProvisioner, AnnSelectedNode, AnnDynamicallyProvisioned).
 */
import type { KubeObject, Pod } from '../../api/types.ts';
import type { Simulation } from '../../simulation/simulation.ts';

export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const ANN_PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';

/** `namespace/name` of an object. */
export function keyOf(o: KubeObject): string {
  return o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name;
}

/** Splits `namespace/name`. */
export function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}

/** Claim names a pod mounts. */
export function claimsOfPod(pod: KubeObject): string[] {
  return ((pod as Pod).spec?.volumes ?? [])
    .map((v) => v.persistentVolumeClaim?.claimName)
    .filter((n): n is string => Boolean(n));
}

/**
 * Pods that still use the claim, as the pvc-protection controller counts them
 * (pkg/controller/volume/pvcprotection: scheduled pods that reference it and have not terminated).
 */
export function podsUsingClaim(sim: Simulation, namespace: string, claim: string): Pod[] {
  return sim.store
    .list<Pod>('Pod', namespace)
    .filter(
      (p) =>
        claimsOfPod(p).includes(claim) &&
        Boolean(p.spec?.nodeName) &&
        p.status?.phase !== 'Succeeded' &&
        p.status?.phase !== 'Failed',
    );
}

/** Which kube-system pod runs each provisioner the lab models (by name prefix). */
const PROVISIONER_PODS: Record<string, string> = {
  'k8s.io/minikube-hostpath': 'storage-provisioner',
  'hostpath.csi.k8s.io': 'csi-hostpathplugin-',
};

/** The running, not terminating pod that serves `provisioner`, or undefined when none runs. */
export function provisionerPod(sim: Simulation, provisioner: string): Pod | undefined {
  const prefix = PROVISIONER_PODS[provisioner];
  if (!prefix) return undefined;
  return sim.store
    .list<Pod>('Pod', 'kube-system')
    .find(
      (p) =>
        p.metadata.name.startsWith(prefix) && p.status?.phase === 'Running' && !p.metadata.deletionTimestamp,
    );
}

/** True when a timer of that type for that key is pending (to avoid scheduling it twice). */
export function hasTimer(sim: Simulation, type: string, key: string): boolean {
  return sim.state.timers.some((t) => t.type === type && t.key === key);
}
