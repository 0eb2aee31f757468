/**
 * The only source of randomness in the simulation: a seeded generator (mulberry32) whose whole state is
 * one 32-bit integer kept in the cluster state, so a saved cluster continues with the same draws.
 */

/** Advances the generator state; returns [next state, a float in [0, 1)]. Pure. */
export function nextRandom(state: number): [number, number] {
  const s = (state + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [s, ((t ^ (t >>> 14)) >>> 0) / 4294967296];
}

/** Initial generator state for a seed (any integer). */
export function seedState(seed: number): number {
  return (Math.imul(seed | 0, 2654435761) ^ 0x9e3779b9) >>> 0;
}

/** A mutable view over a state cell, for code that draws several numbers in a row. */
export class SeededRandom {
  constructor(private readonly cell: { rng: number }) {}

  /** A float in [0, 1); advances the stored state. */
  next(): number {
    const [s, v] = nextRandom(this.cell.rng);
    this.cell.rng = s;
    return v;
  }

  /** An integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** `n` lower-case hex digits. */
  hex(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += Math.floor(this.next() * 16).toString(16);
    return out;
  }

  /** A version-4 UUID, as the apiserver gives objects (uid) and provisioners give volumes. */
  uuid(): string {
    const h = this.hex(32).split('');
    h[12] = '4';
    h[16] = '89ab'[parseInt(h[16], 16) & 3];
    const s = h.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  /** A random string over kubernetes' "safe" alphabet (utilrand.String), as in generated names. */
  alnum(n: number): string {
    const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  /** A duration jittered around `ms` by ±`fraction`, rounded to whole milliseconds. */
  jitter(ms: number, fraction: number): number {
    return Math.round(ms * (1 - fraction + 2 * fraction * this.next()));
  }
}
