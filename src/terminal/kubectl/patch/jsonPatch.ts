/**
 * JSON patch (RFC 6902), `kubectl patch --type json`, with the behaviour of evanphx/json-patch v4
 * as the 1.30 apiserver uses it (apiserver/pkg/endpoints/handlers/patch.go `applyJSPatch`):
 * - a body that is not a list of objects is a BadRequest with Go's decoding message
 *   (`json: cannot unmarshal object into Go value of type jsonpatch.Patch`);
 * - an operation that does not apply is a generic 422, which kubectl prints as
 *   `The request is invalid: the server rejected our request due to an error in our request`
 *   (the library's own message is kept in `PatchError.detail` for the lab's explanations);
 * - v4 quirks kept on purpose: the first path segment is dropped unread (so `spec/x` acts as
 *   `/x`), negative array indices count from the end, and `replace` of a missing object key adds it.
 */
import { cloneJson, isObject, type JsonObject, jsonEqual, setKey } from './jsonValue.ts';
import { genericInvalid, PatchError } from './patchErrors.ts';

type Container = JsonObject | unknown[];

function decodeKey(part: string): string {
  return part.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The parent container of `path` and the last key, or undefined when a parent is missing. */
function findObject(doc: unknown, path: string): { con: Container; key: string } | undefined {
  const split = path.split('/');
  if (split.length < 2) return undefined;
  const parts = split.slice(1);
  let cur: unknown = doc;
  for (const raw of parts.slice(0, -1)) {
    const next = getChild(cur, decodeKey(raw));
    if (next === undefined || next === null) return undefined;
    cur = next;
  }
  if (!isObject(cur) && !Array.isArray(cur)) return undefined;
  return { con: cur, key: decodeKey(parts[parts.length - 1]) };
}

function arrayIndex(key: string, size: number): number {
  if (!/^[+-]?\d+$/.test(key)) throw genericInvalid(`value was not a proper array index: '${key}'`);
  let idx = Number(key);
  if (idx < 0) {
    if (idx < -size) throw genericInvalid(`index out of bounds: ${idx}`);
    idx += size;
  }
  if (idx >= size) throw genericInvalid(`index out of bounds: ${idx}`);
  return idx;
}

function getChild(cur: unknown, key: string): unknown {
  if (isObject(cur)) return Object.hasOwn(cur, key) ? cur[key] : undefined;
  if (Array.isArray(cur)) {
    if (!/^[+-]?\d+$/.test(key)) return undefined;
    const idx = Number(key) < 0 ? Number(key) + cur.length : Number(key);
    return idx >= 0 && idx < cur.length ? cur[idx] : undefined;
  }
  return undefined;
}

function add(con: Container, key: string, value: unknown): void {
  if (isObject(con)) {
    setKey(con, key, value);
    return;
  }
  if (key === '-') {
    con.push(value);
    return;
  }
  const idx = arrayIndex(key, con.length + 1);
  con.splice(idx, 0, value);
}

function remove(con: Container, key: string): unknown {
  if (isObject(con)) {
    if (!Object.hasOwn(con, key))
      throw genericInvalid(`Unable to remove nonexistent key: ${key}: missing value`);
    const v = con[key];
    delete con[key];
    return v;
  }
  const idx = arrayIndex(key, con.length);
  return con.splice(idx, 1)[0];
}

function opString(op: JsonObject, field: string): string | undefined {
  const v = op[field];
  return typeof v === 'string' ? v : undefined;
}

function locate(doc: unknown, op: JsonObject, kind: string, field = 'path'): { con: Container; key: string } {
  const path = opString(op, field);
  if (path === undefined) throw genericInvalid(`${kind} operation failed to decode ${field}`);
  const found = findObject(doc, path);
  if (!found) throw genericInvalid(`${kind} operation does not apply: doc is missing path: "${path}"`);
  return found;
}

function applyOne(doc: unknown, op: JsonObject): void {
  const kind = opString(op, 'op') ?? 'unknown';
  const value = 'value' in op ? cloneJson(op.value) : null;
  switch (kind) {
    case 'add': {
      const { con, key } = locate(doc, op, kind);
      add(con, key, value);
      return;
    }
    case 'remove': {
      const { con, key } = locate(doc, op, kind);
      remove(con, key);
      return;
    }
    case 'replace': {
      const { con, key } = locate(doc, op, kind);
      if (Array.isArray(con)) con[arrayIndex(key, con.length)] = value;
      else setKey(con, key, value);
      return;
    }
    case 'move': {
      const from = locate(doc, op, kind, 'from');
      const moved = remove(from.con, from.key);
      const { con, key } = locate(doc, op, kind);
      add(con, key, moved);
      return;
    }
    case 'copy': {
      const from = locate(doc, op, kind, 'from');
      const v = getChild(from.con, from.key);
      if (v === undefined) throw genericInvalid(`copy operation does not apply: doc is missing from path`);
      const { con, key } = locate(doc, op, kind);
      add(con, key, cloneJson(v));
      return;
    }
    case 'test': {
      const { con, key } = locate(doc, op, kind);
      const v = getChild(con, key);
      if ((v === undefined && value === null) || jsonEqual(v ?? null, value)) return;
      throw genericInvalid(`testing value ${opString(op, 'path')} failed: test failed`);
    }
    default:
      throw genericInvalid(`Unexpected kind: ${kind}`);
  }
}

/**
 * Applies a JSON patch (a list of operations) to a document and returns the patched copy. Throws
 * a PatchError as the apiserver answers: BadRequest for a body that is not a list of objects,
 * a generic Invalid for an operation that does not apply.
 */
export function jsonPatch(doc: JsonObject, patch: unknown): JsonObject {
  if (!Array.isArray(patch)) {
    const word = patch === null ? undefined : isObject(patch) ? 'object' : typeof patch;
    if (word === undefined) return cloneJson(doc);
    throw new PatchError(
      'BadRequest',
      `json: cannot unmarshal ${word === 'boolean' ? 'bool' : word} into Go value of type jsonpatch.Patch`,
    );
  }
  for (const op of patch) {
    if (!isObject(op) && op !== null) {
      const word = Array.isArray(op) ? 'array' : typeof op === 'boolean' ? 'bool' : typeof op;
      throw new PatchError(
        'BadRequest',
        `json: cannot unmarshal ${word} into Go value of type jsonpatch.Operation`,
      );
    }
  }
  const out = cloneJson(doc);
  for (const op of patch as Array<JsonObject | null>) applyOne(out, op ?? {});
  return out;
}
