/** Cluster-wide kinds and controllers (Namespace, Node, Service, Endpoints, EndpointSlice, Event, garbage collector, endpoints controller, DNS). */
import type { SimulationModule } from '../simulation/simulation.ts';

export const clusterModule: SimulationModule = {};
