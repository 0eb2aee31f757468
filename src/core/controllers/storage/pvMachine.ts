/**
 * The PersistentVolume lifecycle machine: what the persistentvolume-controller and the pv-protection
 * controller do with one volume. Declared with xstate's `setup()` and evaluated only with pure
 * transitions (storageMachines.ts), so its snapshot is plain data in `state.machines[uid]`. The
 * controllers send what they saw; the transition returns the writes as actions the controller
 * applies in order: `writePhase`, `setClaimRef`, `schedule` (a virtual-clock timer named by one of
 * the machine's delays), `removeContents`, `deleteVolume`, `removeFinalizer` and `decide`.
 *
 * Two regions, because deletion is orthogonal to the phase (a Terminating volume keeps its phase):
 * `phase` (pending → available → bound → released → reclaiming/reclaimed | retained; failed) and
 * `deletion` (live → protected → finalized).
 *
 * Follows kubernetes/kubernetes (release-1.30) pkg/controller/volume/persistentvolume/pv_controller.go
 * syncVolume (Available, Bound, Released, reclaimVolume: Retain keeps the volume, Delete has it
 * deleted, deleteVolumeOperation) and pkg/controller/volume/pvprotection/pv_protection_controller.go.
 * Where the lab differs: Recycle is not done (such a volume stays Released, like Retain), and the
 * lab never fails a reclaim, so `failed` is only reached by adopting a volume created as Failed.
 */
import { and, enqueueActions, setup, stateIn } from 'xstate';
import type { Decision } from '../../simulation/clusterState.ts';

/** The named delays of the volume's timers (virtual milliseconds). */
export const VOLUME_DELAYS = {
  /** How long the external provisioner takes to delete a released Delete-policy volume (illustrative). */
  reclaim: 1_000,
} as const;

/** Pending, Available, Bound, Released or Failed, as the volume's status.phase says. */
export type VolumePhase = 'Pending' | 'Available' | 'Bound' | 'Released' | 'Failed';
export type ReclaimPolicy = 'Delete' | 'Retain' | 'Recycle';

/** What the controllers tell the volume's machine. */
export type PvMachineEvent =
  | {
      /** syncVolume saw the volume unclaimed (`none`) or its claim deleted (`gone`). */
      type: 'volume.sync';
      claim: 'none' | 'gone';
      /** the claimRef's `namespace/name` (for `gone`) */
      claimKey?: string;
      deleting: boolean;
      reclaimPolicy: ReclaimPolicy;
      /** a reclaim timer for the volume is already pending */
      reclaimScheduled: boolean;
    }
  | { type: 'volume.claimed'; setClaimRef: boolean }
  | { type: 'volume.reclaim'; contentsId?: string }
  | { type: 'volume.deleted' };

export interface PvMachineContext {
  uid: string;
  name: string;
  /** the phase and policy the volume had when the machine first saw it (pick the initial state) */
  adoptedAs: VolumePhase;
  adoptedPolicy: ReclaimPolicy;
}

/** What the machine is given when it first sees a volume. */
export interface PvMachineInput {
  uid: string;
  name: string;
  phase: VolumePhase;
  reclaimPolicy: ReclaimPolicy;
}

type Ev<T extends PvMachineEvent['type']> = Extract<PvMachineEvent, { type: T }>;

const released = { type: 'writePhase' as const, params: { phase: 'Released' as const } };

/** The volume lifecycle machine (see the file comment). */
export const pvMachine = setup({
  types: {
    context: {} as PvMachineContext,
    events: {} as PvMachineEvent,
    input: {} as PvMachineInput,
  },
  delays: VOLUME_DELAYS,
  actions: {
    // Applied by the controller that sent the event, in order; see the file comment.
    writePhase: (_: unknown, _params: { phase: VolumePhase }) => {},
    setClaimRef: () => {},
    schedule: (_: unknown, _params: { delay: keyof typeof VOLUME_DELAYS }) => {},
    removeContents: (_: unknown, _params: { id: string }) => {},
    deleteVolume: () => {},
    removeFinalizer: () => {},
    decide: (_: unknown, _params: { action: Decision['action']; message: string }) => {},
    /** A Delete volume whose claim is gone is deleted after a while, unless already being deleted. */
    scheduleReclaim: enqueueActions(({ event, enqueue }) => {
      const e = event as Ev<'volume.sync'>;
      if (e.reclaimPolicy === 'Delete' && !e.deleting && !e.reclaimScheduled)
        enqueue({ type: 'schedule', params: { delay: 'reclaim' } });
    }),
    release: enqueueActions(({ event, enqueue }) => {
      const e = event as Ev<'volume.sync'>;
      enqueue(released);
      enqueue({
        type: 'decide',
        params: { action: 'release', message: `claim ${e.claimKey} was deleted` },
      });
      enqueue('scheduleReclaim');
    }),
    claim: enqueueActions(({ event, enqueue }) => {
      if ((event as Ev<'volume.claimed'>).setClaimRef) enqueue('setClaimRef');
    }),
    reclaim: enqueueActions(({ event, enqueue }) => {
      const id = (event as Ev<'volume.reclaim'>).contentsId;
      if (id) enqueue({ type: 'removeContents', params: { id } });
      enqueue('deleteVolume');
      enqueue({ type: 'decide', params: { action: 'delete', message: 'reclaim policy Delete' } });
    }),
  },
  guards: {
    unclaimed: ({ event }) => event.type === 'volume.sync' && event.claim === 'none',
    unclaimedAndLive: ({ event }) =>
      event.type === 'volume.sync' && event.claim === 'none' && !event.deleting,
    claimGone: ({ event }) => event.type === 'volume.sync' && event.claim === 'gone',
    deletePolicy: ({ event }) => event.type === 'volume.sync' && event.reclaimPolicy === 'Delete',
  },
}).createMachine({
  id: 'pv',
  type: 'parallel',
  context: ({ input }) => ({
    uid: input.uid,
    name: input.name,
    adoptedAs: input.phase,
    adoptedPolicy: input.reclaimPolicy,
  }),
  states: {
    phase: {
      initial: 'adopting',
      states: {
        // The machine starts where the volume is: new volumes are Pending, restored ones may be further on.
        adopting: {
          always: [
            { guard: ({ context }) => context.adoptedAs === 'Available', target: 'available' },
            { guard: ({ context }) => context.adoptedAs === 'Bound', target: 'bound' },
            {
              guard: ({ context }) => context.adoptedAs === 'Released' && context.adoptedPolicy === 'Delete',
              target: 'released.reclaiming',
            },
            { guard: ({ context }) => context.adoptedAs === 'Released', target: 'released.retained' },
            { guard: ({ context }) => context.adoptedAs === 'Failed', target: 'failed' },
            { target: 'pending' },
          ],
        },
        pending: {},
        available: { on: { 'volume.sync': { guard: 'unclaimed' } } },
        bound: { on: { 'volume.claimed': { actions: 'claim' } } },
        released: {
          initial: 'retained',
          states: {
            /** Delete policy: the provisioner deletes the volume and its contents shortly */
            reclaiming: {},
            /** Retain (or Recycle, which the lab does not do): the volume and its files stay */
            retained: {},
            /** deleted by its reclaim policy; the apiserver removes it once unprotected */
            reclaimed: { on: { 'volume.sync': { guard: 'claimGone' } } },
          },
          on: {
            'volume.sync': [
              {
                guard: and(['claimGone', 'deletePolicy']),
                target: '.reclaiming',
                actions: 'scheduleReclaim',
              },
              { guard: 'claimGone', target: '.retained' },
            ],
            'volume.reclaim': { target: '.reclaimed', actions: 'reclaim' },
          },
        },
        failed: { on: { 'volume.sync': { guard: 'claimGone', actions: 'scheduleReclaim' } } },
      },
      on: {
        'volume.sync': [
          {
            guard: 'unclaimedAndLive',
            target: '.available',
            actions: { type: 'writePhase', params: { phase: 'Available' } },
          },
          { guard: and(['claimGone', 'deletePolicy']), target: '.released.reclaiming', actions: 'release' },
          { guard: 'claimGone', target: '.released.retained', actions: 'release' },
        ],
        'volume.claimed': {
          target: '.bound',
          actions: ['claim', { type: 'writePhase', params: { phase: 'Bound' } }],
        },
      },
    },
    deletion: {
      initial: 'live',
      states: {
        live: {},
        /** deleted while Bound: Terminating, kept by kubernetes.io/pv-protection */
        protected: {},
        /** the finalizer is gone; the apiserver removes the volume */
        finalized: {},
      },
      on: {
        'volume.deleted': [
          { guard: stateIn({ phase: 'bound' }), target: '.protected' },
          { target: '.finalized', actions: 'removeFinalizer' },
        ],
      },
    },
  },
});

/** The volume phase a machine state value stands for. */
export function volumePhaseOf(value: unknown): VolumePhase {
  const phase = (value as { phase?: unknown } | undefined)?.phase;
  if (phase === 'available') return 'Available';
  if (phase === 'bound') return 'Bound';
  if (phase === 'failed') return 'Failed';
  if (phase && typeof phase === 'object' && 'released' in phase) return 'Released';
  return 'Pending';
}
