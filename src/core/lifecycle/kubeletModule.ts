/**
 * Pods: the Pod apiserver strategy, the scheduler that binds pods to the node, and the kubelet that
 * runs each bound pod through its lifecycle (see kubelet.ts, podMachine.ts, controllers/scheduler).
 */
import {
  onSchedulerRetry,
  SCHEDULER_RETRY_TIMER,
  schedulerController,
} from '../controllers/scheduler/scheduler.ts';
import type { SimulationModule } from '../simulation/simulation.ts';
import { KUBELET, kubeletController, onKubeletTimer } from './kubelet.ts';
import { podStrategy } from './podStrategy.ts';

/** The pod half of the cluster, registered in createSimulation's CLUSTER_MODULES. */
export const kubeletModule: SimulationModule = {
  strategies: { Pod: podStrategy as SimulationModule['strategies'] extends infer S ? S[keyof S] : never },
  controllers: [schedulerController, kubeletController],
  timers: { [KUBELET]: onKubeletTimer, [SCHEDULER_RETRY_TIMER]: onSchedulerRetry },
};
