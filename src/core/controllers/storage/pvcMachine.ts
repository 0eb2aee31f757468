/**
 * The PersistentVolumeClaim lifecycle machine: what the persistentvolume-controller, the external
 * provisioner and the pvc-protection controller do with one claim. Declared with xstate's `setup()`
 * and evaluated only with pure transitions (storageMachines.ts), so its snapshot is plain data in
 * `state.machines[uid]`. The controllers observe the cluster and send what they saw as an event; the
 * transition decides what to write and returns it as actions the controller applies in order:
 * `record` (an Event), `writePhase`, `writeBoundStatus`, `annotate`, `bindVolume`, `bindClaim`,
 * `createVolume`, `schedule` (a virtual-clock timer named by one of the machine's delays), `wait` /
 * `clearWaiting` (what the controller waits for), `removeFinalizer` and `decide`.
 *
 * Two regions, because deletion is orthogonal to the phase in Kubernetes (a Terminating claim keeps
 * its phase): `phase` (pending → bound → lost) and `deletion` (live → protected → finalized).
 *
 * Follows kubernetes/kubernetes (release-1.30) pkg/controller/volume/persistentvolume/pv_controller.go
 * syncUnboundClaim (the order of its checks is the order of the `claim.sync` guards) and
 * syncBoundClaim (Lost), sig-storage-lib-external-provisioner controller.go (Provisioning,
 * ProvisioningSucceeded) and pkg/controller/volume/pvcprotection/pvc_protection_controller.go.
 * Where the lab differs: see persistentVolumeController.ts (no selectors, no Recycle).
 */
import { enqueueActions, setup } from 'xstate';
import type { AccessMode } from '../../api/types.ts';
import type { Decision } from '../../simulation/clusterState.ts';
import {
  CLAIM_LOST,
  classNotFound,
  externalProvisioning,
  FAILED_BINDING,
  provisioning,
  provisioningSucceeded,
  type RecordParams,
  WAIT_FOR_FIRST_CONSUMER,
} from './claimEvents.ts';
import {
  CLAIM_DELAYS,
  type ClaimPhase,
  type PvcMachineContext,
  type PvcMachineEvent,
  type PvcMachineInput,
  type VolumeOffer,
} from './pvcMachineTypes.ts';
import {
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_STORAGE_PROVISIONER,
} from './storageHelpers.ts';

export type { ClaimPhase, PvcMachineContext, PvcMachineEvent, PvcMachineInput, RecordParams, VolumeOffer };
export { CLAIM_DELAYS };

type Ev<T extends PvcMachineEvent['type']> = Extract<PvcMachineEvent, { type: T }>;

const resync = { type: 'schedule' as const, params: { delay: 'resync' as const } };

/** The claim lifecycle machine (see the file comment). */
export const pvcMachine = setup({
  types: {
    context: {} as PvcMachineContext,
    events: {} as PvcMachineEvent,
    input: {} as PvcMachineInput,
  },
  delays: CLAIM_DELAYS,
  actions: {
    // Applied by the controller that sent the event, in order; see the file comment.
    record: (_: unknown, _params: RecordParams) => {},
    writePhase: (_: unknown, _params: { phase: ClaimPhase }) => {},
    writeBoundStatus: (
      _: unknown,
      _params: { accessModes: AccessMode[]; capacity: { storage: string } },
    ) => {},
    annotate: (_: unknown, _params: { annotations: Record<string, string> }) => {},
    bindVolume: (_: unknown, _params: { volume: string; setClaimRef: boolean }) => {},
    bindClaim: (_: unknown, _params: { volumeName: string; annotations: Record<string, string> }) => {},
    createVolume: () => {},
    schedule: (_: unknown, _params: { delay: keyof typeof CLAIM_DELAYS }) => {},
    wait: (_: unknown, _params: { message: string; waitingOn?: string }) => {},
    clearWaiting: () => {},
    removeFinalizer: () => {},
    decide: (_: unknown, _params: { action: Decision['action']; message: string }) => {},
    // Binds the claim to the volume offered: volume side first, then the claim, as bind() does.
    bind: enqueueActions(({ context, event, enqueue }) => {
      const e = event as Ev<'claim.sync'>;
      const offer = e.named?.free ?? (e.match as VolumeOffer);
      const annotations: Record<string, string> = { [ANN_BIND_COMPLETED]: 'yes' };
      if (e.boundByController) annotations[ANN_BOUND_BY_CONTROLLER] = 'yes';
      enqueue({ type: 'bindVolume', params: { volume: offer.name, setClaimRef: offer.setClaimRef } });
      enqueue({ type: 'bindClaim', params: { volumeName: offer.name, annotations } });
      enqueue({
        type: 'writeBoundStatus',
        params: { accessModes: offer.accessModes, capacity: { ...offer.capacity } },
      });
      enqueue({
        type: 'decide',
        params: { action: 'bind', message: `bound ${context.name} to volume ${offer.name}` },
      });
    }),
    handToProvisioner: enqueueActions(({ event, enqueue }) => {
      const e = event as Ev<'claim.sync'>;
      const provisioner = e.storageClass?.provisioner ?? '';
      enqueue(resync);
      if (e.annotatedProvisioner !== provisioner)
        enqueue({
          type: 'annotate',
          params: {
            annotations: {
              [ANN_BETA_STORAGE_PROVISIONER]: provisioner,
              [ANN_STORAGE_PROVISIONER]: provisioner,
            },
          },
        });
      enqueue({ type: 'record', params: externalProvisioning(provisioner) });
      enqueue({
        type: 'wait',
        params: { message: `waiting for provisioner ${provisioner} to create a volume` },
      });
    }),
  },
  guards: {
    deleting: ({ event }) => event.type === 'claim.sync' && event.deleting,
    namedVolumeFree: ({ event }) => event.type === 'claim.sync' && Boolean(event.named?.free),
    namesVolume: ({ event }) => event.type === 'claim.sync' && Boolean(event.named),
    matched: ({ event }) => event.type === 'claim.sync' && Boolean(event.match),
    noClass: ({ event }) => event.type === 'claim.sync' && event.className === '',
    classMissing: ({ event }) => event.type === 'claim.sync' && !event.storageClass,
    waitsForConsumer: ({ event }) =>
      event.type === 'claim.sync' && Boolean(event.storageClass?.waitForFirstConsumer) && !event.selectedNode,
    inUse: ({ event }) => event.type === 'claim.deleted' && event.users.length > 0,
  },
}).createMachine({
  id: 'pvc',
  type: 'parallel',
  context: ({ input }) => ({
    uid: input.uid,
    namespace: input.namespace,
    name: input.name,
    adoptedAs: input.phase,
  }),
  states: {
    phase: {
      initial: 'adopting',
      states: {
        // The machine starts where the claim is: new claims are Pending, restored ones may be further on.
        adopting: {
          always: [
            { guard: ({ context }) => context.adoptedAs === 'Bound', target: 'bound' },
            { guard: ({ context }) => context.adoptedAs === 'Lost', target: 'lost' },
            { target: 'pending' },
          ],
        },
        pending: {
          initial: 'unsynced',
          states: {
            unsynced: {},
            /** spec.volumeName names a volume that is missing or bound to another claim */
            waitingForVolume: {},
            /** no class and no static volume: FailedBinding */
            noClass: {},
            /** the class does not exist: ProvisioningFailed */
            classMissing: {},
            waitForFirstConsumer: {},
            /** handed to the class's external provisioner: ExternalProvisioning */
            provisioning: {},
            /** the provisioner created the volume; the binder binds them next */
            provisioned: {},
          },
          on: {
            'claim.sync': [
              { guard: 'deleting' },
              { guard: 'namedVolumeFree', target: '#pvc.phase.bound', actions: 'bind' },
              { guard: 'namesVolume', target: '.waitingForVolume', actions: resync },
              { guard: 'matched', target: '#pvc.phase.bound', actions: 'bind' },
              {
                guard: 'noClass',
                target: '.noClass',
                actions: [resync, { type: 'record', params: FAILED_BINDING }],
              },
              {
                guard: 'classMissing',
                target: '.classMissing',
                actions: [
                  resync,
                  {
                    type: 'record',
                    params: ({ event }) => classNotFound((event as Ev<'claim.sync'>).className),
                  },
                ],
              },
              {
                guard: 'waitsForConsumer',
                target: '.waitForFirstConsumer',
                actions: [resync, { type: 'record', params: WAIT_FOR_FIRST_CONSUMER }],
              },
              { target: '.provisioning', actions: 'handToProvisioner' },
            ],
            'provision.started': {
              actions: [
                {
                  type: 'record',
                  params: ({ context, event }) =>
                    provisioning(
                      `${context.namespace}/${context.name}`,
                      (event as Ev<'provision.started'>).source,
                    ),
                },
                { type: 'schedule', params: { delay: 'provision' } },
              ],
            },
            'claim.provisioned': {
              target: '.provisioned',
              actions: [
                'createVolume',
                {
                  type: 'record',
                  params: ({ context, event }) =>
                    provisioningSucceeded(`pvc-${context.uid}`, (event as Ev<'claim.provisioned'>).source),
                },
                {
                  type: 'decide',
                  params: ({ context, event }) => ({
                    action: 'provision',
                    message: `${(event as Ev<'claim.provisioned'>).provisioner} provisioned pvc-${context.uid}`,
                  }),
                },
              ],
            },
          },
        },
        bound: {
          on: {
            'claim.lost': {
              target: 'lost',
              actions: [
                { type: 'writePhase', params: { phase: 'Lost' } },
                { type: 'record', params: CLAIM_LOST },
              ],
            },
          },
        },
        lost: {},
      },
    },
    deletion: {
      initial: 'live',
      states: {
        live: {},
        /** deleted while a pod still uses it: Terminating, kept by kubernetes.io/pvc-protection */
        protected: {},
        /** the finalizer is gone; the apiserver removes the claim */
        finalized: {},
      },
      on: {
        'claim.deleted': [
          {
            guard: 'inUse',
            target: '.protected',
            actions: {
              type: 'wait',
              params: ({ context, event }) => {
                const users = (event as Ev<'claim.deleted'>).users;
                return {
                  waitingOn: users[0],
                  message: `claim ${context.name} is still used by pod ${users.join(', ')}`,
                };
              },
            },
          },
          { target: '.finalized', actions: ['clearWaiting', 'removeFinalizer'] },
        ],
      },
    },
  },
});

/** The claim phase a machine state value stands for. */
export function claimPhaseOf(value: unknown): ClaimPhase {
  const phase = (value as { phase?: unknown } | undefined)?.phase;
  if (phase === 'bound') return 'Bound';
  if (phase === 'lost') return 'Lost';
  return 'Pending';
}
