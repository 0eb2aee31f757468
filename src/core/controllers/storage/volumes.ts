/**
 * Volume contents: what is written on the backing directory of each provisioned volume, kept in
 * `sim.state.volumes[<volume id>]` (csi volumeHandle, or the hostPath path of minikube-hostpath
 * volumes). Created when a volume is provisioned, removed when a Delete reclaim removes the volume;
 * a Retain volume keeps its files. The pod-shell engineer writes MariaDB data files through
 * `volumeForClaim`.
 */
import type { PersistentVolume, PersistentVolumeClaim } from '../../api/types.ts';
import type { VolumeContent } from '../../simulation/clusterState.ts';
import type { Simulation } from '../../simulation/simulation.ts';

/** The id under which a PV's contents are kept: its CSI volumeHandle or hostPath path. */
export function volumeIdOf(pv: PersistentVolume): string | undefined {
  return pv.spec.csi?.volumeHandle ?? pv.spec.hostPath?.path;
}

/**
 * The contents object of the volume bound to the claim `namespace/claimName`, or undefined while the
 * claim is missing, unbound, or its volume has no contents. The returned object is the live state:
 * writing `files[path] = text` changes the volume (plain data, saved with the cluster).
 */
export function volumeForClaim(
  sim: Simulation,
  namespace: string,
  claimName: string,
): VolumeContent | undefined {
  const pvc = sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, claimName);
  const volumeName = pvc?.spec.volumeName;
  if (pvc?.status?.phase !== 'Bound' || !volumeName) return undefined;
  const pv = sim.store.get<PersistentVolume>('PersistentVolume', undefined, volumeName);
  const id = pv && volumeIdOf(pv);
  return id ? sim.state.volumes[id] : undefined;
}

/** Creates empty contents for a newly provisioned volume (no-op if they exist). */
export function createVolumeContents(sim: Simulation, id: string): void {
  sim.state.volumes[id] ??= { files: {} };
}

/** Removes a volume's contents for good (Delete reclaim). */
export function removeVolumeContents(sim: Simulation, id: string): void {
  delete sim.state.volumes[id];
}
