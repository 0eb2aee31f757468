/**
 * default-scheduler: binds each pending pod to the best node that can take it (nodeFit.ts: filters
 * and scores, spreading a controller's pods over the nodes) once every PersistentVolumeClaim the pod
 * uses exists and is Bound — or, for a
 * WaitForFirstConsumer class, annotates the claim with the chosen node and binds when the storage
 * side has provisioned it. Otherwise it records FailedScheduling with the scheduler's text and marks
 * PodScheduled False (Unschedulable).
 *
 * Follows kubernetes/kubernetes (release-1.30) pkg/scheduler: schedule_one.go (FitError texts:
 * `0/N nodes are available: <reasons>. preemption: <...>`), framework/plugins/volumebinding
 * (PreFilter: `persistentvolumeclaim "x" not found`, `persistentvolumeclaim "x" is being deleted`,
 * `pod has unbound immediate PersistentVolumeClaims`; PreBind waits for delayed binding after setting
 * `volume.kubernetes.io/selected-node`), the FitError histogram over nodes (`1 node(s) were
 * unschedulable, 2 Too many pods`), and the binding subresource (pkg/registry/core/pod/storage BindingREST: sets spec.nodeName and
 * PodScheduled True in one write). A pod that failed is retried when a claim or a node changes,
 * after the scheduler's initial 1 s back-off. Where the lab differs: the 5-minute flush of unschedulable pods
 * is not simulated.
 */
import type { KubeObject, PersistentVolumeClaim, Pod, PodCondition, StorageClass } from '../../api/types.ts';
import type { Timer } from '../../clock/virtualClock.ts';
import { podUsage } from '../../cluster/nodePodIndex.ts';
import type { Controller, Simulation } from '../../simulation/simulation.ts';
import type { WatchEvent } from '../../store/objectStore.ts';
import { filterNode, scoreNodes, selectHost } from './nodeFit.ts';

/** The scheduler's controller name, event source and timer type. */
export const SCHEDULER = 'default-scheduler';
const RETRY_TIMER = 'scheduler.retry';
const BACKOFF_MS = 1000;
const SELECTED_NODE = 'volume.kubernetes.io/selected-node';

type Verdict =
  | { kind: 'bind'; node: string }
  | { kind: 'wait'; claims: string[]; node: string }
  | { kind: 'fail'; message: string; waitingOn?: string };

function fitError(nodes: number, reason: string, preemption: string): string {
  return `0/${nodes} nodes are available: ${reason}. preemption: 0/${nodes} nodes are available: ${preemption}.`;
}

function notHelpful(nodes: number): string {
  return `${nodes} Preemption is not helpful for scheduling`;
}

/** FitError's histogram: `<count> <reason>` per reason, sorted as strings, joined with `, `. */
function histogram(counts: Map<string, number>): string {
  return [...counts]
    .map(([reason, n]) => `${n} ${reason}`)
    .sort()
    .join(', ');
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** The claims' checks the volumebinding PreFilter makes before any node is looked at. */
function checkClaims(
  sim: Simulation,
  pod: Pod,
  n: number,
): { fail: Verdict } | { delayed: string[]; selected?: string } {
  const ns = pod.metadata.namespace ?? 'default';
  const delayed: string[] = [];
  let selected: string | undefined;
  let unboundImmediate: string | undefined;
  for (const v of pod.spec.volumes ?? []) {
    const claimName = v.persistentVolumeClaim?.claimName;
    if (!claimName) continue;
    const pvc = sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', ns, claimName);
    if (!pvc)
      return {
        fail: {
          kind: 'fail',
          message: fitError(n, `persistentvolumeclaim "${claimName}" not found`, notHelpful(n)),
          waitingOn: claimName,
        },
      };
    if (pvc.metadata.deletionTimestamp)
      return {
        fail: {
          kind: 'fail',
          message: fitError(n, `persistentvolumeclaim "${claimName}" is being deleted`, notHelpful(n)),
          waitingOn: claimName,
        },
      };
    if (pvc.status?.phase === 'Bound' || pvc.spec.volumeName) continue;
    const scName = pvc.spec.storageClassName;
    const sc = scName ? sim.store.get<StorageClass>('StorageClass', undefined, scName) : undefined;
    if (sc?.volumeBindingMode === 'WaitForFirstConsumer') {
      delayed.push(claimName);
      selected ??= pvc.metadata.annotations?.[SELECTED_NODE];
    } else unboundImmediate ??= claimName;
  }
  if (unboundImmediate)
    return {
      fail: {
        kind: 'fail',
        message: fitError(n, 'pod has unbound immediate PersistentVolumeClaims', notHelpful(n)),
        waitingOn: unboundImmediate,
      },
    };
  return { delayed, selected };
}

/** Decides where the pod goes, or why it cannot go anywhere yet. Reads the store only (and draws ties). */
export function schedulePod(sim: Simulation, pod: Pod): Verdict {
  const nodes = sim.store.list<KubeObject>('Node');
  if (nodes.length === 0) return { kind: 'fail', message: 'no nodes available to schedule pods' };
  const n = nodes.length;
  const claims = checkClaims(sim, pod, n);
  if ('fail' in claims) return claims.fail;
  const feasible: KubeObject[] = [];
  const reasons = new Map<string, number>();
  const preemption = new Map<string, number>();
  for (const node of nodes) {
    const rejected = filterNode(sim, pod, node);
    if (!rejected) {
      feasible.push(node);
      continue;
    }
    for (const r of rejected.reasons) bump(reasons, r);
    bump(
      preemption,
      rejected.resolvable
        ? 'No preemption victims found for incoming pod'
        : 'Preemption is not helpful for scheduling',
    );
  }
  if (feasible.length === 0)
    return { kind: 'fail', message: fitError(n, histogram(reasons), histogram(preemption)) };
  // A claim waiting for its first consumer already names the node chosen for it.
  const chosen =
    feasible.find((f) => f.metadata.name === claims.selected) ??
    (feasible.length === 1 ? feasible[0] : selectHost(sim, feasible, scoreNodes(sim, pod, feasible, nodes)));
  const name = chosen.metadata.name;
  if (claims.delayed.length) {
    const ns = pod.metadata.namespace ?? 'default';
    const waiting = claims.delayed.filter((c) => {
      const pvc = sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', ns, c);
      return pvc && pvc.status?.phase !== 'Bound';
    });
    if (waiting.length) return { kind: 'wait', claims: waiting, node: name };
  }
  return { kind: 'bind', node: name };
}

function unschedulableCondition(pod: Pod, message: string, at: string): PodCondition[] {
  const others = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
  const prev = (pod.status?.conditions ?? []).find((c) => c.type === 'PodScheduled');
  const since = prev && prev.status === 'False' ? prev.lastTransitionTime : at;
  return [
    ...others,
    {
      type: 'PodScheduled',
      status: 'False',
      lastProbeTime: null,
      lastTransitionTime: since,
      reason: 'Unschedulable',
      message,
    },
  ];
}

function waitKey(pod: Pod): string {
  return `${SCHEDULER}/${pod.metadata.namespace}/${pod.metadata.name}`;
}

/**
 * Binds the pod to the node the way the binding subresource does (spec.nodeName and PodScheduled
 * True in one write — pod updates may not change nodeName, so this bypasses the Pod strategy as the
 * real BindingREST does) and records `Scheduled`.
 */
export function bindPod(sim: Simulation, pod: Pod, node: string): Pod {
  const at = sim.timestamp();
  const conditions: PodCondition[] = [
    ...(pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled'),
    { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: at },
  ];
  const bound = sim.store.put<Pod>({
    ...pod,
    spec: { ...pod.spec, nodeName: node },
    status: { ...pod.status, conditions },
  });
  const ns = pod.metadata.namespace ?? 'default';
  sim.event(
    bound,
    'Normal',
    'Scheduled',
    `Successfully assigned ${ns}/${pod.metadata.name} to ${node}`,
    SCHEDULER,
  );
  sim.decide({
    controller: SCHEDULER,
    object: `Pod/${ns}/${pod.metadata.name}`,
    action: 'bind',
    message: `assigned to ${node}`,
  });
  sim.setWaiting(waitKey(pod), undefined);
  return bound;
}

function needsScheduling(pod: Pod | undefined): pod is Pod {
  return (
    !!pod &&
    !pod.spec.nodeName &&
    !pod.metadata.deletionTimestamp &&
    (pod.spec.schedulerName ?? SCHEDULER) === SCHEDULER
  );
}

/**
 * One scheduling attempt for the pod `namespace/name`. A pod that failed before is bound only from
 * its back-off timer (`fromBackoff`), as the scheduling queue holds it in backoffQ first.
 */
function syncPod(sim: Simulation, key: string, fromBackoff = false): void {
  const slash = key.indexOf('/');
  const pod = sim.store.get<Pod>('Pod', key.slice(0, slash), key.slice(slash + 1));
  if (!needsScheduling(pod)) return;
  const ns = pod.metadata.namespace ?? 'default';
  const failedBefore = (pod.status?.conditions ?? []).some(
    (c) => c.type === 'PodScheduled' && c.status === 'False',
  );
  const verdict = schedulePod(sim, pod);
  if (verdict.kind === 'bind') {
    if (failedBefore && !fromBackoff) sim.after(sim.random.jitter(BACKOFF_MS, 0.2), RETRY_TIMER, key);
    else bindPod(sim, pod, verdict.node);
    return;
  }
  if (verdict.kind === 'wait') {
    for (const claim of verdict.claims) {
      const pvc = sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', ns, claim);
      if (pvc && pvc.metadata.annotations?.[SELECTED_NODE] !== verdict.node)
        sim.api.update({
          ...pvc,
          metadata: {
            ...pvc.metadata,
            annotations: { ...(pvc.metadata.annotations ?? {}), [SELECTED_NODE]: verdict.node },
          },
        });
    }
    sim.setWaiting(waitKey(pod), {
      object: `${ns}/${pod.metadata.name}`,
      kind: 'Pod',
      waitingOn: verdict.claims[0],
      message: `waiting for PersistentVolumeClaim ${verdict.claims[0]} to be provisioned on ${verdict.node}`,
    });
    return;
  }
  sim.api.updateStatus({
    ...pod,
    status: { ...pod.status, conditions: unschedulableCondition(pod, verdict.message, sim.timestamp()) },
  });
  sim.event(pod, 'Warning', 'FailedScheduling', verdict.message, SCHEDULER);
  sim.decide({
    controller: SCHEDULER,
    object: `Pod/${ns}/${pod.metadata.name}`,
    action: 'wait',
    message: verdict.message,
  });
  sim.setWaiting(waitKey(pod), {
    object: `${ns}/${pod.metadata.name}`,
    kind: 'Pod',
    waitingOn: verdict.waitingOn,
    message: verdict.message,
  });
}

/** Enqueues every pending pod of the namespace (or all) that uses the claim (or any claim). */
function enqueuePending(sim: Simulation, namespace: string | undefined, claim?: string): void {
  for (const key of podUsage(sim).pending()) {
    const slash = key.indexOf('/');
    if (namespace !== undefined && key.slice(0, slash) !== namespace) continue;
    const p = sim.store.get<Pod>('Pod', key.slice(0, slash), key.slice(slash + 1));
    if (!needsScheduling(p)) continue;
    if (claim && !(p.spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === claim)) continue;
    sim.enqueue(SCHEDULER, `${p.metadata.namespace}/${p.metadata.name}`);
  }
}

/** The scheduler as a controller: pods, claims and nodes enqueue pending pods; `sync` tries one. */
export const schedulerController: Controller = {
  name: SCHEDULER,
  handle(event: WatchEvent, sim: Simulation): void {
    const obj = event.object;
    if (obj.kind === 'Pod') {
      const pod = obj as Pod;
      if (event.type === 'ADDED' && needsScheduling(pod))
        sim.enqueue(SCHEDULER, `${pod.metadata.namespace}/${pod.metadata.name}`);
      // A pod leaving the node frees a slot (the 110-pod limit).
      else if (event.type === 'DELETED' && pod.spec.nodeName) enqueuePending(sim, undefined);
    } else if (obj.kind === 'PersistentVolumeClaim')
      enqueuePending(sim, obj.metadata.namespace, obj.metadata.name);
    else if (
      obj.kind === 'Node' &&
      (event.type !== 'MODIFIED' ||
        Boolean(obj.spec?.unschedulable) !== Boolean(event.oldObject?.spec?.unschedulable))
    )
      enqueuePending(sim, undefined);
  },
  sync(key: string, sim: Simulation): void {
    syncPod(sim, key);
  },
};

/** The back-off timer: the pod's next scheduling attempt. */
export function onSchedulerRetry(timer: Timer, sim: Simulation): void {
  syncPod(sim, timer.key, true);
}

export { RETRY_TIMER as SCHEDULER_RETRY_TIMER };
