/**
 * The only code of the StatefulSet controller that creates, updates and deletes pods and claims,
 * and the Events it records about them on the set (source `statefulset-controller`). Each action
 * is also logged as a decision for the lab's timeline.
 *
 * Follows kubernetes/kubernetes v1.30 pkg/controller/statefulset/stateful_pod_control.go
 * (CreateStatefulPod, UpdateStatefulPod, DeleteStatefulPod, ClaimsMatchRetentionPolicy,
 * UpdatePodClaimForRetentionPolicy, PodClaimIsStale, createMissingPersistentVolumeClaims,
 * createPersistentVolumeClaims, recordPodEvent, recordClaimEvent). Errors are the Go error texts.
 */
import type { PersistentVolumeClaim, Pod, StatefulSet } from '../../api/types.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import {
  claimOwnerRefsForPolicy,
  getRetentionPolicy,
  hasStaleOwnerRef,
  isClaimOwnerUpToDate,
} from './claimOwnership.ts';
import {
  CONTROLLER_NAME,
  getOrdinal,
  getPersistentVolumeClaims,
  getPodRevision,
  identityLabels,
  identityMatches,
  storageMatches,
  updateStorage,
} from './statefulSetUtils.ts';

/** An error text (Go's err.Error()) or undefined on success. */
export type ControlError = string | undefined;

/** What the reconcile algorithm may do to pods and claims. */
export interface StatefulPodControl {
  /** Creates missing claims, then the pod; then sets claim refs for the retention policy. */
  createStatefulPod(set: StatefulSet, pod: Pod): ControlError;
  /** Repairs identity labels, volumes and claim refs of a live pod; records SuccessfulUpdate. */
  updateStatefulPod(set: StatefulSet, pod: Pod): ControlError;
  /** Deletes the pod with its own grace period; `why` explains it on the timeline. */
  deleteStatefulPod(set: StatefulSet, pod: Pod, why: string): ControlError;
  /** Records RecreatingFailedPod / RecreatingTerminatedPod before a finished pod is deleted. */
  recordRecreate(set: StatefulSet, pod: Pod): void;
  /** Name of a claim of this ordinal still owned by an earlier pod of that name, if any. */
  podClaimIsStale(set: StatefulSet, pod: Pod): string | undefined;
  /** True when every existing claim of the pod carries the refs its retention policy wants. */
  claimsMatchRetentionPolicy(set: StatefulSet, pod: Pod): boolean;
  /** Rewrites the refs of the pod's existing claims for the retention policy. */
  updatePodClaimForRetentionPolicy(set: StatefulSet, pod: Pod): ControlError;
  /** Creates claims of a pending pod that are missing (someone deleted them). */
  createMissingPersistentVolumeClaims(set: StatefulSet, pod: Pod): ControlError;
}

function aggregate(errs: string[]): ControlError {
  if (errs.length === 0) return undefined;
  return errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
}

/** ClaimsMatchRetentionPolicy: every existing claim of the pod carries the refs its policy wants. */
export function claimsMatchPolicy(sim: Simulation, set: StatefulSet, pod: Pod): boolean {
  const templates = set.spec.volumeClaimTemplates;
  if (!templates || templates.length === 0) return true;
  const ordinal = getOrdinal(pod);
  for (const c of templates) {
    const claim = sim.store.get<PersistentVolumeClaim>(
      'PersistentVolumeClaim',
      set.metadata.namespace,
      `${c.metadata.name}-${set.metadata.name}-${ordinal}`,
    );
    if (claim && !isClaimOwnerUpToDate(claim, set, pod)) return false;
  }
  return true;
}

/** The StatefulPodControl that writes through the simulated apiserver. */
export function realStatefulPodControl(sim: Simulation): StatefulPodControl {
  const ns = (set: StatefulSet) => set.metadata.namespace as string;
  const getClaim = (set: StatefulSet, name: string) =>
    sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', ns(set), name);

  function recordPodEvent(verb: string, set: StatefulSet, pod: Pod, err: ControlError): void {
    const title = verb[0].toUpperCase() + verb.slice(1);
    if (err === undefined)
      sim.event(
        set,
        'Normal',
        `Successful${title}`,
        `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`,
        CONTROLLER_NAME,
      );
    else
      sim.event(
        set,
        'Warning',
        `Failed${title}`,
        `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${err}`,
        CONTROLLER_NAME,
      );
  }

  function recordClaimEvent(set: StatefulSet, pod: Pod, claim: string, err: ControlError): void {
    if (err === undefined)
      sim.event(
        set,
        'Normal',
        'SuccessfulCreate',
        `create Claim ${claim} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} success`,
        CONTROLLER_NAME,
      );
    else
      sim.event(
        set,
        'Warning',
        'FailedCreate',
        `create Claim ${claim} for Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${err}`,
        CONTROLLER_NAME,
      );
  }

  function createPersistentVolumeClaims(set: StatefulSet, pod: Pod): ControlError {
    const errs: string[] = [];
    for (const claim of getPersistentVolumeClaims(set, getOrdinal(pod))) {
      const existing = getClaim(set, claim.metadata.name);
      if (!existing) {
        const res = sim.api.create<PersistentVolumeClaim>(claim);
        const err = res.ok ? undefined : res.error.message;
        if (err) errs.push(`failed to create PVC ${claim.metadata.name}: ${err}`);
        if (res.ok || res.error.reason !== 'AlreadyExists')
          recordClaimEvent(set, pod, claim.metadata.name, err);
        if (res.ok)
          sim.decide({
            controller: CONTROLLER_NAME,
            object: `PersistentVolumeClaim/${ns(set)}/${claim.metadata.name}`,
            action: 'create',
            message: `create Claim ${claim.metadata.name} for Pod ${pod.metadata.name} (claims are created before their pod)`,
          });
      } else if (existing.metadata.deletionTimestamp) {
        errs.push(`pvc ${claim.metadata.name} is being deleted`);
      }
    }
    return aggregate(errs);
  }

  function updatePodClaimForRetentionPolicy(set: StatefulSet, pod: Pod): ControlError {
    const policy = getRetentionPolicy(set);
    for (const c of getPersistentVolumeClaims(set, getOrdinal(pod))) {
      const claim = getClaim(set, c.metadata.name);
      if (!claim) continue;
      const refs = claimOwnerRefsForPolicy(claim, set, pod);
      if (!refs) continue;
      const metadata: PersistentVolumeClaim['metadata'] = { ...claim.metadata, ownerReferences: refs };
      if (refs.length === 0) delete metadata.ownerReferences;
      const res = sim.api.update<PersistentVolumeClaim>({ ...claim, metadata });
      if (!res.ok)
        return `could not update claim ${claim.metadata.name} for delete policy ownerRefs: ${res.error.message}`;
      const owners = refs.map((r) => `${r.kind} ${r.name}`).join(', ') || 'none';
      sim.decide({
        controller: CONTROLLER_NAME,
        object: `PersistentVolumeClaim/${ns(set)}/${claim.metadata.name}`,
        action: 'update',
        message: `owners of ${claim.metadata.name} set to ${owners} (whenDeleted: ${policy.whenDeleted}, whenScaled: ${policy.whenScaled})`,
      });
    }
    return undefined;
  }

  const claimsMatchRetentionPolicy = (set: StatefulSet, pod: Pod) => claimsMatchPolicy(sim, set, pod);

  const control: StatefulPodControl = {
    createStatefulPod(set, pod) {
      const claimErr = createPersistentVolumeClaims(set, pod);
      if (claimErr) {
        recordPodEvent('create', set, pod, claimErr);
        return claimErr;
      }
      const res = sim.api.create<Pod>(pod);
      if (!res.ok && res.error.reason === 'AlreadyExists') return res.error.message;
      const updErr = updatePodClaimForRetentionPolicy(set, pod);
      if (updErr) {
        recordPodEvent('update', set, pod, updErr);
        return updErr;
      }
      const err = res.ok ? undefined : res.error.message;
      recordPodEvent('create', set, pod, err);
      if (res.ok)
        sim.decide({
          controller: CONTROLLER_NAME,
          object: `Pod/${ns(set)}/${pod.metadata.name}`,
          action: 'create',
          message: `create Pod ${pod.metadata.name} at revision ${getPodRevision(pod)}`,
        });
      return err;
    },

    updateStatefulPod(set, pod) {
      let next = pod;
      let consistent = true;
      if (!identityMatches(set, next)) {
        next = {
          ...next,
          metadata: {
            ...next.metadata,
            labels: identityLabels(next.metadata.labels, next.metadata.name, getOrdinal(next)),
          },
        };
        consistent = false;
      }
      if (!storageMatches(set, next)) {
        next = {
          ...next,
          spec: { ...next.spec, volumes: updateStorage(set, next.spec.volumes, getOrdinal(next)) },
        };
        consistent = false;
        const err = createPersistentVolumeClaims(set, next);
        if (err) {
          recordPodEvent('update', set, next, err);
          return err;
        }
      }
      if (!claimsMatchRetentionPolicy(set, next)) {
        const err = updatePodClaimForRetentionPolicy(set, next);
        if (err) {
          recordPodEvent('update', set, next, err);
          return err;
        }
        consistent = false;
      }
      if (consistent) return undefined;
      const res = sim.api.update<Pod>(next);
      const err = res.ok ? undefined : res.error.message;
      recordPodEvent('update', set, next, err);
      if (res.ok)
        sim.decide({
          controller: CONTROLLER_NAME,
          object: `Pod/${ns(set)}/${pod.metadata.name}`,
          action: 'update',
          message: `restore identity of ${pod.metadata.name} (pod-name label, claim volumes, claim owners)`,
        });
      return err;
    },

    deleteStatefulPod(set, pod, why) {
      const res = sim.api.delete('Pod', ns(set), pod.metadata.name);
      const err = res.ok ? undefined : res.error.message;
      recordPodEvent('delete', set, pod, err);
      if (res.ok)
        sim.decide({
          controller: CONTROLLER_NAME,
          object: `Pod/${ns(set)}/${pod.metadata.name}`,
          action: 'delete',
          message: `delete Pod ${pod.metadata.name}: ${why}`,
        });
      return err;
    },

    recordRecreate(set, pod) {
      if (pod.status?.phase === 'Failed')
        sim.event(
          set,
          'Warning',
          'RecreatingFailedPod',
          `StatefulSet ${ns(set)}/${set.metadata.name} is recreating failed Pod ${pod.metadata.name}`,
          CONTROLLER_NAME,
        );
      else
        sim.event(
          set,
          'Normal',
          'RecreatingTerminatedPod',
          `StatefulSet ${ns(set)}/${set.metadata.name} is recreating terminated Pod ${pod.metadata.name}`,
          CONTROLLER_NAME,
        );
    },

    podClaimIsStale(set, pod) {
      if (getRetentionPolicy(set).whenScaled === 'Retain') return undefined;
      for (const c of getPersistentVolumeClaims(set, getOrdinal(pod))) {
        const claim = getClaim(set, c.metadata.name);
        if (claim && hasStaleOwnerRef(claim, pod)) return claim.metadata.name;
      }
      return undefined;
    },

    claimsMatchRetentionPolicy,
    updatePodClaimForRetentionPolicy,

    createMissingPersistentVolumeClaims(set, pod) {
      const err = createPersistentVolumeClaims(set, pod);
      if (err) return err;
      const updErr = updatePodClaimForRetentionPolicy(set, pod);
      if (updErr) recordPodEvent('update', set, pod, updErr);
      return updErr;
    },
  };
  return control;
}
