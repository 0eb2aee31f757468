/**
 * What the page and the lessons may do to a running pod's containers, and the readiness predicates
 * others read. Each action goes through the pod's lifecycle machine, so events, statuses and timers
 * follow exactly as if the container had done it by itself.
 */
import type { Pod } from '../api/types.ts';
import type { Simulation } from '../simulation/simulation.ts';
import { sendToPod } from './kubelet.ts';

function podOf(sim: Simulation, namespace: string, name: string): Pod | undefined {
  return sim.store.get<Pod>('Pod', namespace, name);
}

/**
 * Makes the pod's readiness fail (`failing: true`) or recover. Containers with a readiness probe
 * become unready after failureThreshold failed probes (Unhealthy events), and ready again at the
 * next passing probe; containers without a probe change at once. Returns false when the pod is
 * unknown or not on the node.
 */
export function failReadiness(sim: Simulation, namespace: string, name: string, failing: boolean): boolean {
  const pod = podOf(sim, namespace, name);
  return pod ? sendToPod(sim, pod, { type: 'readiness.set', failing }) : false;
}

/**
 * Crashes the pod's first running container (exit code 1, reason Error); it restarts under the
 * pod's restartPolicy with the kubelet's back-off (at once, then 10 s, 20 s, ... 300 s, shown as
 * CrashLoopBackOff). Returns false when no container runs.
 */
export function crashContainer(sim: Simulation, namespace: string, name: string): boolean {
  return exitContainer(sim, namespace, name, 1);
}

/**
 * Ends the main process of the pod's first running container with `exitCode` — what happens when a
 * `kubectl run -it ... -- bash` session ends: exit 0 is Completed, anything else Error, and the
 * container restarts per restartPolicy (`my-client 1/1 Running 1 (21s ago)`). Returns false when no
 * container runs.
 */
export function exitContainer(sim: Simulation, namespace: string, name: string, exitCode: number): boolean {
  const pod = podOf(sim, namespace, name);
  if (!pod) return false;
  const index = (pod.status?.containerStatuses ?? []).findIndex((s) => s.state.running !== undefined);
  if (index < 0) return false;
  return sendToPod(sim, pod, { type: 'container.exited', index, exitCode });
}

/** True when the pod's Ready condition is True (podutil.IsPodReady). */
export function podIsReady(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** True when the pod is Running and Ready — what a StatefulSet waits for (isRunningAndReady). */
export function podIsRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && podIsReady(pod);
}
