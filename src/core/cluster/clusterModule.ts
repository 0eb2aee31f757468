/**
 * Cluster-wide kinds and controllers: the Namespace, Node and Service strategies, the garbage
 * collector, the pod garbage collector's orphan sweep, and the Endpoints and EndpointSlice
 * controllers. Endpoints, EndpointSlice and Event are stored as written. DNS (src/core/dns) is a
 * pure read and needs no controller.
 */
import { endpointSliceController } from '../controllers/endpoints/endpointSliceController.ts';
import { endpointsController } from '../controllers/endpoints/endpointsController.ts';
import { garbageCollector } from '../controllers/gc/garbageCollector.ts';
import type { SimulationModule } from '../simulation/simulation.ts';
import { namespaceStrategy, nodeStrategy } from './clusterStrategies.ts';
import { onOrphanTimer, POD_GC_TIMER, podGarbageCollector } from './podGarbageCollector.ts';
import { serviceStrategy } from './serviceStrategy.ts';

export const clusterModule: SimulationModule = {
  strategies: {
    Namespace: namespaceStrategy,
    Node: nodeStrategy,
    Service: serviceStrategy,
  },
  controllers: [garbageCollector, endpointsController, endpointSliceController, podGarbageCollector],
  timers: { [POD_GC_TIMER]: onOrphanTimer },
};
