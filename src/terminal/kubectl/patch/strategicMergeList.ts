/**
 * Strategic merge of lists, following apimachinery/pkg/util/strategicpatch/patch.go (1.30):
 * `mergeSlice`, `mergeSliceWithSpecialElements` (`$patch: delete|replace` elements),
 * `mergeSliceWithoutSpecialElements`, and the order rules of `normalizeElementOrder` /
 * `normalizeSliceOrder` / `mergeSortedSlice` (patch order first, live order for the rest). The
 * order matters to learners: it is the order `kubectl get -o yaml` shows containers and ports in.
 */
import { deduplicateScalars, goStableSort, isObject, type JsonObject, jsonKind } from './jsonValue.ts';
import {
  ERR_NO_LIST_OF_LISTS,
  errBadArgType,
  errBadPatchType,
  errNoMergeKey,
  genericInvalid,
  goValueString,
  PatchError,
} from './patchErrors.ts';
import type { TypeMeta } from './patchMeta.ts';

export interface MergeOptions {
  /** apply `$deleteFromPrimitiveList` and `$setElementOrder` (server side); false while computing a 3-way patch */
  mergeParallelList: boolean;
  /** drop `key: null` entries that match nothing (server side); false keeps them in a computed patch */
  ignoreUnmatchedNulls: boolean;
}

/** mergeMap, passed in to merge list elements without an import cycle. */
export type MapMerger = (
  original: JsonObject,
  patch: JsonObject,
  t: TypeMeta | undefined,
  opts: MergeOptions,
) => JsonObject;

export type ElementKind = 'map' | 'scalar';

/** The common element kind of the lists; errors as `sliceElementType` for lists of lists or mixed types. */
export function sliceElementKind(...lists: unknown[][]): ElementKind {
  let first: string | undefined;
  const goType = (v: unknown) => (v === null ? 'nil' : Array.isArray(v) ? 'slice' : typeof v);
  for (const list of lists) {
    for (const v of list) {
      const t = goType(v);
      if (first === undefined) {
        first = t;
        if (t === 'slice') throw genericInvalid(ERR_NO_LIST_OF_LISTS);
      } else if (t !== first) {
        throw new PatchError('Unknown', `list element types are not identical: ${goValueString(lists)}`);
      }
    }
  }
  if (first === undefined) throw new PatchError('Unknown', 'no elements in any of the given slices');
  return first === 'object' ? 'map' : 'scalar';
}

function asMap(v: unknown): JsonObject {
  if (!isObject(v)) throw errBadArgType('map[string]interface {}', v);
  return v;
}

/** Index of the element whose merge key (or, for scalars, value) equals that of `val`; -1 if none. */
function indexOf(list: readonly unknown[], val: unknown, mergeKey: string, kind: ElementKind): number {
  const key = (item: unknown) => (kind === 'map' ? (isObject(item) ? item[mergeKey] : undefined) : item);
  const wanted = key(val);
  return list.findIndex((v) => key(v) === wanted);
}

function findByKey(list: readonly unknown[], mergeKey: string, value: unknown): number {
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (!isObject(v)) throw new PatchError('Unknown', `value for key ${i} is not a map.`);
    if (mergeKey in v && v[mergeKey] === value) return i;
  }
  return -1;
}

function validateMergeKeyInLists(mergeKey: string, ...lists: readonly unknown[][]): void {
  for (const list of lists)
    for (const item of list) {
      const m = asMap(item);
      if (!(mergeKey in m)) throw errNoMergeKey(m, mergeKey);
    }
}

/** Splits off the `$patch: delete` elements (kept at the end, as upstream does). */
export function extractToDeleteItems(list: readonly unknown[]): [unknown[], unknown[]] {
  const keep: unknown[] = [];
  const del: unknown[] = [];
  for (const v of list) (asMap(v).$patch === 'delete' ? del : keep).push(v);
  return [keep, del];
}

/** Sorts items by their position in `order` (upstream `normalizeSliceOrder`); deletions go last. */
export function normalizeSliceOrder(
  toSort: unknown[],
  order: readonly unknown[],
  mergeKey: string,
  kind: ElementKind,
): unknown[] {
  let toDelete: unknown[] = [];
  let items = toSort;
  if (kind === 'map') {
    validateMergeKeyInLists(mergeKey, items, order as unknown[]);
    [items, toDelete] = extractToDeleteItems(items);
  }
  const sorted = goStableSort(items, (a, b) => {
    const ia = indexOf(order, a, mergeKey, kind);
    if (ia >= 0) {
      const ib = indexOf(order, b, mergeKey, kind);
      if (ib >= 0) return ia < ib;
    }
    return true;
  });
  return [...sorted, ...toDelete];
}

function mergeSortedSlice(
  left: unknown[],
  right: unknown[],
  serverOrder: readonly unknown[],
  mergeKey: string,
  kind: ElementKind,
): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexOf(serverOrder, left[i], mergeKey, kind);
      const ri = indexOf(serverOrder, right[j], mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

/** Orders merged items: patch items by the patch order, live-only items by the live order, interleaved. */
export function normalizeElementOrder(
  patchItems: unknown[],
  serverOnly: unknown[],
  patchOrder: readonly unknown[],
  serverOrder: readonly unknown[],
  mergeKey: string,
  kind: ElementKind,
): unknown[] {
  const p = normalizeSliceOrder(patchItems, patchOrder, mergeKey, kind);
  const s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(s, p, serverOrder, mergeKey, kind);
}

/** Splits `merged` into the items present in `by` (by merge key, or value for scalars) and the rest. */
export function partitionByPresence(
  merged: readonly unknown[],
  by: readonly unknown[],
  mergeKey: string,
): [unknown[], unknown[]] {
  const inPatch: unknown[] = [];
  const serverOnly: unknown[] = [];
  for (const v of merged) {
    let found: boolean;
    if (!mergeKey) found = by.includes(v);
    else {
      const m = asMap(v);
      if (!(mergeKey in m)) throw errNoMergeKey(m, mergeKey);
      found = findByKey(by, mergeKey, m[mergeKey]) >= 0;
    }
    (found ? inPatch : serverOnly).push(v);
  }
  return [inPatch, serverOnly];
}

function deleteMatchingEntries(list: unknown[], mergeKey: string, value: unknown): unknown[] {
  let out = list;
  for (let at = findByKey(out, mergeKey, value); at >= 0; at = findByKey(out, mergeKey, value))
    out = [...out.slice(0, at), ...out.slice(at + 1)];
  return out;
}

function mergeSliceWithSpecialElements(
  original: unknown[],
  patch: unknown[],
  mergeKey: string,
): [unknown[], unknown[]] {
  const plain: unknown[] = [];
  let replace = false;
  let orig = original;
  for (const v of patch) {
    const m = asMap(v);
    if (!('$patch' in m)) {
      plain.push(v);
      continue;
    }
    switch (m.$patch) {
      case 'delete':
        if (!(mergeKey in m)) throw errNoMergeKey(m, mergeKey);
        orig = deleteMatchingEntries(orig, mergeKey, m[mergeKey]);
        break;
      case 'replace':
        replace = true;
        break;
      case 'merge':
        throw new PatchError('Unknown', 'merging lists cannot yet be specified in the patch');
      default:
        throw errBadPatchType(m.$patch, m);
    }
  }
  return replace ? [plain, []] : [orig, plain];
}

/**
 * Merges a patch list into a live list with the `merge` strategy: scalars as a set (or, for a
 * `$deleteFromPrimitiveList` list, removed), maps matched by `mergeKey` and merged recursively.
 */
export function mergeSlice(
  original: unknown[],
  patch: unknown[],
  elemType: TypeMeta | undefined,
  mergeKey: string,
  opts: MergeOptions,
  isDeleteList: boolean,
  mergeMap: MapMerger,
): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = sliceElementKind(original, patch);
  let merged: unknown[];
  let orig = original;
  let pat = patch;
  if (kind !== 'map') {
    if (opts.mergeParallelList && isDeleteList) return original.filter((v) => !patch.includes(v));
    merged = deduplicateScalars([...original, ...patch]);
  } else {
    if (!mergeKey) throw new PatchError('Unknown', 'cannot merge lists without merge key for type struct');
    [orig, pat] = mergeSliceWithSpecialElements(original, patch, mergeKey);
    merged = [...orig];
    for (const v of pat) {
      const m = asMap(v);
      if (!(mergeKey in m)) throw errNoMergeKey(m, mergeKey);
      const at = findByKey(merged, mergeKey, m[mergeKey]);
      if (at >= 0) merged[at] = mergeMap(asMap(merged[at]), m, elemType, opts);
      else merged.push(v);
    }
  }
  const [inPatch, serverOnly] = partitionByPresence(merged, pat, kind === 'map' ? mergeKey : '');
  return normalizeElementOrder(inPatch, serverOnly, pat, orig, kind === 'map' ? mergeKey : '', kind);
}

/** True when the value is a list (the only kind a list field may be patched with). */
export function isList(v: unknown): v is unknown[] {
  return jsonKind(v) === 'slice';
}
