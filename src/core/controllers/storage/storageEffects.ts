/**
 * Applies what the claim and volume machines decided (pvcMachine.ts, pvMachine.ts): each action
 * becomes a write through the apiserver (status subresource for phases), an Event, a virtual-clock
 * timer, a waiting note or a decision for the timeline, done on behalf of the controller that sent
 * the event. The object is read afresh for every action, so each write builds on the one before, as
 * the controllers' code did when it wrote them itself. Writes of spec or metadata report failure
 * (the transition ends there); status writes, like the real controller's, are not waited on.
 */
import type { AccessMode, PersistentVolume, PersistentVolumeClaim } from '../../api/types.ts';
import type { Decision } from '../../simulation/clusterState.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import { CLAIM_DELAYS, type ClaimPhase, type RecordParams } from './pvcMachine.ts';
import { VOLUME_DELAYS, type VolumePhase } from './pvMachine.ts';
import { ANN_BOUND_BY_CONTROLLER, hasTimer, keyOf } from './storageHelpers.ts';
import type { ActionApplier, MachineAction } from './storageMachines.ts';
import { dispatchVolume } from './storageMachines.ts';
import { PV_PROTECTION, PVC_PROTECTION } from './storageStrategies.ts';
import { removeVolumeContents } from './volumes.ts';

/** Timer types the storage machines' delays are set as (their handlers are the controllers'). */
export const RESYNC_TIMER = 'pv-resync';
export const PROVISION_TIMER = 'provision';
export const RECLAIM_TIMER = 'pv-reclaim-delete';

function withoutFinalizer<T extends PersistentVolumeClaim | PersistentVolume>(obj: T, f: string): T {
  return {
    ...obj,
    metadata: { ...obj.metadata, finalizers: (obj.metadata.finalizers ?? []).filter((x) => x !== f) },
  };
}

/** The params of every storage machine action, as pvcMachine.ts and pvMachine.ts declare them. */
interface Params {
  phase: ClaimPhase & VolumePhase;
  accessModes: AccessMode[];
  capacity: { storage: string };
  annotations: Record<string, string>;
  volumeName: string;
  volume: string;
  setClaimRef: boolean;
  delay: string;
  message: string;
  waitingOn?: string;
  action: Decision['action'];
  id: string;
}

/** What a claim action may need beyond the claim: the provisioner's way to create the volume. */
export interface ClaimEffectOptions {
  /** creates the claim's volume (the `createVolume` action); false when it could not */
  createVolume?: (claim: PersistentVolumeClaim) => boolean;
}

/**
 * Applies the claim machine's actions for `controller`: writes to the claim as it is when each runs,
 * Events about `first`, the claim as the controller saw it.
 */
export function claimApplier(
  sim: Simulation,
  controller: string,
  first: PersistentVolumeClaim,
  options: ClaimEffectOptions = {},
): ActionApplier {
  const key = keyOf(first);
  const { namespace, name, uid } = first.metadata;
  return (action: MachineAction) => {
    const claim = sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name);
    if (!claim || claim.metadata.uid !== uid) return false;
    const p = (action.params ?? {}) as Params;
    switch (action.type) {
      case 'record': {
        // Events name the claim as the controller saw it when it sent the event (its resourceVersion).
        const r = action.params as RecordParams;
        sim.event(first, r.type, r.reason, r.message, r.source ?? controller);
        return true;
      }
      case 'writePhase':
        sim.api.updateStatus({ ...claim, status: { ...claim.status, phase: p.phase } });
        return true;
      case 'writeBoundStatus':
        sim.api.updateStatus<PersistentVolumeClaim>({
          ...claim,
          status: { phase: 'Bound', accessModes: p.accessModes, capacity: p.capacity },
        });
        return true;
      case 'annotate':
      case 'bindClaim':
        return sim.api.update<PersistentVolumeClaim>({
          ...claim,
          metadata: { ...claim.metadata, annotations: { ...claim.metadata.annotations, ...p.annotations } },
          spec: action.type === 'bindClaim' ? { ...claim.spec, volumeName: p.volumeName } : claim.spec,
        }).ok;
      case 'bindVolume': {
        const pv = sim.store.get<PersistentVolume>('PersistentVolume', undefined, p.volume);
        if (!pv) return false;
        return dispatchVolume(
          sim,
          pv,
          { type: 'volume.claimed', setClaimRef: p.setClaimRef },
          volumeApplier(sim, controller, pv, claim),
        );
      }
      case 'createVolume':
        return options.createVolume?.(claim) ?? false;
      case 'schedule':
        if (p.delay === 'provision')
          sim.after(sim.random.jitter(CLAIM_DELAYS.provision, 0.3), PROVISION_TIMER, uid, { key });
        else if (!hasTimer(sim, RESYNC_TIMER, key)) sim.after(CLAIM_DELAYS.resync, RESYNC_TIMER, key);
        return true;
      case 'wait': {
        const base = { object: key, kind: 'PersistentVolumeClaim' };
        sim.setWaiting(
          `${controller}/${key}`,
          p.waitingOn === undefined
            ? { ...base, message: p.message }
            : { ...base, waitingOn: p.waitingOn, message: p.message },
        );
        return true;
      }
      case 'clearWaiting':
        sim.setWaiting(`${controller}/${key}`, undefined);
        return true;
      case 'removeFinalizer':
        sim.api.update(withoutFinalizer(claim, PVC_PROTECTION));
        return true;
      case 'decide':
        sim.decide({
          controller,
          object: `PersistentVolumeClaim/${key}`,
          action: p.action,
          message: p.message,
        });
        return true;
      default:
        return true;
    }
  };
}

/** Applies the volume machine's actions for `controller`; `claim` is the claim being bound, if any. */
export function volumeApplier(
  sim: Simulation,
  controller: string,
  first: PersistentVolume,
  claim?: PersistentVolumeClaim,
): ActionApplier {
  const { name, uid } = first.metadata;
  return (action: MachineAction) => {
    const pv = sim.store.get<PersistentVolume>('PersistentVolume', undefined, name);
    if (!pv || pv.metadata.uid !== uid) return false;
    const p = (action.params ?? {}) as Params;
    switch (action.type) {
      case 'writePhase':
        sim.api.updateStatus<PersistentVolume>({
          ...pv,
          status: { ...pv.status, phase: p.phase, lastPhaseTransitionTime: sim.timestamp() },
        });
        return true;
      case 'setClaimRef':
        if (!claim) return false;
        return sim.api.update<PersistentVolume>({
          ...pv,
          metadata: {
            ...pv.metadata,
            annotations: { ...pv.metadata.annotations, [ANN_BOUND_BY_CONTROLLER]: 'yes' },
          },
          spec: {
            ...pv.spec,
            claimRef: {
              apiVersion: 'v1',
              kind: 'PersistentVolumeClaim',
              namespace: claim.metadata.namespace ?? 'default',
              name: claim.metadata.name,
              uid: claim.metadata.uid,
              resourceVersion: claim.metadata.resourceVersion,
            },
          },
        }).ok;
      case 'schedule':
        sim.after(VOLUME_DELAYS.reclaim, RECLAIM_TIMER, name);
        return true;
      case 'removeContents':
        removeVolumeContents(sim, p.id);
        return true;
      case 'deleteVolume':
        sim.api.delete('PersistentVolume', undefined, name);
        return true;
      case 'removeFinalizer':
        sim.api.update(withoutFinalizer(pv, PV_PROTECTION));
        return true;
      case 'decide':
        sim.decide({ controller, object: `PersistentVolume/${name}`, action: p.action, message: p.message });
        return true;
      default:
        return true;
    }
  };
}
