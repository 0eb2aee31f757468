/**
 * The Events recorded about a claim, with the texts of the real components (release-1.30):
 * kubernetes/kubernetes pkg/controller/volume/persistentvolume/pv_controller.go (FailedBinding,
 * ProvisioningFailed for a missing class, WaitForFirstConsumer, ExternalProvisioning, ClaimLost) and
 * sig-storage-lib-external-provisioner controller.go (Provisioning, ProvisioningSucceeded).
 * pvcMachine.ts returns them as `record` actions.
 */

/** An Event to record about the claim (the `record` action's params). */
export interface RecordParams {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** the event's source component; the applying controller's name when absent */
  source?: string;
}

/** Neither a static volume nor a class: the binder gives up until the next resync. */
export const FAILED_BINDING: RecordParams = {
  type: 'Normal',
  reason: 'FailedBinding',
  message: 'no persistent volumes available for this claim and no storage class is set',
};

/** The claim's class does not exist. */
export function classNotFound(className: string): RecordParams {
  return {
    type: 'Warning',
    reason: 'ProvisioningFailed',
    message: `storageclass.storage.k8s.io "${className}" not found`,
  };
}

/** A WaitForFirstConsumer class: nothing happens until the scheduler picks a node. */
export const WAIT_FOR_FIRST_CONSUMER: RecordParams = {
  type: 'Normal',
  reason: 'WaitForFirstConsumer',
  message: 'waiting for first consumer to be created before binding',
};

/** Handed to an external provisioner; repeated on every resync while the claim waits. */
export function externalProvisioning(provisioner: string): RecordParams {
  return {
    type: 'Normal',
    reason: 'ExternalProvisioning',
    message: `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
  };
}

/** The provisioner took the claim (`claim` is `namespace/name`, `source` the provisioner's identity). */
export function provisioning(claim: string, source: string): RecordParams {
  return {
    type: 'Normal',
    reason: 'Provisioning',
    message: `External provisioner is provisioning volume for claim "${claim}"`,
    source,
  };
}

/** The provisioner created the volume. */
export function provisioningSucceeded(volume: string, source: string): RecordParams {
  return {
    type: 'Normal',
    reason: 'ProvisioningSucceeded',
    message: `Successfully provisioned volume ${volume}`,
    source,
  };
}

/** A Bound claim whose volume is gone. */
export const CLAIM_LOST: RecordParams = {
  type: 'Warning',
  reason: 'ClaimLost',
  message: 'Bound claim has lost its PersistentVolume. Data on the volume is lost!',
};
