/**
 * The apiserver side of storage: PersistentVolumeClaim, PersistentVolume and StorageClass defaults,
 * validation and admission. Follows kubernetes/kubernetes (1.30) pkg/apis/core/v1/defaults.go
 * (SetDefaults_PersistentVolumeClaim/PersistentVolume), pkg/apis/core/validation/validation.go
 * (ValidatePersistentVolumeClaim[Update]), plugin/pkg/admission/storage/storageclass/setdefault
 * (DefaultStorageClass: the newest default class), plugin/pkg/admission/storage/storageobjectinuseprotection
 * (pvc-protection / pv-protection finalizers) and pkg/apis/storage/validation (StorageClass).
 * Deliberate difference: the immutable-spec message stops after its first line; the real one appends
 * a go-cmp diff whose layout go-cmp randomises on purpose.
 */
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../api/types.ts';
import { sameJson } from '../../apiserver/apiServer.ts';
import { type FieldError, forbidden, notSupported, required } from '../../apiserver/fieldErrors.ts';
import type { AdmissionContext, KindStrategy } from '../../apiserver/kindStrategy.ts';
import { toTimestamp } from '../../clock/virtualClock.ts';
import { quantityBytes } from './quantity.ts';

export const PVC_PROTECTION = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION = 'kubernetes.io/pv-protection';
export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const IMMUTABLE_SPEC =
  'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims';

function addFinalizer<T extends PersistentVolumeClaim | PersistentVolume>(obj: T, f: string): T {
  const finalizers = obj.metadata.finalizers ?? [];
  return finalizers.includes(f)
    ? obj
    : { ...obj, metadata: { ...obj.metadata, finalizers: [...finalizers, f] } };
}

/** The default StorageClass the admission plugin picks: the newest annotated one (1.30 behaviour). */
export function defaultStorageClass(ctx: Pick<AdmissionContext, 'store'>): StorageClass | undefined {
  const defaults = ctx.store
    .list<StorageClass>('StorageClass')
    .filter((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true');
  defaults.sort((a, b) =>
    a.metadata.creationTimestamp === b.metadata.creationTimestamp
      ? a.metadata.name.localeCompare(b.metadata.name)
      : a.metadata.creationTimestamp < b.metadata.creationTimestamp
        ? 1
        : -1,
  );
  return defaults[0];
}

function validateAccessModes(modes: unknown, field: string): FieldError[] {
  if (!Array.isArray(modes) || modes.length === 0)
    return [required(field, 'at least 1 access mode is required')];
  return modes.filter((m) => !ACCESS_MODES.includes(m)).map((m) => notSupported(field, m, ACCESS_MODES));
}

function validateClaim(pvc: PersistentVolumeClaim): FieldError[] {
  const errs = validateAccessModes(pvc.spec?.accessModes, 'spec.accessModes');
  const storage = pvc.spec?.resources?.requests?.storage;
  if (storage === undefined || storage === null) errs.push(required('spec.resources[storage]', ''));
  else if (quantityBytes(String(storage)) === undefined || (quantityBytes(String(storage)) ?? 0) <= 0)
    errs.push({
      field: 'spec.resources[storage]',
      type: 'Invalid value',
      value: String(storage),
      detail: 'must be greater than zero',
    });
  const mode = pvc.spec?.volumeMode;
  if (mode !== undefined && mode !== 'Filesystem' && mode !== 'Block')
    errs.push(notSupported('spec.volumeMode', mode, ['Block', 'Filesystem']));
  return errs;
}

/** PVC: volumeMode default, DefaultStorageClass admission, pvc-protection finalizer, immutable spec. */
export const pvcStrategy: KindStrategy<PersistentVolumeClaim> = {
  statusSubresource: true,
  defaults(pvc) {
    return {
      ...pvc,
      spec: { ...pvc.spec, volumeMode: pvc.spec?.volumeMode ?? 'Filesystem' },
      status: pvc.status ?? { phase: 'Pending' },
    };
  },
  validate: validateClaim,
  validateUpdate(pvc, old) {
    const errs = validateClaim(pvc);
    // As ValidatePersistentVolumeClaimUpdate: the binder may fill in volumeName once, a missing
    // class may be set once (retroactive default class), and a bound claim's request may grow.
    const before = { ...old.spec };
    if (!old.spec.volumeName) before.volumeName = pvc.spec.volumeName;
    if (old.spec.storageClassName === undefined) before.storageClassName = pvc.spec.storageClassName;
    if (old.status?.phase === 'Bound') before.resources = pvc.spec.resources;
    if (!sameJson(before, pvc.spec)) errs.push(forbidden('spec', IMMUTABLE_SPEC));
    const oldSize = quantityBytes(String(old.spec.resources?.requests?.storage ?? '0')) ?? 0;
    const newSize = quantityBytes(String(pvc.spec.resources?.requests?.storage ?? '0')) ?? 0;
    if (old.status?.phase === 'Bound' && newSize < oldSize)
      errs.push(forbidden('spec.resources.requests.storage', 'field can not be less than previous value'));
    return errs;
  },
  admit(pvc, op, ctx) {
    if (op !== 'create') return pvc;
    let next = addFinalizer(pvc, PVC_PROTECTION);
    // Only an absent class is defaulted; "" explicitly asks for no class.
    if (next.spec.storageClassName === undefined || next.spec.storageClassName === null) {
      const def = defaultStorageClass(ctx);
      if (def) next = { ...next, spec: { ...next.spec, storageClassName: def.metadata.name } };
    }
    return next;
  },
};

/** PV: volumeMode and reclaim policy defaults, status Pending, pv-protection finalizer. */
export const pvStrategy: KindStrategy<PersistentVolume> = {
  statusSubresource: true,
  defaults(pv, ctx) {
    return {
      ...pv,
      spec: {
        ...pv.spec,
        volumeMode: pv.spec?.volumeMode ?? 'Filesystem',
        persistentVolumeReclaimPolicy: pv.spec?.persistentVolumeReclaimPolicy ?? 'Retain',
      },
      // PersistentVolumeLastPhaseTransitionTime is on by default in 1.30.
      status: pv.status ?? { phase: 'Pending', lastPhaseTransitionTime: toTimestamp(ctx.now) },
    };
  },
  validate(pv) {
    const errs = validateAccessModes(pv.spec?.accessModes, 'spec.accessModes');
    if (!pv.spec?.capacity?.storage) errs.push(required('spec.capacity', ''));
    if (!pv.spec?.csi && !pv.spec?.hostPath) errs.push(required('spec', 'must specify a volume type'));
    const policy = pv.spec?.persistentVolumeReclaimPolicy;
    if (!['Delete', 'Recycle', 'Retain'].includes(policy))
      errs.push(notSupported('spec.persistentVolumeReclaimPolicy', policy, ['Delete', 'Recycle', 'Retain']));
    return errs;
  },
  admit(pv, op) {
    return op === 'create' ? addFinalizer(pv, PV_PROTECTION) : pv;
  },
};

/** StorageClass: reclaimPolicy Delete and volumeBindingMode Immediate by default; provisioner immutable. */
export const storageClassStrategy: KindStrategy<StorageClass> = {
  defaults(sc) {
    return {
      ...sc,
      reclaimPolicy: sc.reclaimPolicy ?? 'Delete',
      volumeBindingMode: sc.volumeBindingMode ?? 'Immediate',
    };
  },
  validate(sc) {
    const errs: FieldError[] = [];
    if (!sc.provisioner) errs.push(required('provisioner', ''));
    if (!['Delete', 'Retain'].includes(sc.reclaimPolicy ?? 'Delete'))
      errs.push(notSupported('reclaimPolicy', sc.reclaimPolicy, ['Delete', 'Retain']));
    if (!['Immediate', 'WaitForFirstConsumer'].includes(sc.volumeBindingMode ?? 'Immediate'))
      errs.push(
        notSupported('volumeBindingMode', sc.volumeBindingMode, ['Immediate', 'WaitForFirstConsumer']),
      );
    return errs;
  },
  validateUpdate(sc, old) {
    const errs = storageClassStrategy.validate?.(sc, undefined as never) ?? [];
    if (sc.provisioner !== old.provisioner)
      errs.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
    if (!sameJson(sc.parameters, old.parameters))
      errs.push(forbidden('parameters', 'updates to parameters are forbidden.'));
    if (sc.reclaimPolicy !== old.reclaimPolicy)
      errs.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
    if (sc.volumeBindingMode !== old.volumeBindingMode)
      errs.push(forbidden('volumeBindingMode', 'field is immutable'));
    return errs;
  },
};
