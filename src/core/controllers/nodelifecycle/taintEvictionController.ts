/**
 * The taint eviction controller: deletes pods from nodes with NoExecute taints they do not tolerate,
 * after the shortest tolerationSeconds of the tolerations they use (300 s for the defaults every pod
 * gets from the DefaultTolerationSeconds admission plugin). The deletion is an ordinary graceful one:
 * on an unreachable node no kubelet finishes it, so the pod stays Terminating.
 *
 * Follows kubernetes/kubernetes (release-1.30) pkg/controller/tainteviction/taint_eviction.go, which
 * runs as its own `taint-eviction-controller` (SeparateTaintEvictionController, beta and on in 1.30):
 * handleNodeUpdate / processPodOnNode (schedule, or evict at once when a taint is not tolerated),
 * deletePodHandler / addConditionAndDeletePod (the DisruptionTarget condition, reason
 * `DeletionByTaintManager`, message `Taint manager: deleting due to NoExecute taint`, then a delete
 * with default options), emitPodDeletionEvent (Normal `TaintManagerEviction`, "Marking for deletion
 * Pod <ns>/<name>") and emitCancelPodDeletionEvent ("Cancelling deletion of Pod <ns>/<name>") when
 * the taints go before the time is up.
 *
 * Lab differences: the scheduled evictions are virtual-clock timers that re-check the node and pod
 * when they fire (level-triggered) instead of an in-memory timed queue. DaemonSet pods are treated as
 * tolerating the node-health taints for ever, as the tolerations the DaemonSet controller adds to them
 * (util.AddOrUpdateDaemonPodTolerations) would make them; the lab's kube-proxy pods do not carry those
 * tolerations in their spec.
 */
import type { KubeObject, Pod } from '../../api/types.ts';
import { fromTimestamp, type Timer } from '../../clock/virtualClock.ts';
import type { Controller, Simulation } from '../../simulation/simulation.ts';
import type { WatchEvent } from '../../store/objectStore.ts';
import {
  isNodeHealthTaint,
  noExecuteTaints,
  podTolerations,
  TAINT_UNREACHABLE,
  type Taint,
  tolerationMs,
} from './nodeHealth.ts';
import { podsOnNode } from './nodeLifecycleController.ts';

/** The controller's name, also the Events' source component. */
export const TAINT_EVICTION = 'taint-eviction-controller';
/** The timer of one scheduled eviction; its key is the pod's `namespace/name`. */
export const TAINT_EVICTION_TIMER = 'tainteviction.evict';

interface EvictionData {
  uid: string;
}

const UNREACHABLE: readonly Taint[] = [{ key: TAINT_UNREACHABLE, effect: 'NoExecute' }];

const sameTaints = (a: readonly Taint[], b: readonly Taint[]) =>
  a.length === b.length && a.every((t, i) => t.key === b[i].key && t.effect === b[i].effect);

function isDaemonPod(pod: Pod): boolean {
  return (pod.metadata.ownerReferences ?? []).some((r) => r.kind === 'DaemonSet' && r.controller);
}

/** How long this pod tolerates the node's NoExecute taints (see tolerationMs). */
function podToleranceMs(pod: Pod, taints: readonly Taint[]): number {
  const relevant = isDaemonPod(pod) ? taints.filter((t) => !isNodeHealthTaint(t)) : taints;
  if (relevant.length === 0) return Number.POSITIVE_INFINITY;
  return tolerationMs(podTolerations(pod), relevant);
}

/** The latest timeAdded of the taints (when the node got into its present state). */
function taintedSince(sim: Simulation, taints: readonly Taint[]): number {
  let at = Number.NEGATIVE_INFINITY;
  for (const t of taints) if (t.timeAdded) at = Math.max(at, fromTimestamp(t.timeAdded));
  return at === Number.NEGATIVE_INFINITY ? sim.now : at;
}

function podKey(pod: Pod): string {
  return `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
}

/** processPodOnNode: evicts now, schedules the eviction, or leaves a pod that tolerates for ever. */
function processPod(sim: Simulation, pod: Pod, taints: readonly Taint[]): void {
  if (pod.metadata.deletionTimestamp || taints.length === 0) return;
  const ms = podToleranceMs(pod, taints);
  if (ms === Number.POSITIVE_INFINITY) return;
  const due = taintedSince(sim, taints) + ms;
  sim.after(Math.max(0, due - sim.now), TAINT_EVICTION_TIMER, podKey(pod), {
    uid: pod.metadata.uid,
  } satisfies EvictionData);
  sim.decide({
    controller: TAINT_EVICTION,
    object: `Pod/${podKey(pod)}`,
    action: 'wait',
    message: `${pod.metadata.name} tolerates ${taints.map((t) => `${t.key}:${t.effect}`).join(', ')} for ${Math.round(ms / 1000)}s: deletion scheduled`,
  });
}

/** The scheduled eviction is due: deletes the pod if it is still on a node it no longer tolerates. */
export function onEvictionTimer(timer: Timer, sim: Simulation): void {
  const slash = timer.key.indexOf('/');
  const ns = timer.key.slice(0, slash);
  const name = timer.key.slice(slash + 1);
  const pod = sim.store.get<Pod>('Pod', ns, name);
  if (!pod || pod.metadata.uid !== (timer.data as EvictionData).uid || pod.metadata.deletionTimestamp) return;
  const node = pod.spec.nodeName
    ? sim.store.get<KubeObject>('Node', undefined, pod.spec.nodeName)
    : undefined;
  if (!node) return;
  const taints = noExecuteTaints(node);
  const ms = podToleranceMs(pod, taints);
  if (taints.length === 0 || ms === Number.POSITIVE_INFINITY) return;
  if (taintedSince(sim, taints) + ms > sim.now) return;
  evict(sim, pod);
}

/** addConditionAndDeletePod, after the Marking-for-deletion event. */
function evict(sim: Simulation, pod: Pod): void {
  const ns = pod.metadata.namespace ?? 'default';
  sim.event(
    pod,
    'Normal',
    'TaintManagerEviction',
    `Marking for deletion Pod ${ns}/${pod.metadata.name}`,
    TAINT_EVICTION,
  );
  const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
  conditions.push({
    type: 'DisruptionTarget',
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: sim.timestamp(),
    reason: 'DeletionByTaintManager',
    message: 'Taint manager: deleting due to NoExecute taint',
  });
  sim.api.updateStatus<Pod>({ ...pod, status: { ...pod.status, conditions } });
  sim.api.delete('Pod', ns, pod.metadata.name);
  sim.decide({
    controller: TAINT_EVICTION,
    object: `Pod/${ns}/${pod.metadata.name}`,
    action: 'delete',
    message: `delete ${pod.metadata.name}: its tolerations of the NoExecute taints on ${pod.spec.nodeName} ran out`,
  });
}

function syncNode(sim: Simulation, name: string, wasTainted: boolean): void {
  const node = sim.store.get<KubeObject>('Node', undefined, name);
  if (!node) return;
  const taints = noExecuteTaints(node);
  for (const pod of podsOnNode(sim, name)) {
    if (taints.length > 0) {
      processPod(sim, pod, taints);
      continue;
    }
    // Taints gone: evictions that were waiting are cancelled (the lab's only NoExecute taint is the
    // unreachable one, so a pod had one waiting when it tolerated that taint for a while).
    if (wasTainted && !pod.metadata.deletionTimestamp && Number.isFinite(podToleranceMs(pod, UNREACHABLE)))
      sim.event(
        pod,
        'Normal',
        'TaintManagerEviction',
        `Cancelling deletion of Pod ${podKey(pod)}`,
        TAINT_EVICTION,
      );
  }
}

/** NoExecute taint changes enqueue the node; a pod bound to a tainted node enqueues the pod. */
export const taintEvictionController: Controller = {
  name: TAINT_EVICTION,
  handle(event: WatchEvent, sim: Simulation): void {
    const obj = event.object;
    if (obj.kind === 'Node') {
      if (event.type === 'DELETED') return;
      const now = noExecuteTaints(obj);
      const before = event.oldObject ? noExecuteTaints(event.oldObject) : [];
      if (sameTaints(now, before)) return;
      sim.enqueue(TAINT_EVICTION, `node/${obj.metadata.name}/${before.length > 0 ? 'was' : 'new'}`);
      return;
    }
    if (obj.kind !== 'Pod' || event.type === 'DELETED') return;
    const pod = obj as Pod;
    const old = event.oldObject as Pod | undefined;
    if (pod.spec.nodeName && pod.spec.nodeName !== old?.spec.nodeName)
      sim.enqueue(TAINT_EVICTION, `pod/${podKey(pod)}`);
  },
  sync(key: string, sim: Simulation): void {
    if (key.startsWith('node/')) {
      const rest = key.slice('node/'.length);
      const bar = rest.lastIndexOf('/');
      syncNode(sim, rest.slice(0, bar), rest.slice(bar + 1) === 'was');
      return;
    }
    const rest = key.slice('pod/'.length);
    const slash = rest.indexOf('/');
    const pod = sim.store.get<Pod>('Pod', rest.slice(0, slash), rest.slice(slash + 1));
    const node = pod?.spec.nodeName
      ? sim.store.get<KubeObject>('Node', undefined, pod.spec.nodeName)
      : undefined;
    if (pod && node) processPod(sim, pod, noExecuteTaints(node));
  },
};
