/**
 * The vocabulary of the claim lifecycle machine (pvcMachine.ts): its named delays, the events the
 * storage controllers send it (what they observed), its context and input. Plain data only.
 */
import type { AccessMode } from '../../api/types.ts';

/** The named delays of the claim's timers (virtual milliseconds). */
export const CLAIM_DELAYS = {
  /** pv_controller's resync period: a Pending claim is looked at again (and its event counts up). */
  resync: 15_000,
  /** Typical time from the claim to the provisioned volume (minikube hostpath and csi-hostpath are local). */
  provision: 1_200,
} as const;

/** A volume the binder can bind the claim to, as the controller saw it. */
export interface VolumeOffer {
  name: string;
  accessModes: AccessMode[];
  capacity: { storage: string };
  /** false when the volume's claimRef already names this claim's uid */
  setClaimRef: boolean;
}

/** What the controllers tell the claim's machine. */
export type PvcMachineEvent =
  | {
      /** The binder looked at an unbound claim (syncUnboundClaim's observations). */
      type: 'claim.sync';
      deleting: boolean;
      /** present when the claim names a volume (spec.volumeName); `free` when it exists and may be bound */
      named?: { free?: VolumeOffer };
      /** the smallest matching static or provisioned volume, if any */
      match?: VolumeOffer;
      className: string;
      /** the claim's class, when it exists */
      storageClass?: { provisioner: string; waitForFirstConsumer: boolean };
      /** the scheduler chose a node (volume.kubernetes.io/selected-node) */
      selectedNode: boolean;
      /** the claim's volume.kubernetes.io/storage-provisioner annotation */
      annotatedProvisioner?: string;
      /** the binder chose the volume (always so for provisioned volumes) */
      boundByController: boolean;
    }
  | { type: 'claim.lost' }
  | { type: 'provision.started'; source: string }
  | { type: 'claim.provisioned'; provisioner: string; source: string }
  | { type: 'claim.deleted'; users: string[] };

/** Lost, Bound or Pending, as the claim's status.phase says. */
export type ClaimPhase = 'Pending' | 'Bound' | 'Lost';

export interface PvcMachineContext {
  uid: string;
  namespace: string;
  name: string;
  /** the phase the claim had when the machine first saw it (picks the initial state) */
  adoptedAs: ClaimPhase;
}

/** What the machine is given when it first sees a claim. */
export interface PvcMachineInput {
  uid: string;
  namespace: string;
  name: string;
  phase: ClaimPhase;
}
