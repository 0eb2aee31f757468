/**
 * What happens when a node dies: the node lifecycle controller (NotReady, taints, pods not ready) and
 * the taint eviction controller (pods deleted once their tolerations run out), with their timers.
 * Registered in createSimulation's CLUSTER_MODULES.
 */
import type { SimulationModule } from '../../simulation/simulation.ts';
import {
  NODE_MONITOR_TIMER,
  nodeLifecycleController,
  onNodeMonitorTimer,
} from './nodeLifecycleController.ts';
import { onEvictionTimer, TAINT_EVICTION_TIMER, taintEvictionController } from './taintEvictionController.ts';

export const nodeLifecycleModule: SimulationModule = {
  controllers: [nodeLifecycleController, taintEvictionController],
  timers: { [NODE_MONITOR_TIMER]: onNodeMonitorTimer, [TAINT_EVICTION_TIMER]: onEvictionTimer },
};
