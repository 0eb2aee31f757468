/**
 * JSON merge patch (RFC 7386), `kubectl patch --type merge`, as the apiserver applies it with
 * evanphx/json-patch v4 `MergePatch` (apiserver/pkg/endpoints/handlers/patch.go `applyJSPatch`,
 * 1.30): objects merge key by key, `null` removes a key, anything else (lists included) replaces.
 * A patch that is not an object replaces the whole document, which the apiserver then cannot decode
 * as an object; `patchedObjectError` gives the error it answers with.
 */
import { cloneJson, isObject, type JsonObject, setKey } from './jsonValue.ts';
import { PatchError } from './patchErrors.ts';

/** evanphx/json-patch `ErrBadJSONPatch`. */
const ERR_BAD_JSON_PATCH = 'Invalid JSON Patch';

function pruneNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => (x === null ? x : pruneNulls(x)));
  if (isObject(v)) {
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v)) if (x !== null) setKey(out, k, pruneNulls(x));
    return out;
  }
  return v;
}

function mergeDocs(doc: JsonObject, patch: JsonObject): JsonObject {
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) {
      delete doc[k];
      continue;
    }
    const cur = Object.hasOwn(doc, k) ? doc[k] : undefined;
    if (cur === undefined || cur === null || !isObject(cur)) setKey(doc, k, pruneNulls(v));
    else if (!isObject(v)) setKey(doc, k, v);
    else setKey(doc, k, mergeDocs(cur, v));
  }
  return doc;
}

/**
 * Applies a JSON merge patch and returns the new document (inputs unchanged). The result is not an
 * object when the patch is a list. Throws `Error from server (BadRequest): Invalid JSON Patch`
 * for a patch that is `null` or a scalar.
 */
export function jsonMergePatch(doc: JsonObject, patch: unknown): unknown {
  if (isObject(patch)) return mergeDocs(cloneJson(doc), cloneJson(patch));
  if (Array.isArray(patch)) return pruneNulls(cloneJson(patch));
  throw new PatchError('BadRequest', ERR_BAD_JSON_PATCH);
}

/** Go's `%q` of a string (strconv.Quote) for the ASCII JSON texts the lab quotes. */
export function goQuote(s: string): string {
  return JSON.stringify(s)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The apiserver's answer when a patched document is not an object (it cannot read its
 * apiVersion/kind): an Invalid error with one `patch` cause, which kubectl prints as
 * `The request is invalid: patch: Invalid value: "<json>": couldn't get version/kind; ...`.
 */
export function patchedObjectError(patched: unknown): PatchError {
  const word = Array.isArray(patched) ? 'array' : patched === null ? 'null' : typeof patched;
  const goWord = word === 'boolean' ? 'bool' : word;
  return new PatchError(
    'Invalid',
    `patch: Invalid value: ${goQuote(JSON.stringify(patched))}: couldn't get version/kind; json parse error: json: cannot unmarshal ${goWord} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`,
  );
}
