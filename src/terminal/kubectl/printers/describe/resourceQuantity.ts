/**
 * Resource quantities as `kubectl describe node` adds and prints them (k8s.io/apimachinery
 * pkg/api/resource Quantity, 1.30: parse, Add, String/CanonicalizeBytes). Kept to what describe
 * needs: decimal (`100m`, `2`, `1500k`) and binary (`70Mi`) suffixes; the lab differs in reading
 * `1e3`-style exponents as decimal SI instead of keeping the exponent format.
 */

/** A parsed quantity: `milli` = value x 1000 (exact), `binary` = BinarySI format. */
export interface Quantity {
  milli: bigint;
  binary: boolean;
}

const DECIMAL: Record<string, number> = { m: -1, '': 0, k: 1, M: 2, G: 3, T: 4, P: 5, E: 6 };
const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };

/** The zero quantity (`0`, decimal SI). */
export const ZERO: Quantity = { milli: 0n, binary: false };

/** Parses a quantity text; undefined when it is not one (describe then treats it as zero). */
export function parseQuantity(text: string | number | undefined): Quantity | undefined {
  if (text === undefined) return undefined;
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?)$/.exec(
    String(text).trim(),
  );
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const frac = m[3] ?? '';
  // digits as an integer scaled by 10^-frac.length, then by 1000 for milli units
  let num = BigInt(`${m[2] || '0'}${frac}`) * 1000n;
  let den = 10n ** BigInt(frac.length);
  const suffix = m[5] ?? '';
  let binary = false;
  if (m[4] !== undefined) {
    const e = Number(m[4]);
    if (e >= 0) num *= 10n ** BigInt(e);
    else den *= 10n ** BigInt(-e);
  } else if (suffix in BINARY) {
    binary = true;
    num *= 1024n ** BigInt(BINARY[suffix]);
  } else {
    const e = DECIMAL[suffix] * 3;
    if (e >= 0) num *= 10n ** BigInt(e);
    else den *= 10n ** BigInt(-e);
  }
  // Quantities round up to the nearest milli unit (resource.Quantity keeps nano precision; the
  // lab's quantities never go below milli)
  const milli = (num + den - 1n) / den;
  return { milli: m[1] === '-' ? -milli : milli, binary };
}

/** Quantity.Add: the sum keeps the first non-zero operand's format. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { milli: a.milli + b.milli, binary: a.milli === 0n ? b.binary : a.binary };
}

/** The larger of two quantities (what PodRequestsAndLimits takes against init containers). */
export function maxQuantity(a: Quantity, b: Quantity): Quantity {
  return b.milli > a.milli ? b : a;
}

function decimalText(milli: bigint): string {
  if (milli % 1000n !== 0n) {
    return `${milli}m`;
  }
  let v = milli / 1000n;
  let e = 0;
  while (v !== 0n && v % 1000n === 0n && e < 6) {
    v /= 1000n;
    e++;
  }
  return `${v}${['', 'k', 'M', 'G', 'T', 'P', 'E'][e]}`;
}

/** Quantity.String: canonical text (`0`, `750m`, `2`, `240Mi`, `1500`). */
export function quantityText(q: Quantity): string {
  if (q.milli === 0n) return '0';
  const neg = q.milli < 0n;
  const abs = neg ? -q.milli : q.milli;
  let text: string;
  if (q.binary && abs % 1000n === 0n && abs >= 1024n * 1000n) {
    let v = abs / 1000n;
    let e = 0;
    while (v % 1024n === 0n && e < 6) {
      v /= 1024n;
      e++;
    }
    text = `${v}${['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][e]}`;
  } else text = decimalText(abs);
  return neg ? `-${text}` : text;
}

/** Milli units of a quantity (MilliValue), 0 when absent. */
export function milliValue(q: Quantity | undefined): bigint {
  return q?.milli ?? 0n;
}

/** Whole units rounded up (Value), 0 when absent. */
export function wholeValue(q: Quantity | undefined): bigint {
  if (!q) return 0n;
  return q.milli >= 0n ? (q.milli + 999n) / 1000n : q.milli / 1000n;
}
