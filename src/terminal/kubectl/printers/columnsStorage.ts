/**
 * Table columns and cells for the storage kinds (PersistentVolumeClaim, PersistentVolume,
 * StorageClass) as a 1.30 API server prints them (pkg/printers/internalversion/printers.go
 * printPersistentVolumeClaim, printPersistentVolume, printStorageClass; helper.GetAccessModesAsString).
 * VOLUMEATTRIBUTESCLASS (`<unset>`) is there because 1.29+ servers always send it.
 */
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../../core/api/types.ts';
import { age, col, type KindPrinter } from './columnTypes.ts';

const ACCESS_MODE_SHORT: Record<string, string> = {
  ReadWriteOnce: 'RWO',
  ReadOnlyMany: 'ROX',
  ReadWriteMany: 'RWX',
  ReadWriteOncePod: 'RWOP',
};

/** helper.GetAccessModesAsString: the modes present, in RWO, ROX, RWX, RWOP order, joined by `,`. */
export function accessModesText(modes: readonly string[] | undefined): string {
  const present = new Set(modes ?? []);
  return Object.keys(ACCESS_MODE_SHORT)
    .filter((m) => present.has(m))
    .map((m) => ACCESS_MODE_SHORT[m])
    .join(',');
}

/** Printers for the storage kinds, keyed by kind. */
export const STORAGE_PRINTERS: Record<string, KindPrinter> = {
  PersistentVolumeClaim: {
    columns: [
      col('Name'),
      col('Status'),
      col('Volume'),
      col('Capacity'),
      col('Access Modes'),
      col('StorageClass'),
      col('VolumeAttributesClass'),
      col('Age'),
      col('VolumeMode', 1),
    ],
    cells(o, now) {
      const c = o as PersistentVolumeClaim;
      const phase = c.metadata.deletionTimestamp ? 'Terminating' : (c.status?.phase ?? 'Pending');
      const bound = Boolean(c.spec.volumeName);
      const vac = (c.spec as { volumeAttributesClassName?: string }).volumeAttributesClassName ?? '<unset>';
      return [
        c.metadata.name,
        phase,
        c.spec.volumeName ?? '',
        bound ? (c.status?.capacity?.storage ?? '0') : '',
        bound ? accessModesText(c.status?.accessModes) : '',
        c.spec.storageClassName ?? '',
        vac,
        age(c, now),
        c.spec.volumeMode ?? '<unset>',
      ];
    },
  },
  PersistentVolume: {
    columns: [
      col('Name'),
      col('Capacity'),
      col('Access Modes'),
      col('Reclaim Policy'),
      col('Status'),
      col('Claim'),
      col('StorageClass'),
      col('VolumeAttributesClass'),
      col('Reason'),
      col('Age'),
      col('VolumeMode', 1),
    ],
    cells(o, now) {
      const v = o as PersistentVolume;
      const ref = v.spec.claimRef;
      const vac = (v.spec as { volumeAttributesClassName?: string }).volumeAttributesClassName ?? '<unset>';
      return [
        v.metadata.name,
        v.spec.capacity?.storage ?? '0',
        accessModesText(v.spec.accessModes),
        v.spec.persistentVolumeReclaimPolicy ?? '',
        v.metadata.deletionTimestamp ? 'Terminating' : (v.status?.phase ?? ''),
        ref ? `${ref.namespace}/${ref.name}` : '',
        v.spec.storageClassName ?? '',
        vac,
        (v.status as { reason?: string } | undefined)?.reason ?? '',
        age(v, now),
        v.spec.volumeMode ?? '<unset>',
      ];
    },
  },
  StorageClass: {
    columns: [
      col('Name'),
      col('Provisioner'),
      col('ReclaimPolicy'),
      col('VolumeBindingMode'),
      col('AllowVolumeExpansion'),
      col('Age'),
    ],
    cells(o, now) {
      const s = o as StorageClass;
      const ann = s.metadata.annotations ?? {};
      const isDefault =
        ann['storageclass.kubernetes.io/is-default-class'] === 'true' ||
        ann['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
      return [
        isDefault ? `${s.metadata.name} (default)` : s.metadata.name,
        s.provisioner,
        s.reclaimPolicy ?? 'Delete',
        s.volumeBindingMode ?? 'Immediate',
        s.allowVolumeExpansion ?? false,
        age(s, now),
      ];
    },
  },
};
