import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import {
  type ClaimPhase,
  claimPhaseOf,
  type PvcMachineEvent,
  pvcMachine,
  type VolumeOffer,
} from './pvcMachine.ts';

type Snap = ReturnType<typeof initialTransition<typeof pvcMachine>>[0];
type Action = { type: string; params?: unknown };

const claim = { uid: 'c-1', namespace: 'default', name: 'dbvl-mariadb-sts-0' };

function start(phase: ClaimPhase = 'Pending') {
  return initialTransition(pvcMachine, { ...claim, phase });
}

function run(events: PvcMachineEvent[], phase: ClaimPhase = 'Pending') {
  let [snap, actions] = start(phase);
  for (const e of events) [snap, actions] = transition(pvcMachine, snap as Snap, e);
  return { snap, actions: actions as Action[] };
}

const types = (actions: Action[]) => actions.map((a) => a.type);
const params = (actions: Action[], type: string) => actions.find((a) => a.type === type)?.params;

/** An unbound claim of class `standard` (minikube-hostpath), nothing matched yet. */
function sync(over: Partial<Extract<PvcMachineEvent, { type: 'claim.sync' }>> = {}): PvcMachineEvent {
  return {
    type: 'claim.sync',
    deleting: false,
    className: 'standard',
    storageClass: { provisioner: 'k8s.io/minikube-hostpath', waitForFirstConsumer: false },
    selectedNode: false,
    boundByController: true,
    ...over,
  };
}

const offer: VolumeOffer = {
  name: 'pvc-c-1',
  accessModes: ['ReadWriteOnce'],
  capacity: { storage: '20Mi' },
  setClaimRef: false,
};

describe('pvcMachine (pure transitions)', () => {
  it('starts a new claim Pending and asks for nothing', () => {
    const [snap, actions] = start();
    expect(snap.value).toEqual({ phase: { pending: 'unsynced' }, deletion: 'live' });
    expect(actions).toEqual([]);
    expect(claimPhaseOf(snap.value)).toBe('Pending');
  });

  it('adopts a claim found Bound or Lost in that state', () => {
    expect(start('Bound')[0].value).toEqual({ phase: 'bound', deletion: 'live' });
    expect(start('Lost')[0].value).toEqual({ phase: 'lost', deletion: 'live' });
  });

  it('hands a claim of a class with a provisioner to it: resync, both annotations, ExternalProvisioning, wait', () => {
    const { snap, actions } = run([sync()]);
    expect(snap.value).toMatchObject({ phase: { pending: 'provisioning' } });
    expect(types(actions)).toEqual(['schedule', 'annotate', 'record', 'wait']);
    expect(params(actions, 'schedule')).toEqual({ delay: 'resync' });
    expect(params(actions, 'annotate')).toEqual({
      annotations: {
        'volume.beta.kubernetes.io/storage-provisioner': 'k8s.io/minikube-hostpath',
        'volume.kubernetes.io/storage-provisioner': 'k8s.io/minikube-hostpath',
      },
    });
    expect(params(actions, 'record')).toEqual({
      type: 'Normal',
      reason: 'ExternalProvisioning',
      message:
        "Waiting for a volume to be created either by the external provisioner 'k8s.io/minikube-hostpath' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
    });
  });

  it('does not annotate again a claim that already names its provisioner, but announces again', () => {
    const { snap, actions } = run([sync(), sync({ annotatedProvisioner: 'k8s.io/minikube-hostpath' })]);
    expect(snap.value).toMatchObject({ phase: { pending: 'provisioning' } });
    expect(types(actions)).toEqual(['schedule', 'record', 'wait']);
  });

  it('reports no class, a missing class and WaitForFirstConsumer with the real texts', () => {
    const none = run([sync({ className: '', storageClass: undefined })]);
    expect(none.snap.value).toMatchObject({ phase: { pending: 'noClass' } });
    expect(params(none.actions, 'record')).toEqual({
      type: 'Normal',
      reason: 'FailedBinding',
      message: 'no persistent volumes available for this claim and no storage class is set',
    });
    const missing = run([sync({ className: 'fast', storageClass: undefined })]);
    expect(missing.snap.value).toMatchObject({ phase: { pending: 'classMissing' } });
    expect(params(missing.actions, 'record')).toEqual({
      type: 'Warning',
      reason: 'ProvisioningFailed',
      message: 'storageclass.storage.k8s.io "fast" not found',
    });
    const late = { provisioner: 'k8s.io/minikube-hostpath', waitForFirstConsumer: true };
    const waiting = run([sync({ storageClass: late })]);
    expect(waiting.snap.value).toMatchObject({ phase: { pending: 'waitForFirstConsumer' } });
    expect(types(waiting.actions)).toEqual(['schedule', 'record']);
    expect(params(waiting.actions, 'record')).toMatchObject({
      reason: 'WaitForFirstConsumer',
      message: 'waiting for first consumer to be created before binding',
    });
    // Once the scheduler picked a node, the claim goes to the provisioner.
    const picked = run([sync({ storageClass: late }), sync({ storageClass: late, selectedNode: true })]);
    expect(picked.snap.value).toMatchObject({ phase: { pending: 'provisioning' } });
  });

  it('records Provisioning and sets the provision timer, then creates the volume on claim.provisioned', () => {
    const started = run([
      sync(),
      { type: 'provision.started', source: 'k8s.io/minikube-hostpath_minikube_x' },
    ]);
    expect(started.snap.value).toMatchObject({ phase: { pending: 'provisioning' } });
    expect(types(started.actions)).toEqual(['record', 'schedule']);
    expect(params(started.actions, 'record')).toEqual({
      type: 'Normal',
      reason: 'Provisioning',
      message: `External provisioner is provisioning volume for claim "${claim.namespace}/${claim.name}"`,
      source: 'k8s.io/minikube-hostpath_minikube_x',
    });
    expect(params(started.actions, 'schedule')).toEqual({ delay: 'provision' });
    const done = run([
      sync(),
      { type: 'claim.provisioned', provisioner: 'k8s.io/minikube-hostpath', source: 'src' },
    ]);
    expect(done.snap.value).toMatchObject({ phase: { pending: 'provisioned' } });
    expect(types(done.actions)).toEqual(['createVolume', 'record', 'decide']);
    expect(params(done.actions, 'record')).toMatchObject({
      reason: 'ProvisioningSucceeded',
      message: `Successfully provisioned volume pvc-${claim.uid}`,
    });
  });

  it('binds to a matching volume: volume first, then the claim, its Bound status and the decision', () => {
    const { snap, actions } = run([sync(), sync({ match: offer })]);
    expect(snap.value).toEqual({ phase: 'bound', deletion: 'live' });
    expect(claimPhaseOf(snap.value)).toBe('Bound');
    expect(types(actions)).toEqual(['bindVolume', 'bindClaim', 'writeBoundStatus', 'decide']);
    expect(params(actions, 'bindVolume')).toEqual({ volume: offer.name, setClaimRef: false });
    expect(params(actions, 'bindClaim')).toEqual({
      volumeName: offer.name,
      annotations: {
        'pv.kubernetes.io/bind-completed': 'yes',
        'pv.kubernetes.io/bound-by-controller': 'yes',
      },
    });
    expect(params(actions, 'writeBoundStatus')).toEqual({
      accessModes: offer.accessModes,
      capacity: offer.capacity,
    });
  });

  it('binds a claim that names a free volume without bound-by-controller; waits when it is not free', () => {
    const named = run([sync({ named: { free: { ...offer, setClaimRef: true } }, boundByController: false })]);
    expect(named.snap.value).toMatchObject({ phase: 'bound' });
    expect(params(named.actions, 'bindVolume')).toEqual({ volume: offer.name, setClaimRef: true });
    expect(params(named.actions, 'bindClaim')).toEqual({
      volumeName: offer.name,
      annotations: { 'pv.kubernetes.io/bind-completed': 'yes' },
    });
    const taken = run([sync({ named: {} })]);
    expect(taken.snap.value).toMatchObject({ phase: { pending: 'waitingForVolume' } });
    expect(types(taken.actions)).toEqual(['schedule']);
  });

  it('leaves a deleting claim alone', () => {
    const { snap, actions } = run([sync(), sync({ deleting: true, match: offer })]);
    expect(snap.value).toMatchObject({ phase: { pending: 'provisioning' } });
    expect(actions).toEqual([]);
  });

  it('turns a Bound claim whose volume is gone Lost, with the ClaimLost warning', () => {
    const { snap, actions } = run([{ type: 'claim.lost' }], 'Bound');
    expect(snap.value).toMatchObject({ phase: 'lost' });
    expect(claimPhaseOf(snap.value)).toBe('Lost');
    expect(types(actions)).toEqual(['writePhase', 'record']);
    expect(params(actions, 'writePhase')).toEqual({ phase: 'Lost' });
    expect(params(actions, 'record')).toEqual({
      type: 'Warning',
      reason: 'ClaimLost',
      message: 'Bound claim has lost its PersistentVolume. Data on the volume is lost!',
    });
    // A pending claim cannot be lost, and a lost one stays lost.
    expect(run([{ type: 'claim.lost' }]).actions).toEqual([]);
    expect(run([{ type: 'claim.lost' }, sync({ match: offer })], 'Bound').snap.value).toMatchObject({
      phase: 'lost',
    });
  });

  it('keeps a deleted claim in use protected, then removes the finalizer once no pod uses it', () => {
    const used = run([{ type: 'claim.deleted', users: ['mariadb-sts-0', 'backup'] }], 'Bound');
    expect(used.snap.value).toEqual({ phase: 'bound', deletion: 'protected' });
    expect(types(used.actions)).toEqual(['wait']);
    expect(params(used.actions, 'wait')).toEqual({
      waitingOn: 'mariadb-sts-0',
      message: `claim ${claim.name} is still used by pod mariadb-sts-0, backup`,
    });
    const freed = run(
      [
        { type: 'claim.deleted', users: ['mariadb-sts-0'] },
        { type: 'claim.deleted', users: [] },
      ],
      'Bound',
    );
    // Deletion does not change the phase: a Terminating claim is still Bound.
    expect(freed.snap.value).toEqual({ phase: 'bound', deletion: 'finalized' });
    expect(types(freed.actions)).toEqual(['clearWaiting', 'removeFinalizer']);
  });
});
