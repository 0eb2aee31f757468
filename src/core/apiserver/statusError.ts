/**
 * API errors as the apiserver returns them (metav1.Status with reason and code). The terminal turns
 * them into kubectl's stderr lines; the core never prints.
 */
import type { FieldError } from './fieldErrors.ts';
import { formatFieldError } from './fieldErrors.ts';

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Invalid'
  | 'Conflict'
  | 'BadRequest'
  | 'Forbidden'
  | 'MethodNotAllowed'
  | 'InternalError';

export interface StatusError {
  kind: 'Status';
  reason: StatusReason;
  code: number;
  /** the apiserver's message, e.g. `pods "x" not found` */
  message: string;
  details?: { name?: string; group?: string; kind?: string; causes?: FieldError[] };
}

const CODES: Record<StatusReason, number> = {
  NotFound: 404,
  AlreadyExists: 409,
  Conflict: 409,
  Invalid: 422,
  BadRequest: 400,
  Forbidden: 403,
  MethodNotAllowed: 405,
  InternalError: 500,
};

export function statusError(
  reason: StatusReason,
  message: string,
  details?: StatusError['details'],
): StatusError {
  return { kind: 'Status', reason, code: CODES[reason], message, details };
}

/** `<resource> "<name>" not found`, resource being `pods` or `statefulsets.apps`. */
export function notFound(resource: string, name: string): StatusError {
  return statusError('NotFound', `${resource} "${name}" not found`, { name });
}

/** `<resource> "<name>" already exists`. */
export function alreadyExists(resource: string, name: string): StatusError {
  return statusError('AlreadyExists', `${resource} "${name}" already exists`, { name });
}

/**
 * `<Kind>.<group> "<name>" is invalid: <causes>` (apimachinery errors.NewInvalid); kubectl shows
 * it as `The <Kind> "<name>" is invalid: ...` from the causes.
 */
export function invalidObject(kind: string, group: string, name: string, causes: FieldError[]): StatusError {
  const qualified = group ? `${kind}.${group}` : kind;
  const texts = causes.map(formatFieldError);
  const body = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
  return statusError('Invalid', `${qualified} "${name}" is invalid: ${body}`, { name, group, kind, causes });
}

export function isStatusError(v: unknown): v is StatusError {
  return typeof v === 'object' && v !== null && (v as StatusError).kind === 'Status';
}
