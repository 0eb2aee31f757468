/**
 * Runs the claim and volume lifecycle machines (pvcMachine.ts, pvMachine.ts) for the storage
 * controllers, as the kubelet runs the pod machine: pure transitions (lifecycle/machineStep.ts), the
 * snapshot kept as plain data in `state.machines[uid]` as `{ machine, value, context }`, and the
 * returned actions handed back to the controller that sent the event, one after another.
 *
 * The object stays the source of truth: a machine whose phase no longer matches the object's
 * status.phase (a session saved before machines existed, a status written by someone else) is
 * adopted afresh from the object. A write an action needed that failed ends the transition like an
 * early return in the controller: the actions after it are not applied and the machine keeps its
 * previous state. Machines are forgotten when their object is deleted (persistentVolumeController's
 * watch handler).
 */
import type { AnyStateMachine, SnapshotFrom } from 'xstate';
import type { PersistentVolume, PersistentVolumeClaim } from '../../api/types.ts';
import { pureInitialTransition, pureTransition } from '../../lifecycle/machineStep.ts';
import type { PersistedMachine } from '../../simulation/clusterState.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import { type ClaimPhase, claimPhaseOf, type PvcMachineEvent, pvcMachine } from './pvcMachine.ts';
import { type PvMachineEvent, pvMachine, type VolumePhase, volumePhaseOf } from './pvMachine.ts';

/** One action a transition returned: its declared type and its resolved params. */
export interface MachineAction {
  type: string;
  params?: unknown;
}

/** Applies one action; returns false when a write it needed failed (the transition ends there). */
export type ActionApplier = (action: MachineAction) => boolean;

interface Subject<M extends AnyStateMachine> {
  machine: M;
  name: string;
  uid: string;
  phase: string;
  phaseOf: (value: unknown) => string;
  input: unknown;
}

function toPersisted(name: string, snapshot: { value: unknown; context: unknown }): PersistedMachine {
  return { machine: name, value: snapshot.value, context: snapshot.context };
}

function load<M extends AnyStateMachine>(sim: Simulation, s: Subject<M>): SnapshotFrom<M> {
  const persisted = sim.state.machines[s.uid];
  if (persisted?.machine === s.name && s.phaseOf(persisted.value) === s.phase)
    return s.machine.resolveState({
      value: persisted.value as SnapshotFrom<M>['value'],
      context: persisted.context,
    }) as SnapshotFrom<M>;
  const [initial] = pureInitialTransition<M, MachineAction>(s.machine, s.input);
  return initial;
}

function dispatch<M extends AnyStateMachine>(
  sim: Simulation,
  s: Subject<M>,
  event: unknown,
  apply: ActionApplier,
): boolean {
  const before = load(sim, s);
  const [next, actions] = pureTransition<M, MachineAction>(s.machine, before, event);
  // Saved before the actions run: a write may delete the object, and its watch handler the machine.
  const saved = toPersisted(s.name, next);
  sim.state.machines[s.uid] = saved;
  for (const action of actions) {
    if (apply(action)) continue;
    if (sim.state.machines[s.uid] === saved) sim.state.machines[s.uid] = toPersisted(s.name, before);
    return false;
  }
  return true;
}

function claimSubject(claim: PersistentVolumeClaim): Subject<typeof pvcMachine> {
  const phase: ClaimPhase = claim.status?.phase ?? 'Pending';
  return {
    machine: pvcMachine,
    name: 'pvc',
    uid: claim.metadata.uid,
    phase,
    phaseOf: claimPhaseOf,
    input: {
      uid: claim.metadata.uid,
      namespace: claim.metadata.namespace ?? 'default',
      name: claim.metadata.name,
      phase,
    },
  };
}

function volumeSubject(pv: PersistentVolume): Subject<typeof pvMachine> {
  const phase = (pv.status?.phase ?? 'Pending') as VolumePhase;
  return {
    machine: pvMachine,
    name: 'pv',
    uid: pv.metadata.uid,
    phase,
    phaseOf: volumePhaseOf,
    input: {
      uid: pv.metadata.uid,
      name: pv.metadata.name,
      phase,
      reclaimPolicy: pv.spec.persistentVolumeReclaimPolicy ?? 'Delete',
    },
  };
}

/** Sends an event to the claim's machine and applies its actions; false when a needed write failed. */
export function dispatchClaim(
  sim: Simulation,
  claim: PersistentVolumeClaim,
  event: PvcMachineEvent,
  apply: ActionApplier,
): boolean {
  return dispatch(sim, claimSubject(claim), event, apply);
}

/** Sends an event to the volume's machine and applies its actions; false when a needed write failed. */
export function dispatchVolume(
  sim: Simulation,
  pv: PersistentVolume,
  event: PvMachineEvent,
  apply: ActionApplier,
): boolean {
  return dispatch(sim, volumeSubject(pv), event, apply);
}

/** Starts (or re-adopts) the volume's machine without an event, so every known volume has one. */
export function ensureVolumeMachine(sim: Simulation, pv: PersistentVolume): void {
  const s = volumeSubject(pv);
  const persisted = sim.state.machines[s.uid];
  if (persisted?.machine === s.name && volumePhaseOf(persisted.value) === s.phase) return;
  sim.state.machines[s.uid] = toPersisted(s.name, load(sim, s));
}

/** Forgets the machine of a deleted claim or volume. */
export function forgetMachine(sim: Simulation, uid: string): void {
  delete sim.state.machines[uid];
}
