/**
 * Computing strategic merge patches, as kubectl does on the client: the two-way patch between two
 * documents and the three-way patch `kubectl apply` sends (last-applied configuration, the new
 * manifest, the live object). Follows apimachinery/pkg/util/strategicpatch/patch.go (1.30):
 * `diffMaps`, `handleMapDiff`, `handleSliceDiff`, `diffLists`, `diffListsOfMaps`,
 * `diffListsOfScalars`, `CreateTwoWayMergeMapPatch`, `CreateThreeWayMergePatch` — including the
 * `$setElementOrder/<list>`, `$deleteFromPrimitiveList/<list>`, `$retainKeys` and
 * `$patch: delete` directives they generate, so the patch is `{}` exactly when apply would print
 * `unchanged`.
 *
 * Deliberate difference: kubectl apply's `--overwrite=false` conflict check and its preconditions
 * on apiVersion/kind/name are not computed (the lab always overwrites, as the default does).
 */
import {
  cloneJson,
  deduplicateScalars,
  isObject,
  type JsonObject,
  jsonEqual,
  jsonKind,
  sameGoType,
  sortScalars,
} from './jsonValue.ts';
import { errBadArgType, errNoMergeKey, goValueString, PatchError } from './patchErrors.ts';
import { kindPatchMeta, lookupField, type TypeMeta } from './patchMeta.ts';
import { mergeMap } from './strategicMerge.ts';
import { normalizeSliceOrder, sliceElementKind } from './strategicMergeList.ts';

interface DiffOptions {
  setElementOrder: boolean;
  ignoreChangesAndAdditions: boolean;
  ignoreDeletions: boolean;
  buildRetainKeysDirective: boolean;
}

const NONE: DiffOptions = {
  setElementOrder: false,
  ignoreChangesAndAdditions: false,
  ignoreDeletions: false,
  buildRetainKeysDirective: false,
};

function hasAdditionalNewField(original: JsonObject, modified: JsonObject): boolean {
  return Object.entries(original).some(([k, v]) => v !== null && !(k in modified));
}

function diffMaps(
  original: JsonObject,
  modified: JsonObject,
  t: TypeMeta | undefined,
  opts: DiffOptions,
): JsonObject {
  const patch: JsonObject = {};
  const retainKeys: string[] = [];
  for (const [key, mv] of Object.entries(modified)) {
    if (opts.buildRetainKeysDirective && mv !== null) retainKeys.push(key);
    if (!(key in original)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = mv;
      continue;
    }
    const ov = original[key];
    if (key === '$patch') {
      if (typeof ov !== 'string' || typeof mv !== 'string')
        throw new PatchError('Unknown', 'invalid value for special key: $patch');
      if (ov !== mv) patch[key] = mv;
      continue;
    }
    if (!sameGoType(ov, mv)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = mv;
      continue;
    }
    const meta = lookupField(t, key);
    const kind = jsonKind(ov);
    if (kind === 'map') {
      if (meta.strategy === 'replace') {
        if (!opts.ignoreChangesAndAdditions) patch[key] = mv;
      } else {
        const sub = { ...opts, buildRetainKeysDirective: Boolean(meta.retainKeys) };
        const pv = diffMaps(ov as JsonObject, mv as JsonObject, meta.type, sub);
        if (Object.keys(pv).length > 0) patch[key] = pv;
      }
    } else if (kind === 'slice' && meta.strategy === 'merge') {
      const sub = { ...opts, buildRetainKeysDirective: Boolean(meta.retainKeys) };
      const mergeKey = meta.mergeKey ?? '';
      const [add, del, order] = diffLists(ov as unknown[], mv as unknown[], meta.type, mergeKey, sub);
      if (add.length > 0) patch[key] = add;
      if (del.length > 0) patch[`$deleteFromPrimitiveList/${key}`] = del;
      if (order.length > 0) patch[`$setElementOrder/${key}`] = order;
    } else if (!opts.ignoreChangesAndAdditions && !jsonEqual(ov, mv)) {
      patch[key] = mv;
    }
  }
  if (!opts.ignoreDeletions)
    for (const key of Object.keys(original)) if (!(key in modified)) patch[key] = null;
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalNewField(original, modified)))
    patch.$retainKeys = sortScalars(retainKeys);
  return patch;
}

function keyText(m: unknown, mergeKey: string): string {
  return goValueString(isObject(m) ? m[mergeKey] : undefined);
}

function sortByMergeKey(list: unknown[], mergeKey: string): JsonObject[] {
  return [...list].sort((a, b) => (keyText(a, mergeKey) <= keyText(b, mergeKey) ? -1 : 1)) as JsonObject[];
}

function elementAt(list: JsonObject[], i: number, mergeKey: string): JsonObject {
  const m = list[i];
  if (!isObject(m)) throw errBadArgType('map[string]interface {}', m);
  if (!(mergeKey in m)) throw errNoMergeKey(m, mergeKey);
  return m;
}

function diffListsOfMaps(
  original: unknown[],
  modified: unknown[],
  t: TypeMeta | undefined,
  mergeKey: string,
  opts: DiffOptions,
): [unknown[], unknown[]] {
  const patch: unknown[] = [];
  const deletions: unknown[] = [];
  const os = sortByMergeKey(original, mergeKey);
  const ms = sortByMergeKey(modified, mergeKey);
  let oi = 0;
  let mi = 0;
  while (oi < os.length || mi < ms.length) {
    const oe = oi < os.length ? elementAt(os, oi, mergeKey) : undefined;
    const me = mi < ms.length ? elementAt(ms, mi, mergeKey) : undefined;
    const oText = oe ? goValueString(oe[mergeKey]) : '';
    const mText = me ? goValueString(me[mergeKey]) : '';
    if (oe && me && oText === mText) {
      const pv = diffMaps(oe, me, t, opts);
      if (Object.keys(pv).length > 0) {
        pv[mergeKey] = me[mergeKey];
        patch.push(pv);
      }
      oi++;
      mi++;
    } else if (me && (!oe || oText > mText)) {
      if (!opts.ignoreChangesAndAdditions) patch.push(me);
      mi++;
    } else if (oe) {
      if (!opts.ignoreDeletions) deletions.push({ [mergeKey]: oe[mergeKey], $patch: 'delete' });
      oi++;
    }
  }
  return [patch, deletions];
}

function diffListsOfScalars(
  original: unknown[],
  modified: unknown[],
  opts: DiffOptions,
): [unknown[], unknown[]] {
  const os = sortScalars(original);
  const ms = sortScalars(modified);
  const add: unknown[] = [];
  const del: unknown[] = [];
  let oi = 0;
  let mi = 0;
  while (oi < os.length || mi < ms.length) {
    const oIn = oi < os.length;
    const mIn = mi < ms.length;
    const oText = oIn ? goValueString(os[oi]) : '';
    const mText = mIn ? goValueString(ms[mi]) : '';
    if (oIn && mIn && oText === mText) {
      oi++;
      mi++;
    } else if (!oIn || (mIn && oText > mText)) {
      if (!opts.ignoreChangesAndAdditions) add.push(ms[mi]);
      mi++;
    } else {
      if (!opts.ignoreDeletions) del.push(os[oi]);
      oi++;
    }
  }
  return [add, deduplicateScalars(del)];
}

function isOrderSame(original: unknown[], modified: unknown[], mergeKey: string): boolean {
  if (original.length !== modified.length) return false;
  return modified.every((m, i) => {
    const o = original[i];
    if (!isObject(o) || !isObject(m)) throw errBadArgType('map[string]interface {}', isObject(o) ? m : o);
    if (!(mergeKey in o)) throw errNoMergeKey(o, mergeKey);
    if (!(mergeKey in m)) throw errNoMergeKey(m, mergeKey);
    return o[mergeKey] === m[mergeKey];
  });
}

function diffLists(
  original: unknown[],
  modified: unknown[],
  t: TypeMeta | undefined,
  mergeKey: string,
  opts: DiffOptions,
): [unknown[], unknown[], unknown[]] {
  if (original.length === 0) {
    if (modified.length === 0 || opts.ignoreChangesAndAdditions) return [[], [], []];
    return [modified, [], []];
  }
  const kind = sliceElementKind(original, modified);
  if (kind === 'map') {
    const [changes, deletions] = diffListsOfMaps(original, modified, t, mergeKey, opts);
    const patchList = [...normalizeSliceOrder(changes, modified, mergeKey, kind), ...deletions];
    const orderSame = isOrderSame(original, modified, mergeKey);
    const wantOrder =
      opts.setElementOrder &&
      ((!opts.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame)) ||
        (!opts.ignoreDeletions && patchList.length > 0));
    const order = wantOrder ? modified.map((v) => ({ [mergeKey]: (v as JsonObject)[mergeKey] })) : [];
    return [patchList, [], order];
  }
  const [adds, deletions] = diffListsOfScalars(original, modified, opts);
  const patchList = normalizeSliceOrder(adds, modified, mergeKey, kind);
  const wantOrder =
    opts.setElementOrder &&
    ((!opts.ignoreDeletions && deletions.length > 0) ||
      (!opts.ignoreChangesAndAdditions && !jsonEqual(original, modified)));
  return [patchList, deletions, wantOrder ? modified : []];
}

/** The strategic merge patch that turns `original` into `modified` (CreateTwoWayMergeMapPatch). */
export function createTwoWayMergePatch(original: JsonObject, modified: JsonObject, kind: string): JsonObject {
  return diffMaps(original, modified, kindPatchMeta(kind), { ...NONE, setElementOrder: true });
}

/**
 * The patch `kubectl apply` sends (CreateThreeWayMergePatch with overwrite): the changes and
 * additions from `current` (live) to `modified` (the new manifest), plus the deletions from
 * `original` (the last-applied configuration, `{}` when there is none) to `modified`. The result
 * is `{}` when there is nothing to change. Inputs are not changed.
 */
export function createThreeWayMergePatch(
  original: JsonObject | undefined,
  modified: JsonObject,
  current: JsonObject,
  kind: string,
): JsonObject {
  const t = kindPatchMeta(kind);
  const delta = diffMaps(cloneJson(current), cloneJson(modified), t, {
    ...NONE,
    ignoreDeletions: true,
    setElementOrder: true,
  });
  const deletions = diffMaps(cloneJson(original ?? {}), cloneJson(modified), t, {
    ...NONE,
    setElementOrder: true,
    ignoreChangesAndAdditions: true,
  });
  return mergeMap(deletions, delta, t, { mergeParallelList: false, ignoreUnmatchedNulls: false });
}
