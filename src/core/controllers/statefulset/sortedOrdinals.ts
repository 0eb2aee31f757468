/**
 * Sorted arrays of distinct ordinals and the questions a StatefulSet sync asks of them: the nearest
 * member above or below a point, and the nearest ordinal that is missing. They let a sync find the
 * few ordinals that need work among thousands (or, with a huge spec.replicas, billions) of
 * ordinals in range without visiting each one. Lab-only helpers: upstream walks every ordinal.
 */

/** The first index whose value is >= x (the array's length when none). */
export function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Adds x (no-op when present). */
export function insertOrdinal(a: number[], x: number): void {
  const i = lowerBound(a, x);
  if (a[i] !== x) a.splice(i, 0, x);
}

/** Removes x (no-op when absent). */
export function removeOrdinal(a: number[], x: number): void {
  const i = lowerBound(a, x);
  if (a[i] === x) a.splice(i, 1);
}

/** The smallest member >= x, or Infinity. */
export function memberAtOrAbove(a: readonly number[], x: number): number {
  const i = lowerBound(a, x);
  return i < a.length ? a[i] : Number.POSITIVE_INFINITY;
}

/** The largest member <= x, or -Infinity. */
export function memberAtOrBelow(a: readonly number[], x: number): number {
  const i = lowerBound(a, x + 1);
  return i > 0 ? a[i - 1] : Number.NEGATIVE_INFINITY;
}

/** The smallest non-member >= x. */
export function missingAtOrAbove(a: readonly number[], x: number): number {
  const i = lowerBound(a, x);
  if (i === a.length || a[i] !== x) return x;
  // Members are distinct, so a[j] - a[i] === j - i exactly while the run from x is unbroken.
  let lo = i;
  let hi = a.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (a[mid] - a[i] === mid - i) lo = mid;
    else hi = mid - 1;
  }
  return a[lo] + 1;
}

/** The largest non-member <= x. */
export function missingAtOrBelow(a: readonly number[], x: number): number {
  const i = lowerBound(a, x);
  if (i === a.length || a[i] !== x) return x;
  let lo = 0;
  let hi = i;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[i] - a[mid] === i - mid) hi = mid;
    else lo = mid + 1;
  }
  return a[lo] - 1;
}
