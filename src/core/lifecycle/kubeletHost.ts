/**
 * A node's kubelet going down with its machine (`minikube node stop`) and coming back with it
 * (`minikube node start`), as seen from the pods bound to that node.
 *
 * Going down: the machine's containers die with it and the kubelet's memory is gone, so the lab forgets
 * the node's pod machines; the pod objects keep the last status the kubelet wrote (the API server
 * cannot know better), and kubelet.ts ignores their timers while the node is stopped.
 *
 * Coming back follows kubernetes/kubernetes (release-1.30) pkg/kubelet: on start the kubelet lists
 * the pods bound to it (HandlePodAdditions). A pod that was deleted meanwhile has no container left
 * to stop, so SyncTerminatingPod finishes at once and the status manager removes the object. A pod
 * that was running finds its sandbox gone and its containers exited: they are started again and the
 * restart is counted (kuberuntime computePodActions).
 *
 * Lab differences: the exited containers are reported with exit code 255 at the instant the node
 * starts (upstream: when the runtime stopped them, with the runtime's reason); the pod keeps its IP;
 * no SandboxChanged event is recorded.
 */
import type { Pod } from '../api/types.ts';
import { podsOnNode } from '../controllers/nodelifecycle/nodeLifecycleController.ts';
import type { Simulation } from '../simulation/simulation.ts';
import { dispatch, kubeletKey } from './kubelet.ts';
import { pureInitialTransition } from './machineStep.ts';
import { adoptedContext } from './podAdoption.ts';
import { podMachine } from './podMachine.ts';

/** Exit code the lab reports for containers that died with their node. */
const DIED_WITH_NODE_EXIT_CODE = 255;

/** The node's machine stopped: forgets the lifecycle machines of the pods bound to it. */
export function stopKubeletPods(sim: Simulation, node: string): void {
  for (const pod of podsOnNode(sim, node)) delete sim.state.machines[pod.metadata.uid];
}

/** The node's kubelet started again: finishes deletions and restarts the pods that were running. */
export function restartKubeletPods(sim: Simulation, node: string): void {
  for (const pod of podsOnNode(sim, node)) restartPod(sim, pod);
  sim.drain();
}

function restartPod(sim: Simulation, pod: Pod): void {
  const ns = pod.metadata.namespace ?? 'default';
  if (pod.metadata.deletionTimestamp) {
    sim.api.delete('Pod', ns, pod.metadata.name, { gracePeriodSeconds: 0 });
    return;
  }
  const key = kubeletKey(pod);
  const [initial] = pureInitialTransition(podMachine, { pod });
  sim.state.machines[pod.metadata.uid] = { machine: 'pod', value: initial.value, context: initial.context };
  if (pod.status?.phase !== 'Running') {
    dispatch(sim, key, { type: 'pod.bound' });
    return;
  }
  dispatch(sim, key, { type: 'pod.adopt', context: adoptedContext(pod, initial.context) });
  pod.spec.containers.forEach((_, index) => {
    dispatch(sim, key, { type: 'container.exited', index, exitCode: DIED_WITH_NODE_EXIT_CODE });
  });
}
