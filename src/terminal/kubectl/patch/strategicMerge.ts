/**
 * Applying a strategic merge patch, as the apiserver does for `kubectl patch` (default
 * `--type strategic`) and for the patches `kubectl apply`, `scale`, `label` and `rollout` send.
 * Follows apimachinery/pkg/util/strategicpatch/patch.go (1.30): `StrategicMergeMapPatch`,
 * `mergeMap`, `handleDirectiveInMergeMap` (`$patch: replace|delete` on maps),
 * `applyRetainKeysDirective` (`$retainKeys`), `mergePatchIntoOriginal` (`$setElementOrder/<list>`),
 * `preprocessDeletionListForMerging` (`$deleteFromPrimitiveList/<list>`); lists are merged in
 * strategicMergeList.ts. The patch strategies per field come from patchMeta.ts.
 *
 * Deliberate difference: the result is not re-decoded into typed Go structs, so a value of the
 * wrong type (e.g. `"replicas": "3"`) is not rejected here; the apiserver's validation may still
 * reject it.
 */
import {
  cloneJson,
  isObject,
  type JsonObject,
  jsonEqual,
  jsonKind,
  sameGoType,
  setKey,
} from './jsonValue.ts';
import {
  ERR_BAD_PRIMITIVE_LIST,
  ERR_BAD_RETAIN_KEYS,
  ERR_BAD_SET_ELEMENT_ORDER,
  errBadArgType,
  errBadPatchType,
  goValueString,
  PatchError,
} from './patchErrors.ts';
import { kindPatchMeta, lookupField, type TypeMeta } from './patchMeta.ts';
import {
  type MergeOptions,
  mergeSlice,
  normalizeElementOrder,
  partitionByPresence,
  sliceElementKind,
} from './strategicMergeList.ts';

const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList';
const SET_ELEMENT_ORDER = '$setElementOrder';
const RETAIN_KEYS = '$retainKeys';

/** The server-side options (StrategicMergeMapPatch). */
const SERVER_MERGE: MergeOptions = { mergeParallelList: true, ignoreUnmatchedNulls: true };

/** Go's word for a JSON value's type in `json: cannot unmarshal <word> into ...` errors. */
export function jsonTypeWord(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'string' ? 'string' : 'object';
}

/**
 * Applies a strategic merge patch to an object of `kind` and returns the patched copy; the inputs
 * are not changed. Throws a PatchError with the apiserver's answer when the patch is malformed.
 */
export function strategicMergePatch(original: JsonObject, patch: unknown, kind: string): JsonObject {
  if (patch === null) return cloneJson(original);
  if (!isObject(patch))
    throw new PatchError(
      'BadRequest',
      `json: cannot unmarshal ${jsonTypeWord(patch)} into Go value of type map[string]interface {}`,
    );
  return mergeMap(cloneJson(original), cloneJson(patch), kindPatchMeta(kind), SERVER_MERGE);
}

function extractKey(key: string, prefix: string): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix)
    throw new PatchError(
      'BadRequest',
      prefix === SET_ELEMENT_ORDER ? ERR_BAD_SET_ELEMENT_ORDER : ERR_BAD_PRIMITIVE_LIST,
    );
  return key.slice(slash + 1);
}

function handleDirectiveInMergeMap(directive: unknown, patch: JsonObject): JsonObject {
  if (directive === 'replace') {
    delete patch.$patch;
    return patch;
  }
  if (directive === 'delete') return {};
  throw errBadPatchType(directive, patch);
}

function applyRetainKeysDirective(original: JsonObject, patch: JsonObject, opts: MergeOptions): void {
  if (!(RETAIN_KEYS in patch)) return;
  const retain = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!opts.mergeParallelList) {
    if (RETAIN_KEYS in original) {
      if (!jsonEqual(original[RETAIN_KEYS], retain))
        throw new PatchError(
          'Unknown',
          `${goValueString(original[RETAIN_KEYS])} and ${goValueString(retain)} are not deep equal: this may happen when calculating the 3-way diff patch`,
        );
    } else original[RETAIN_KEYS] = retain;
    return;
  }
  if (!Array.isArray(retain)) throw new PatchError('BadRequest', ERR_BAD_RETAIN_KEYS);
  const keep = new Set<unknown>(retain);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST) || k.startsWith(SET_ELEMENT_ORDER)) continue;
    if (!keep.has(k)) throw new PatchError('BadRequest', ERR_BAD_RETAIN_KEYS);
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

function validatePatchWithSetOrderList(patchList: unknown[], order: unknown[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return;
  const items = mergeKey ? patchList.filter((v) => !(isObject(v) && v.$patch === 'delete')) : patchList;
  let pi = 0;
  let si = 0;
  while (pi < items.length && si < order.length) {
    const item = items[pi];
    if (isObject(item) && '$patch' in item) {
      pi++;
      continue;
    }
    const same = mergeKey
      ? isObject(item) && isObject(order[si]) && item[mergeKey] === (order[si] as JsonObject)[mergeKey]
      : item === order[si];
    if (same) pi++;
    si++;
  }
  if (pi < items.length && si >= order.length)
    throw new PatchError(
      'Unknown',
      `The order in patch list:\n${goValueString(patchList)}\n doesn't match ${SET_ELEMENT_ORDER} list:\n${goValueString(order)}\n`,
    );
}

function listOf(v: unknown): unknown[] {
  if (!Array.isArray(v)) throw errBadArgType('[]interface {}', v);
  return v;
}

/** Processes every `$setElementOrder/<list>` of `patch` together with the list it orders. */
function mergePatchIntoOriginal(
  original: JsonObject,
  patch: JsonObject,
  t: TypeMeta | undefined,
  opts: MergeOptions,
): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER)) continue;
    const order = patch[key];
    if (!opts.mergeParallelList) {
      if (key in original) {
        if (!jsonEqual(original[key], order)) throw new PatchError('BadRequest', ERR_BAD_SET_ELEMENT_ORDER);
      } else original[key] = order;
    }
    delete patch[key];
    const orderList = listOf(order);
    const listKey = extractKey(key, SET_ELEMENT_ORDER);
    const foundOriginal = listKey in original;
    const foundPatch = listKey in patch;
    const originalList = foundOriginal ? listOf(original[listKey]) : [];
    const patchList = foundPatch ? listOf(patch[listKey]) : [];
    const meta = lookupField(t, listKey);
    const mergeKey = meta.mergeKey ?? '';
    validatePatchWithSetOrderList(patchList, orderList, mergeKey);
    let merged: unknown[];
    if (foundOriginal && !foundPatch) merged = originalList;
    else if (!foundOriginal && foundPatch) merged = patchList;
    else if (foundOriginal && foundPatch)
      merged =
        meta.strategy === 'merge'
          ? mergeSlice(originalList, patchList, meta.type, mergeKey, opts, false, mergeMap)
          : patchList;
    else continue;
    const [inOrder, serverOnly] = partitionByPresence(merged, orderList, mergeKey);
    const kind = sliceElementKind(originalList, patchList);
    original[listKey] = normalizeElementOrder(inOrder, serverOnly, orderList, originalList, mergeKey, kind);
    delete patch[listKey];
  }
}

/**
 * Merges `patch` into `original` (both are changed; callers pass copies) following the field
 * strategies of type `t`. Exported for the 3-way patch computation, which merges two patches.
 */
export function mergeMap(
  original: JsonObject,
  patch: JsonObject,
  t: TypeMeta | undefined,
  opts: MergeOptions,
): JsonObject {
  if ('$patch' in patch) return handleDirectiveInMergeMap(patch.$patch, patch);
  applyRetainKeysDirective(original, patch, opts);
  mergePatchIntoOriginal(original, patch, t, opts);
  for (const rawKey of Object.keys(patch)) {
    const patchV = patch[rawKey];
    let k = rawKey;
    let isDeleteList = false;
    if (rawKey.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      if (!opts.mergeParallelList) {
        original[rawKey] = patchV;
        continue;
      }
      k = extractKey(rawKey, DELETE_FROM_PRIMITIVE_LIST);
      isDeleteList = true;
    }
    if (patchV === null) {
      delete original[k];
      if (opts.ignoreUnmatchedNulls) continue;
    }
    const cur = Object.hasOwn(original, k) ? original[k] : undefined;
    if (cur === undefined || !sameGoType(cur, patchV)) {
      setKey(original, k, patchV);
      continue;
    }
    const meta = lookupField(t, k);
    let merged: unknown = patchV;
    if (jsonKind(cur) === 'map' && meta.strategy !== 'replace')
      merged = mergeMap(cur as JsonObject, patchV as JsonObject, meta.type, opts);
    else if (jsonKind(cur) === 'slice' && meta.strategy === 'merge')
      merged = mergeSlice(
        cur as unknown[],
        patchV as unknown[],
        meta.type,
        meta.mergeKey ?? '',
        opts,
        isDeleteList,
        mergeMap,
      );
    setKey(original, k, merged);
  }
  return original;
}
