/**
 * Errors of the patch library and how kubectl shows them. Texts follow
 * apimachinery/pkg/util/mergepatch/errors.go, the apiserver's mapping of patch errors to HTTP
 * statuses (apiserver/pkg/endpoints/handlers/patch.go `interpretStrategicMergePatchError`,
 * `applyJSPatch`) and kubectl's printing of those statuses (kubectl/pkg/cmd/util/helpers.go
 * `checkErr`, `StandardErrorMessage`), all pinned to 1.30.
 *
 * How the server answers decides the line the learner sees:
 * - `BadRequest` -> `Error from server (BadRequest): <message>`
 * - `Invalid` (a generic 422, details without causes) ->
 *   `The request is invalid: the server rejected our request due to an error in our request`
 *   (the apiserver drops the library's message; `detail` keeps it for the lab's explanations)
 * - `Unknown` (a plain error turned into a 500 without reason) -> `Error from server: <message>`
 */

export type PatchErrorReason = 'BadRequest' | 'Invalid' | 'Unknown';

/** A patch that could not be applied or computed. Nothing was changed. */
export class PatchError extends Error {
  constructor(
    readonly reason: PatchErrorReason,
    message: string,
    /** the underlying library message when the server does not show it (reason Invalid) */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'PatchError';
  }
}

/** The message of apimachinery's generic 422 response (NewGenericServerResponse). */
export const GENERIC_INVALID_MESSAGE = 'the server rejected our request due to an error in our request';

/** A generic 422: the server rejected the patch without saying why (json patch apply errors). */
export function genericInvalid(detail: string): PatchError {
  return new PatchError('Invalid', GENERIC_INVALID_MESSAGE, detail);
}

/** The stderr line kubectl prints for a patch error (without the trailing newline). */
export function formatPatchError(err: PatchError): string {
  switch (err.reason) {
    case 'BadRequest':
      return `Error from server (BadRequest): ${err.message}`;
    case 'Invalid':
      return `The request is invalid: ${err.message}`;
    default:
      return `Error from server: ${err.message}`;
  }
}

/** Go's `%v` of a decoded JSON value: `map[k:v k2:v2]` (keys sorted), `[a b]`, `<nil>`. */
export function goValueString(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goValueString).join(' ')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).sort();
    return `map[${keys.map((k) => `${k}:${goValueString(o[k])}`).join(' ')}]`;
  }
  if (typeof v === 'number') return goNumberString(v);
  return String(v);
}

/** Go's `%v` of a float64: shortest representation, exponent form from 1e21 (strconv 'g'). */
export function goNumberString(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const s = String(n);
  return s.replace(/e\+?(-?)(\d)$/, 'e+$10$2').replace('e+-', 'e-');
}

/** Go's name of a decoded JSON value's type, as reflect.TypeOf prints it. */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return '[]interface {}';
  switch (typeof v) {
    case 'object':
      return 'map[string]interface {}';
    case 'number':
      return Number.isInteger(v) ? 'int64' : 'float64';
    case 'boolean':
      return 'bool';
    default:
      return 'string';
  }
}

// mergepatch/errors.go texts.
export const ERR_BAD_JSON_DOC = 'invalid JSON document';
export const ERR_NO_LIST_OF_LISTS = 'lists of lists are not supported';
export const ERR_BAD_PRIMITIVE_LIST = 'invalid patch format of primitive list';
export const ERR_BAD_RETAIN_KEYS = 'invalid patch format of retainKeys';
export const ERR_BAD_SET_ELEMENT_ORDER = 'invalid patch format of setElementOrder list';

/** `map: <m> does not contain declared merge key: <key>` (mergepatch.ErrNoMergeKey). */
export function errNoMergeKey(m: unknown, key: string): PatchError {
  return new PatchError('Unknown', `map: ${goValueString(m)} does not contain declared merge key: ${key}`);
}

/** `expected a <T>, but received a <U>` (mergepatch.ErrBadArgType). */
export function errBadArgType(expected: string, actual: unknown): PatchError {
  return new PatchError('Unknown', `expected a ${expected}, but received a ${goTypeName(actual)}`);
}

/** `unknown patch type: <t> in map: <m>` (mergepatch.ErrBadPatchType). */
export function errBadPatchType(t: unknown, m: unknown): PatchError {
  return new PatchError('Unknown', `unknown patch type: ${goValueString(t)} in map: ${goValueString(m)}`);
}
