import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import {
  type PvMachineEvent,
  pvMachine,
  type ReclaimPolicy,
  type VolumePhase,
  volumePhaseOf,
} from './pvMachine.ts';

type Snap = ReturnType<typeof initialTransition<typeof pvMachine>>[0];
type Action = { type: string; params?: unknown };

function start(phase: VolumePhase = 'Pending', reclaimPolicy: ReclaimPolicy = 'Delete') {
  return initialTransition(pvMachine, { uid: 'v-1', name: 'pvc-c-1', phase, reclaimPolicy });
}

function run(events: PvMachineEvent[], phase: VolumePhase = 'Pending', policy: ReclaimPolicy = 'Delete') {
  let [snap, actions] = start(phase, policy);
  for (const e of events) [snap, actions] = transition(pvMachine, snap as Snap, e);
  return { snap, actions: actions as Action[] };
}

const types = (actions: Action[]) => actions.map((a) => a.type);
const params = (actions: Action[], type: string) =>
  actions.filter((a) => a.type === type).map((a) => a.params);

function gone(over: Partial<Extract<PvMachineEvent, { type: 'volume.sync' }>> = {}): PvMachineEvent {
  return {
    type: 'volume.sync',
    claim: 'gone',
    claimKey: 'default/data',
    deleting: false,
    reclaimPolicy: 'Delete',
    reclaimScheduled: false,
    ...over,
  };
}
const unclaimed = gone({ claim: 'none', claimKey: undefined });

describe('pvMachine (pure transitions)', () => {
  it('starts a new volume Pending and asks for nothing', () => {
    const [snap, actions] = start();
    expect(snap.value).toEqual({ phase: 'pending', deletion: 'live' });
    expect(actions).toEqual([]);
    expect(volumePhaseOf(snap.value)).toBe('Pending');
  });

  it('adopts a volume in the phase it has, a Released one by its reclaim policy', () => {
    expect(start('Available')[0].value).toMatchObject({ phase: 'available' });
    expect(start('Bound')[0].value).toMatchObject({ phase: 'bound' });
    expect(start('Released', 'Delete')[0].value).toMatchObject({ phase: { released: 'reclaiming' } });
    expect(start('Released', 'Retain')[0].value).toMatchObject({ phase: { released: 'retained' } });
    expect(start('Failed')[0].value).toMatchObject({ phase: 'failed' });
    for (const p of ['Pending', 'Available', 'Bound', 'Released', 'Failed'] as VolumePhase[])
      expect(volumePhaseOf(start(p)[0].value)).toBe(p);
  });

  it('makes an unclaimed volume Available once, and not while it is being deleted', () => {
    const first = run([unclaimed]);
    expect(first.snap.value).toMatchObject({ phase: 'available' });
    expect(params(first.actions, 'writePhase')).toEqual([{ phase: 'Available' }]);
    expect(run([unclaimed, unclaimed]).actions).toEqual([]);
    const deleting = run([gone({ claim: 'none', claimKey: undefined, deleting: true })]);
    expect(deleting.snap.value).toMatchObject({ phase: 'pending' });
    expect(deleting.actions).toEqual([]);
  });

  it('binds: sets the claimRef only when the volume does not name the claim yet, then writes Bound', () => {
    const provisioned = run([{ type: 'volume.claimed', setClaimRef: false }]);
    expect(provisioned.snap.value).toMatchObject({ phase: 'bound' });
    expect(types(provisioned.actions)).toEqual(['writePhase']);
    expect(params(provisioned.actions, 'writePhase')).toEqual([{ phase: 'Bound' }]);
    const staticVolume = run([unclaimed, { type: 'volume.claimed', setClaimRef: true }]);
    expect(types(staticVolume.actions)).toEqual(['setClaimRef', 'writePhase']);
    // Already Bound: no second phase write.
    expect(types(run([{ type: 'volume.claimed', setClaimRef: false }], 'Bound').actions)).toEqual([]);
  });

  it('Delete: releases a volume whose claim is gone, schedules the reclaim, then deletes it and its files', () => {
    const released = run([{ type: 'volume.claimed', setClaimRef: false }, gone()]);
    expect(released.snap.value).toMatchObject({ phase: { released: 'reclaiming' } });
    expect(volumePhaseOf(released.snap.value)).toBe('Released');
    expect(types(released.actions)).toEqual(['writePhase', 'decide', 'schedule']);
    expect(params(released.actions, 'decide')).toEqual([
      { action: 'release', message: 'claim default/data was deleted' },
    ]);
    expect(params(released.actions, 'schedule')).toEqual([{ delay: 'reclaim' }]);
    const reclaimed = run(
      [
        { type: 'volume.claimed', setClaimRef: false },
        gone(),
        { type: 'volume.reclaim', contentsId: '/tmp/x' },
      ],
      'Pending',
    );
    expect(reclaimed.snap.value).toMatchObject({ phase: { released: 'reclaimed' } });
    expect(types(reclaimed.actions)).toEqual(['removeContents', 'deleteVolume', 'decide']);
    expect(params(reclaimed.actions, 'removeContents')).toEqual([{ id: '/tmp/x' }]);
    // A static volume has no contents of the provisioner's to remove.
    expect(types(run([gone(), { type: 'volume.reclaim' }]).actions)).toEqual(['deleteVolume', 'decide']);
  });

  it('does not schedule a second reclaim, nor one for a volume already being deleted', () => {
    expect(types(run([gone(), gone({ reclaimScheduled: true })]).actions)).toEqual([]);
    expect(types(run([gone({ deleting: true })]).actions)).toEqual(['writePhase', 'decide']);
    expect(types(run([gone(), gone()]).actions)).toEqual(['schedule']);
  });

  it('Retain: the volume stays Released (retained) and nothing is scheduled', () => {
    const { snap, actions } = run([gone({ reclaimPolicy: 'Retain' })], 'Bound', 'Retain');
    expect(snap.value).toMatchObject({ phase: { released: 'retained' } });
    expect(types(actions)).toEqual(['writePhase', 'decide']);
    expect(
      run([gone({ reclaimPolicy: 'Retain' }), gone({ reclaimPolicy: 'Retain' })], 'Bound').actions,
    ).toEqual([]);
  });

  it('pv-protection: keeps a Bound volume, lets any other one go', () => {
    const kept = run([{ type: 'volume.deleted' }], 'Bound');
    expect(kept.snap.value).toEqual({ phase: 'bound', deletion: 'protected' });
    expect(kept.actions).toEqual([]);
    const freed = run([{ type: 'volume.deleted' }, gone(), { type: 'volume.deleted' }], 'Bound');
    expect(freed.snap.value).toEqual({ phase: { released: 'reclaiming' }, deletion: 'finalized' });
    expect(types(freed.actions)).toEqual(['removeFinalizer']);
  });
});
