/**
 * Small helpers over decoded JSON values shared by the patch algorithms: type tests, deep copy and
 * equality, and the scalar-list helpers of apimachinery strategicpatch/patch.go (`sortScalars`,
 * `deduplicateScalars`) whose exact element order shows in patched objects.
 */
import { goValueString } from './patchErrors.ts';

export type JsonObject = Record<string, unknown>;

/** True for a JSON object (not an array, not null). */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Sets a member of a JSON object; `__proto__` becomes an own member as JSON.parse makes it, instead
 * of changing the object's prototype.
 */
export function setKey(o: JsonObject, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}

/** A deep copy of a JSON value (undefined members dropped, as JSON encoding drops them). */
export function cloneJson<T>(v: T): T {
  if (Array.isArray(v)) return v.map(cloneJson) as T;
  if (isObject(v)) {
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) setKey(out, k, cloneJson(x));
    return out as T;
  }
  return v;
}

/** Structural equality of JSON values (reflect.DeepEqual on decoded JSON); key order ignored. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => k in b && jsonEqual(a[k], b[k]));
  }
  return false;
}

/** The kind of a JSON value as Go's reflect sees it after decoding: map, slice, or scalar. */
export function jsonKind(v: unknown): 'map' | 'slice' | 'scalar' {
  if (Array.isArray(v)) return 'slice';
  return isObject(v) ? 'map' : 'scalar';
}

/** True when two decoded values have the same Go type (string, float64, bool, map, slice, nil). */
export function sameGoType(a: unknown, b: unknown): boolean {
  const t = (v: unknown) => (v === null ? 'nil' : Array.isArray(v) ? 'slice' : typeof v);
  return t(a) === t(b);
}

/** Sorts scalars by their `%v` text, as strategicpatch `sortScalars` does (returns a new array). */
export function sortScalars(list: readonly unknown[]): unknown[] {
  return [...list].sort((x, y) => {
    const a = goValueString(x);
    const b = goValueString(y);
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/**
 * Removes duplicate scalars the way strategicpatch `deduplicateScalars` does: a duplicate is
 * overwritten by the last element, so the order after the first duplicate changes.
 */
export function deduplicateScalars(input: readonly unknown[]): unknown[] {
  const s = [...input];
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (s[i] === s[j]) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

/**
 * Go's sort.SliceStable for the small lists of API objects: an insertion sort that calls
 * `less(j, j-1)`, exactly as Go's does for up to 20 elements. The patch code's comparators are not
 * strict orders, so the algorithm itself decides the result; longer lists use the same insertion
 * sort (Go would merge sorted blocks of 20 — a difference only for lists longer than 20).
 */
export function goStableSort<T>(list: T[], less: (a: T, b: T) => boolean): T[] {
  const s = [...list];
  for (let i = 1; i < s.length; i++) {
    for (let j = i; j > 0 && less(s[j], s[j - 1]); j--) {
      const t = s[j];
      s[j] = s[j - 1];
      s[j - 1] = t;
    }
  }
  return s;
}
