/**
 * Creating objects that existed before the session began. Bootstrap and addon objects go through
 * the apiserver like any other (defaults, validation), then get the creation time they really had
 * (minikube started about a minute before virtual 0) and, for pods, the status the kubelet had
 * already written. The store stamps `now` on create, hence the second write.
 */
import type { KubeObject, ObjectInput } from '../api/types.ts';
import { toTimestamp } from '../clock/virtualClock.ts';
import type { Simulation } from '../simulation/simulation.ts';

/**
 * Creates `input` through the apiserver, then sets its creationTimestamp to virtual `atMs` and (when
 * given) its status. `adjust` rewrites the admitted object in the same write, for fields the real
 * cluster's admission left differently from the lab's (it must not touch metadata). Throws when the
 * apiserver rejects it: bootstrap objects are ours and must be valid.
 */
export function createBackdated<T extends KubeObject = KubeObject>(
  sim: Simulation,
  input: ObjectInput,
  atMs: number,
  status?: unknown,
  adjust?: (admitted: T) => T,
): T {
  const created = sim.api.create<T>(input);
  if (!created.ok) throw new Error(`bootstrap object rejected: ${created.error.message}`);
  const admitted = adjust ? adjust(created.value) : created.value;
  let obj = sim.store.put<T>({
    ...admitted,
    metadata: { ...admitted.metadata, creationTimestamp: toTimestamp(atMs) },
  });
  if (status !== undefined) {
    const written = sim.api.updateStatus<T>({ ...obj, status });
    if (!written.ok) throw new Error(`bootstrap status rejected: ${written.error.message}`);
    obj = written.value;
  }
  return obj;
}
