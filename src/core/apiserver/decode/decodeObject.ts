/**
 * The apiserver's decoding step: before defaulting, validation or admission, a request's object is
 * decoded into the kind's Go type, so that nothing ill-typed is ever stored. Follows
 * k8s.io/apiserver/pkg/endpoints/handlers (1.30): create.go/update.go (`transformDecodeError`:
 * `<Kind> in version "<v>" cannot be handled as a <Kind>: <err>`, 400 BadRequest; strict errors as
 * `strict decoding error: unknown field "a", unknown field "b"`) and patch.go (`applyPatchToObject`:
 * 422 Invalid `patch: Invalid value: "<%+v of the patch>": <err>`, kind and name empty, so kubectl
 * prints `The request is invalid: ...`). fieldValidation (metav1.FieldValidation*) decides what
 * unknown fields do: Strict fails the request, Warn drops them and returns one warning each
 * (kubectl prints `Warning: unknown field "spec.foo"`), Ignore drops them silently. Type errors fail
 * the request whatever the directive.
 */
import { invalid } from '../fieldErrors.ts';
import { invalidObject, type StatusError, statusError } from '../statusError.ts';
import { goPlusV } from './goFormat.ts';
import { decodeJsonBody } from './jsonDecode.ts';
import { decodePatchedObject } from './patchDecode.ts';
import { KIND_SCHEMAS } from './schemaKinds.ts';

/** metav1.FieldValidation directives. */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface DecodeOptions {
  /**
   * what unknown fields do; default Strict (what kubectl asks for). A real apiserver defaults to
   * Warn when a client sends none, so callers standing for such clients (kubectl patch) say Warn.
   */
  fieldValidation?: FieldValidation;
  /**
   * Set when `json` is the result of applying this patch to the live object (kubectl apply on an
   * existing object, kubectl patch): errors take the patch handler's form.
   */
  patch?: unknown;
}

export type DecodeResult<T> = { ok: true; value: T; warnings: string[] } | { ok: false; error: StatusError };

/** `strict decoding error: <e1>, <e2>` (runtime.NewStrictDecodingError). */
function strictText(errors: readonly string[]): string {
  return `strict decoding error: ${errors.join(', ')}`;
}

/**
 * Decodes an object of `kind` (as sent by a client, or as a patch left it). Returns the object the
 * apiserver would go on with (unknown fields dropped, nulls normalised) and the warnings to show,
 * or the error that rejects the request. Kinds without a schema pass through unchanged.
 */
export function decodeObject<T = unknown>(
  kind: string,
  json: unknown,
  opts: DecodeOptions = {},
): DecodeResult<T> {
  const schema = KIND_SCHEMAS[kind];
  if (!schema) return { ok: true, value: json as T, warnings: [] };
  const directive = opts.fieldValidation ?? 'Strict';
  const version = schema.t === 'struct' ? versionOf(json) : 'v1';
  if (opts.patch !== undefined) {
    const r = decodePatchedObject(json, schema);
    const fail = (message: string): DecodeResult<T> => ({
      ok: false,
      error: patchInvalid(goPlusV(opts.patch), message),
    });
    if (r.error !== undefined) return fail(r.error);
    if (r.strict.length > 0 && directive === 'Strict') return fail(strictText(r.strict));
    return { ok: true, value: r.value as T, warnings: directive === 'Warn' ? r.strict : [] };
  }
  const r = decodeJsonBody(json, schema);
  const bad = (message: string): DecodeResult<T> => ({
    ok: false,
    error: statusError(
      'BadRequest',
      `${kind} in version "${version}" cannot be handled as a ${kind}: ${message}`,
    ),
  });
  if (r.error !== undefined) return bad(r.error);
  if (r.strict.length > 0 && directive === 'Strict') return bad(strictText(r.strict));
  return { ok: true, value: r.value as T, warnings: directive === 'Warn' ? r.strict : [] };
}

/** The version part of the object's apiVersion (`apps/v1` -> `v1`), as the request's GVK has it. */
function versionOf(json: unknown): string {
  const apiVersion = (json as { apiVersion?: unknown } | null)?.apiVersion;
  if (typeof apiVersion !== 'string' || apiVersion === '') return 'v1';
  return apiVersion.slice(apiVersion.lastIndexOf('/') + 1);
}

/** errors.NewInvalid(schema.GroupKind{}, "", [field.Invalid(patch, <map>, <message>)]). */
function patchInvalid(patchText: string, message: string): StatusError {
  return invalidObject('', '', '', [invalid('patch', patchText, message)]);
}
