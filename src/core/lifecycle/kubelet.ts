/**
 * The kubelets of the cluster's nodes: for every pod bound to a node that exists it runs the pod lifecycle
 * machine (podMachine.ts) with xstate's pure transition (machineStep.ts), keeps the snapshot in
 * `state.machines[uid]`, and carries out the actions the machine returns — status writes through
 * the apiserver's status subresource, Events, virtual-clock timers, image pulls, container starts and
 * stops, and the final removal of a terminated pod (delete with grace period 0).
 *
 * Follows kubernetes/kubernetes (release-1.30) pkg/kubelet/kubelet.go (HandlePodAdditions /
 * HandlePodUpdates / SyncPod / SyncTerminatingPod), pod_workers.go and status/status_manager.go
 * (deletes the pod object once its containers stopped). Pods found already Running when first seen
 * (minikube's system pods, written by bootstrap) are adopted as running without any event.
 * One controller plays every node's kubelet, keyed by the pod's spec.nodeName: a pod whose node is
 * gone (`minikube node delete`) or stopped (`minikube node stop`) has no kubelet, so its timers and
 * syncs do nothing; kubeletHost.ts restarts a stopped node's pods when it starts again.
 */
import type { SnapshotFrom } from 'xstate';
import type { Pod } from '../api/types.ts';
import type { Timer } from '../clock/virtualClock.ts';
import { allocatePodIP } from '../cluster/podNetwork.ts';
import { isKubeletRunning } from '../controllers/nodelifecycle/nodeHealth.ts';
import type { Controller, Simulation } from '../simulation/simulation.ts';
import type { WatchEvent } from '../store/objectStore.ts';
import { containerConfigError } from './containerConfig.ts';
import { createContainer, stopContainers } from './containerProcess.ts';
import { ensureImage, finishPull, type PullOutcome } from './imageManager.ts';
import { pureInitialTransition, pureTransition } from './machineStep.ts';
import { adoptedContext } from './podAdoption.ts';
import {
  type PendingEvent,
  type PodMachineEvent,
  podMachine,
  type RecordParams,
  type ScheduleParams,
} from './podMachine.ts';
import type { PodMachineContext } from './podRuntime.ts';
import { podStatusFor } from './podStatus.ts';

/** The controller's name; also the timer type whose handler delivers machine events. */
export const KUBELET = 'kubelet';
const MACHINE = 'pod';
const SANDBOX_MS = 900;

type PodSnapshot = SnapshotFrom<typeof podMachine>;

/** What a kubelet timer carries: a machine event, or the end of an image pull. */
export interface KubeletTimerData {
  event?: PendingEvent;
  pull?: PullOutcome;
}

/** The work-queue and timer key of a pod: `namespace/name@uid` (a recreated pod is a new key). */
export function kubeletKey(pod: Pod): string {
  return `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}@${pod.metadata.uid}`;
}

function parseKey(key: string): { namespace: string; name: string; uid: string } {
  const at = key.lastIndexOf('@');
  const slash = key.indexOf('/');
  return { namespace: key.slice(0, slash), name: key.slice(slash + 1, at), uid: key.slice(at + 1) };
}

/** Snapshots resolved from the persisted value+context, cached per simulation while they are current. */
const snapshotCache = new WeakMap<Simulation, Map<string, { persisted: unknown; snapshot: PodSnapshot }>>();

function loadSnapshot(sim: Simulation, uid: string): PodSnapshot | undefined {
  const persisted = sim.state.machines[uid];
  if (!persisted || persisted.machine !== MACHINE) return undefined;
  let cache = snapshotCache.get(sim);
  if (!cache) {
    cache = new Map();
    snapshotCache.set(sim, cache);
  }
  const hit = cache.get(uid);
  if (hit && hit.persisted === persisted) return hit.snapshot;
  const snapshot = podMachine.resolveState({
    value: persisted.value as PodSnapshot['value'],
    context: persisted.context as PodMachineContext,
  });
  cache.set(uid, { persisted, snapshot });
  return snapshot;
}

function saveSnapshot(sim: Simulation, uid: string, snapshot: PodSnapshot): void {
  if (snapshot.status === 'done') {
    delete sim.state.machines[uid];
    snapshotCache.get(sim)?.delete(uid);
    return;
  }
  const persisted = { machine: MACHINE, value: snapshot.value, context: snapshot.context };
  sim.state.machines[uid] = persisted;
  snapshotCache.get(sim)?.set(uid, { persisted, snapshot });
}

function currentPod(sim: Simulation, key: string): Pod | undefined {
  const { namespace, name, uid } = parseKey(key);
  const pod = sim.store.get<Pod>('Pod', namespace, name);
  return pod && pod.metadata.uid === uid ? pod : undefined;
}

/**
 * True when the pod is bound to a node whose kubelet runs: the Node object exists and
 * `minikube node stop` has not powered its machine off.
 */
function onLiveNode(sim: Simulation, pod: Pod): boolean {
  const node = pod.spec?.nodeName;
  return (
    Boolean(node) &&
    sim.store.get('Node', undefined, node as string) !== undefined &&
    isKubeletRunning(sim.state.minikube, node as string)
  );
}

/**
 * Delivers events to a pod's machine, one after another, carrying out the actions of each
 * transition; events an action produces at once (an image already present) follow in the same
 * call. Returns false when the pod or its machine is gone.
 */
export function dispatch(sim: Simulation, key: string, first: PendingEvent): boolean {
  const { uid } = parseKey(key);
  const loaded = loadSnapshot(sim, uid);
  if (!loaded) return false;
  let snapshot: PodSnapshot = loaded;
  const queue: PendingEvent[] = [first];
  while (queue.length) {
    const pending = queue.shift() as PendingEvent;
    const [next, actions] = pureTransition<typeof podMachine, { type: string; params: unknown }>(
      podMachine,
      snapshot,
      { ...pending, at: sim.now } as PodMachineEvent,
    );
    snapshot = next as PodSnapshot;
    saveSnapshot(sim, uid, snapshot);
    for (const action of actions) {
      const produced = execute(sim, key, snapshot.context, action.type, action.params);
      if (produced) queue.push(produced);
    }
  }
  return true;
}

function execute(
  sim: Simulation,
  key: string,
  ctx: PodMachineContext,
  type: string,
  params: unknown,
): PendingEvent | undefined {
  const pod = currentPod(sim, key);
  if (!pod) return undefined;
  switch (type) {
    case 'syncStatus':
      sim.api.updateStatus({ ...pod, status: podStatusFor(pod, ctx) });
      return undefined;
    case 'record': {
      const p = params as RecordParams;
      sim.event(
        pod,
        p.type,
        p.reason,
        p.message,
        KUBELET,
        p.container ? `spec.containers{${p.container}}` : undefined,
      );
      return undefined;
    }
    case 'schedule': {
      const p = params as ScheduleParams;
      const delay = p.jitter ? sim.random.jitter(p.delayMs, p.jitter) : p.delayMs;
      sim.after(delay, KUBELET, key, { event: p.event } satisfies KubeletTimerData);
      return undefined;
    }
    case 'startSandbox':
      sim.after(sim.random.jitter(SANDBOX_MS, 0.3), KUBELET, key, {
        event: { type: 'sandbox.ready', ip: '' },
      } satisfies KubeletTimerData);
      return undefined;
    case 'ensureImage':
      return ensureImage(sim, pod, (params as { index: number }).index, key);
    case 'createContainer': {
      const index = (params as { index: number }).index;
      // generateContainerConfig comes before the runtime's create: a missing reference stops here.
      const message = containerConfigError(sim.store, pod, index);
      if (message !== undefined) return { type: 'container.configError', index, message };
      createContainer(sim, pod, ctx, index, key);
      return undefined;
    }
    case 'stopContainers':
      stopContainers(sim, pod, ctx, (params as { graceMs: number }).graceMs, key);
      return undefined;
    case 'deletePod':
      sim.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 });
      return undefined;
    default:
      return undefined;
  }
}

/** Handles a due kubelet timer: finishes a pull or fills in what an event needs, then dispatches it. */
export function onKubeletTimer(timer: Timer, sim: Simulation): void {
  const pod = currentPod(sim, timer.key);
  const data = timer.data as KubeletTimerData;
  if (!pod || !onLiveNode(sim, pod)) return;
  let event = data.pull ? finishPull(sim, pod, data.pull) : data.event;
  if (!event) return;
  // The sandbox's address is reserved when the sandbox is really set up.
  if (event.type === 'sandbox.ready') event = { ...event, ip: allocatePodIP(sim, pod.spec.nodeName) };
  dispatch(sim, timer.key, event);
}

/** Brings the pod's machine in line with the pod object: start, adopt, or begin termination. */
function syncPod(sim: Simulation, key: string): void {
  const pod = currentPod(sim, key);
  const { uid } = parseKey(key);
  if (!pod) {
    // Removed (or force-deleted): forget it; its timers find no pod and do nothing.
    delete sim.state.machines[uid];
    snapshotCache.get(sim)?.delete(uid);
    return;
  }
  if (!onLiveNode(sim, pod)) return;
  let snapshot = loadSnapshot(sim, uid);
  if (!snapshot) {
    const [initial] = pureInitialTransition(podMachine, { pod });
    saveSnapshot(sim, uid, initial);
    snapshot = initial;
    const adopted = pod.status?.phase === 'Running' ? adoptedContext(pod, initial.context) : undefined;
    dispatch(sim, key, adopted ? { type: 'pod.adopt', context: adopted } : { type: 'pod.bound' });
    snapshot = loadSnapshot(sim, uid);
  }
  if (pod.metadata.deletionTimestamp && snapshot && !isTerminating(snapshot)) {
    // The kubelet gives the containers the pod's deletionGracePeriodSeconds from when it notices.
    dispatch(sim, key, {
      type: 'pod.deleting',
      graceMs: (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000,
    });
  }
}

function isTerminating(s: PodSnapshot): boolean {
  return s.matches('terminating') || s.matches('stopped') || s.matches('removed');
}

/** The kubelet as a controller: pod watch events enqueue the pod; `sync` reconciles its machine. */
export const kubeletController: Controller = {
  name: KUBELET,
  handle(event: WatchEvent, sim: Simulation): void {
    if (event.object.kind !== 'Pod') return;
    const pod = event.object as Pod;
    if (event.type !== 'DELETED' && !pod.spec?.nodeName) return;
    // Status writes by the kubelet itself need no new sync; spec and metadata changes do.
    if (event.type === 'MODIFIED' && event.oldObject && isStatusOnly(pod, event.oldObject as Pod)) return;
    sim.enqueue(KUBELET, kubeletKey(pod));
  },
  sync(key: string, sim: Simulation): void {
    syncPod(sim, key);
  },
};

function isStatusOnly(pod: Pod, old: Pod): boolean {
  return (
    pod.spec === old.spec &&
    pod.metadata.deletionTimestamp === old.metadata.deletionTimestamp &&
    pod.metadata.uid === old.metadata.uid
  );
}

/** Sends an event to a pod's machine now (used by the lab's actions); false when it has none. */
export function sendToPod(sim: Simulation, pod: Pod, event: PendingEvent): boolean {
  return dispatch(sim, kubeletKey(pod), event);
}
