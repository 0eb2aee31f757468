/**
 * The words the StatefulSet controller uses while it waits for a pod to terminate, with the reason
 * when the wait cannot end by itself: the pod's node is unreachable (its kubelet was stopped, or the
 * node lifecycle controller marked it Ready=Unknown), so no kubelet will confirm the deletion. The
 * same rule as the node lifecycle controller's own waiting entry (nodeLifecycleController.ts
 * explainPod). Lab addition: upstream stateful_set_control.go only logs that it waits for the pod.
 */
import type { KubeObject, Pod } from '../../api/types.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import { isKubeletRunning, nodeReadyStatus } from '../nodelifecycle/nodeHealth.ts';

/** The name of the pod's node when that node exists but cannot be reached, else undefined. */
export function unreachableNodeOf(sim: Simulation, pod: Pod): string | undefined {
  const name = pod.spec.nodeName;
  if (!name) return undefined;
  const node = sim.store.get<KubeObject>('Node', undefined, name);
  if (!node) return undefined;
  const down = nodeReadyStatus(node) === 'Unknown' || !isKubeletRunning(sim.state.minikube, name);
  return down ? name : undefined;
}

/**
 * `waiting for web-1 to terminate`, followed by `(its node minikube-m02 is unreachable: delete it with
 * --grace-period=0 --force)` when the pod's node is unreachable, else by `otherwise` (default none).
 */
export function terminateWaitMessage(sim: Simulation, pod: Pod, otherwise = ''): string {
  const name = pod.metadata.name;
  const node = unreachableNodeOf(sim, pod);
  if (node)
    return `waiting for ${name} to terminate (its node ${node} is unreachable: delete it with --grace-period=0 --force)`;
  return `waiting for ${name} to terminate${otherwise}`;
}
