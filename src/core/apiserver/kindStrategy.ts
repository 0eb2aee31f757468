/**
 * What the apiserver does per kind beyond storing (the registry "strategy" of
 * kubernetes/kubernetes:pkg/registry/<group>/<kind>/strategy.go plus the kind's defaulting and
 * admission): defaults, validation on create and update, mutating admission, and whether the kind
 * has a generation and a status subresource.
 */

import type { KubeObject } from '../api/types.ts';
import type { SeededRandom } from '../clock/seededRandom.ts';
import type { ObjectStore } from '../store/objectStore.ts';
import type { FieldError } from './fieldErrors.ts';
import type { StatusError } from './statusError.ts';

export interface AdmissionContext {
  store: ObjectStore;
  random: SeededRandom;
  /** virtual ms */
  now: number;
}

export interface KindStrategy<T extends KubeObject = KubeObject> {
  /** Fills in the apiserver's defaults (SetDefaults_<Kind>); returns a new object. */
  defaults?(obj: T, ctx: AdmissionContext): T;
  /** Validation on create; an empty list means valid. */
  validate?(obj: T, ctx: AdmissionContext): FieldError[];
  /** Validation on update, after defaults; includes the create rules where the real one does. */
  validateUpdate?(obj: T, old: T, ctx: AdmissionContext): FieldError[];
  /** Mutating/validating admission plugins (default StorageClass, protection finalizers, ...). */
  admit?(obj: T, op: 'create' | 'update', ctx: AdmissionContext): T | StatusError;
  /** metadata.generation starts at 1 and grows on every spec change */
  generation?: boolean;
  /** status is written only through updateStatus; a main-resource update keeps the old status */
  statusSubresource?: boolean;
  /** the spec is written only through the main resource; updateStatus keeps the old spec */
  specFields?: string[];
}
