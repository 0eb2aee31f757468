/**
 * Writes a StatefulSet's ControllerRevisions: choosing the current and update revisions each sync
 * (creating one, or renumbering an equal older one on rollback), hash collisions, adoption of
 * orphan revisions, and pruning history beyond revisionHistoryLimit.
 *
 * Follows kubernetes/kubernetes v1.30 pkg/controller/statefulset/stateful_set_control.go
 * (getStatefulSetRevisions, truncateHistory, ListRevisions, AdoptOrphanRevisions) and
 * pkg/controller/history/controller_history.go (ListControllerRevisions, CreateControllerRevision,
 * UpdateControllerRevision, AdoptControllerRevision, DeleteControllerRevision).
 */

import { matchesRequirements, selectorRequirements } from '../../api/labels.ts';
import type { ControllerRevision, StatefulSet } from '../../api/types.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import {
  equalRevision,
  hashRevisionData,
  newRevision,
  nextRevision,
  revisionDataJson,
  revisionName,
  sortRevisions,
} from './revisions.ts';
import { CONTROLLER_NAME, controllerRef, getControllerOf } from './statefulSetUtils.ts';

/** Revisions in the set's namespace matching its selector that it owns or nobody controls, sorted. */
export function listRevisions(sim: Simulation, set: StatefulSet): ControllerRevision[] {
  const reqs = selectorRequirements(set.spec.selector);
  if (!reqs) return [];
  const out: ControllerRevision[] = [];
  for (const r of sim.store.list<ControllerRevision>('ControllerRevision', set.metadata.namespace)) {
    if (!matchesRequirements(r.metadata.labels, reqs)) continue;
    const ref = getControllerOf(r);
    if (!ref || ref.uid === set.metadata.uid) out.push(r);
  }
  return sortRevisions(out);
}

/** Adds the set's controller ref to revisions nobody controls. Returns the revisions as stored after. */
export function adoptOrphanRevisions(sim: Simulation, set: StatefulSet, revs: ControllerRevision[]) {
  return revs.map((r) => {
    if (getControllerOf(r)) return r;
    const res = sim.api.update<ControllerRevision>({
      ...r,
      metadata: {
        ...r.metadata,
        ownerReferences: [...(r.metadata.ownerReferences ?? []), controllerRef(set)],
      },
    });
    return res.ok ? res.value : r;
  });
}

export interface RevisionChoice {
  current: ControllerRevision;
  update: ControllerRevision;
  collisionCount: number;
}

/**
 * getStatefulSetRevisions: the update revision is the latest revision when it equals the set's
 * template; an equal older revision gets the next number (rollback); otherwise a new revision is
 * created. The current revision is status.currentRevision if it still exists, else the update one.
 */
export function getStatefulSetRevisions(
  sim: Simulation,
  set: StatefulSet,
  sorted: ControllerRevision[],
): RevisionChoice | { error: string } {
  let collisionCount = set.status?.collisionCount ?? 0;
  const candidate = newRevision(set, nextRevision(sorted), collisionCount);
  const equal = sorted.filter((r) => equalRevision(r, candidate));
  let update: ControllerRevision;
  const last = sorted[sorted.length - 1];
  if (equal.length > 0 && equalRevision(last, equal[equal.length - 1])) {
    update = last;
  } else if (equal.length > 0) {
    const old = equal[equal.length - 1];
    const res = sim.api.update<ControllerRevision>({ ...old, revision: candidate.revision });
    if (!res.ok) return { error: res.error.message };
    update = res.value;
    sim.decide({
      controller: CONTROLLER_NAME,
      object: `ControllerRevision/${set.metadata.namespace}/${old.metadata.name}`,
      action: 'update',
      message: `template equals revision ${old.revision}: ${old.metadata.name} renumbered to revision ${candidate.revision}`,
    });
  } else {
    const created = createControllerRevision(sim, set, candidate, collisionCount);
    if ('error' in created) return created;
    update = created.revision;
    collisionCount = created.collisionCount;
  }
  const current = sorted.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
  return { current, update, collisionCount };
}

/** CreateControllerRevision: retries with a bumped collision count while the name holds other data. */
function createControllerRevision(
  sim: Simulation,
  set: StatefulSet,
  candidate: ControllerRevision,
  collisionCount: number,
): { revision: ControllerRevision; collisionCount: number } | { error: string } {
  const json = revisionDataJson(candidate);
  let count = collisionCount;
  for (;;) {
    const name = revisionName(set.metadata.name, hashRevisionData(json, count));
    const res = sim.api.create<ControllerRevision>({
      ...candidate,
      metadata: { ...candidate.metadata, name },
    });
    if (res.ok) {
      sim.decide({
        controller: CONTROLLER_NAME,
        object: `ControllerRevision/${set.metadata.namespace}/${name}`,
        action: 'create',
        message: `new pod template: revision ${candidate.revision} ${name}`,
      });
      return { revision: res.value, collisionCount: count };
    }
    if (res.error.reason !== 'AlreadyExists') return { error: res.error.message };
    const existing = sim.store.get<ControllerRevision>('ControllerRevision', set.metadata.namespace, name);
    if (existing && revisionDataJson(existing) === json) return { revision: existing, collisionCount: count };
    count++;
  }
}

/**
 * truncateHistory: revisions that are neither current, update, nor named by a pod (`podRevisions`:
 * the controller-revision-hash labels of the set's pods) are history;
 * the oldest are deleted until at most revisionHistoryLimit remain.
 */
export function truncateHistory(
  sim: Simulation,
  set: StatefulSet,
  podRevisions: ReadonlySet<string>,
  sorted: readonly ControllerRevision[],
  current: ControllerRevision,
  update: ControllerRevision,
): void {
  const live = new Set<string>([current.metadata.name, update.metadata.name, ...podRevisions]);
  const history = sorted.filter((r) => !live.has(r.metadata.name));
  const limit = set.spec.revisionHistoryLimit ?? 10;
  if (limit < 0 || history.length <= limit) return;
  for (const r of history.slice(0, history.length - limit)) {
    const res = sim.api.delete('ControllerRevision', r.metadata.namespace, r.metadata.name);
    if (res.ok)
      sim.decide({
        controller: CONTROLLER_NAME,
        object: `ControllerRevision/${r.metadata.namespace}/${r.metadata.name}`,
        action: 'delete',
        message: `revision ${r.revision} pruned: more than revisionHistoryLimit ${limit} old revisions`,
      });
  }
}
