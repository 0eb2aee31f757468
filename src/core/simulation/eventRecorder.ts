/**
 * Kubernetes Events, written the way client-go's event recorder and the apiserver's event
 * aggregation write them: one Event object per (object, type, reason, message, source), named
 * `<object name>.<16 hex digits>`, whose `count` and `lastTimestamp` grow when it happens again.
 */
import type { KubeEvent, KubeObject } from '../api/types.ts';
import { EPOCH_MS } from '../clock/virtualClock.ts';
import type { Simulation } from './simulation.ts';

/** Events are found again for aggregation through this runtime index, rebuilt from the store on demand. */
const indexes = new WeakMap<Simulation, Map<string, string>>();

function aggregationKey(
  involvedUid: string,
  type: string,
  reason: string,
  message: string,
  component: string,
): string {
  return `${involvedUid}\u0000${type}\u0000${reason}\u0000${message}\u0000${component}`;
}

function indexFor(sim: Simulation): Map<string, string> {
  let idx = indexes.get(sim);
  if (!idx) {
    idx = new Map();
    for (const e of sim.store.list<KubeEvent>('Event'))
      idx.set(
        aggregationKey(e.involvedObject.uid, e.type, e.reason, e.message, e.source.component),
        `${e.metadata.namespace}/${e.metadata.name}`,
      );
    indexes.set(sim, idx);
  }
  return idx;
}

/** Records an Event about `involved`; see the file comment. */
export function recordEvent(
  sim: Simulation,
  involved: KubeObject,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
  component: string,
  fieldPath?: string,
): void {
  const idx = indexFor(sim);
  const key = aggregationKey(involved.metadata.uid, type, reason, message, component);
  const ts = sim.timestamp();
  const existing = idx.get(key);
  if (existing) {
    const [ns, name] = existing.split('/');
    const e = sim.store.get<KubeEvent>('Event', ns, name);
    if (e) {
      sim.store.put({ ...e, count: e.count + 1, lastTimestamp: ts });
      return;
    }
  }
  const namespace = involved.metadata.namespace ?? 'default';
  // Real names end in the hex of the creation time in nanoseconds; ours are unique per state.
  const nanos = BigInt(EPOCH_MS + sim.now) * 1_000_000n + BigInt(sim.state.nextResourceVersion);
  const name = `${involved.metadata.name}.${nanos.toString(16).padStart(16, '0')}`;
  // A kubelet reports as its node: the pod's node (the primary, `minikube`, for anything else).
  const host =
    component === 'kubelet'
      ? (involved.kind === 'Pod' && (involved.spec?.nodeName as string | undefined)) || 'minikube'
      : undefined;
  const event: KubeEvent = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace, uid: '', resourceVersion: '', creationTimestamp: '' },
    involvedObject: {
      apiVersion: involved.apiVersion,
      kind: involved.kind,
      name: involved.metadata.name,
      namespace: involved.metadata.namespace,
      uid: involved.metadata.uid,
      resourceVersion: involved.metadata.resourceVersion,
      ...(fieldPath ? { fieldPath } : {}),
    },
    reason,
    message,
    type,
    source: host ? { component, host } : { component },
    count: 1,
    firstTimestamp: ts,
    lastTimestamp: ts,
    reportingComponent: component,
    reportingInstance: host ?? '',
  };
  if (!event.involvedObject.namespace) delete event.involvedObject.namespace;
  sim.store.add(event);
  idx.set(key, `${namespace}/${name}`);
}
