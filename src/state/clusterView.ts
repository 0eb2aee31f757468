/**
 * The cluster as the page shows it: plain lists of the API objects the diagram, inspector and timeline
 * read, copied out of the simulation's state once per frame by the bridge. Objects are shared by
 * reference because the core's ObjectStore never mutates a stored object (every write stores a new
 * one), so a list copy is a stable snapshot; the lists themselves are new arrays each time.
 */
import type {
  ControllerRevision,
  EndpointSlice,
  KubeEvent,
  KubeObject,
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  Service,
  StatefulSet,
} from '../core/api/types.ts';
import type { ClusterState, Decision, WaitReason } from '../core/simulation/clusterState.ts';

/** A controller wait, with the controller key it belongs to. */
export interface WaitView extends WaitReason {
  key: string;
}

/** Everything the page draws, as plain serialisable data. */
export interface ClusterView {
  /** virtual ms at which the view was taken */
  now: number;
  /** false while no cluster exists (after `minikube delete`) */
  reachable: boolean;
  statefulSets: StatefulSet[];
  pods: Pod[];
  claims: PersistentVolumeClaim[];
  volumes: PersistentVolume[];
  services: Service[];
  endpointSlices: EndpointSlice[];
  /** true when the cluster serves EndpointSlices at all (then DNS follows them, not pod readiness) */
  hasEndpointSlices: boolean;
  nodes: Node[];
  events: KubeEvent[];
  revisions: ControllerRevision[];
  waiting: WaitView[];
  decisions: Decision[];
}

/** An empty view, before the first flush. */
export function emptyClusterView(): ClusterView {
  return {
    now: 0,
    reachable: true,
    statefulSets: [],
    pods: [],
    claims: [],
    volumes: [],
    services: [],
    endpointSlices: [],
    hasEndpointSlices: false,
    nodes: [],
    events: [],
    revisions: [],
    waiting: [],
    decisions: [],
  };
}

function listOf<T extends KubeObject>(state: ClusterState, kind: string): T[] {
  return Object.values(state.objects[kind] ?? {}) as T[];
}

/** Copies the lists the page needs out of a cluster state. Changes nothing. */
export function toClusterView(
  state: ClusterState,
  reachable = state.minikube.host === 'Running',
): ClusterView {
  return {
    now: state.now,
    reachable,
    statefulSets: listOf<StatefulSet>(state, 'StatefulSet'),
    pods: listOf<Pod>(state, 'Pod'),
    claims: listOf<PersistentVolumeClaim>(state, 'PersistentVolumeClaim'),
    volumes: listOf<PersistentVolume>(state, 'PersistentVolume'),
    services: listOf<Service>(state, 'Service'),
    endpointSlices: listOf<EndpointSlice>(state, 'EndpointSlice'),
    hasEndpointSlices: state.objects.EndpointSlice !== undefined,
    nodes: listOf<Node>(state, 'Node'),
    events: listOf<KubeEvent>(state, 'Event'),
    revisions: listOf<ControllerRevision>(state, 'ControllerRevision'),
    waiting: Object.entries(state.waiting).map(([key, w]) => ({ key, ...w })),
    decisions: [...state.decisions],
  };
}
