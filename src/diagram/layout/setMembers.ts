/**
 * What belongs to one StatefulSet in the cluster view, for the diagram: the claims made from its
 * templates (by ordinal, even when no pod of that ordinal exists), its ControllerRevisions' numbers,
 * and the partition that applies. Pure.
 */
import type { PersistentVolumeClaim, StatefulSet } from '../../core/api/types.ts';
import type { ClusterView } from '../../state/clusterView.ts';
import { ordinalOf } from '../../state/selectors.ts';

/** Claims made from a set's templates, keyed by ordinal then template index. */
export function claimsOfSet(
  view: ClusterView,
  set: StatefulSet,
): Map<number, Map<number, PersistentVolumeClaim>> {
  const out = new Map<number, Map<number, PersistentVolumeClaim>>();
  const templates = set.spec.volumeClaimTemplates ?? [];
  for (const claim of view.claims) {
    if (claim.metadata.namespace !== set.metadata.namespace) continue;
    templates.forEach((t, ti) => {
      const ord = ordinalOf(claim.metadata.name, `${t.metadata.name}-${set.metadata.name}`);
      if (ord < 0) return;
      let m = out.get(ord);
      if (!m) {
        m = new Map();
        out.set(ord, m);
      }
      m.set(ti, claim);
    });
  }
  return out;
}

/** ControllerRevision name -> revision number, for the set's revisions. */
export function revisionNumbers(view: ClusterView, set: StatefulSet): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of view.revisions) {
    if (r.metadata.namespace !== set.metadata.namespace) continue;
    if (!r.metadata.ownerReferences?.some((o) => o.uid === set.metadata.uid)) continue;
    m.set(r.metadata.name, r.revision);
  }
  return m;
}

/** The partition that applies: 0 unless the strategy is RollingUpdate with one set. */
export function partitionOf(set: StatefulSet): number {
  if ((set.spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return 0;
  return set.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
}
