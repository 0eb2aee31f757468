import { describe, expect, it } from 'vitest';
import { fnv1_32, goJson, hashRevisionData, safeEncodeString } from './revisions.ts';

describe('revision hashing (controller_history.go HashControllerRevision)', () => {
  it('uses FNV-1 32-bit (Go fnv.New32), not FNV-1a', () => {
    // Published FNV-1 test vectors: "" -> offset basis, "a" -> 0x050c5d7e (FNV-1a would give 0xe40c292c).
    expect(fnv1_32('')).toBe(0x811c9dc5);
    expect(fnv1_32('a')).toBe(0x050c5d7e);
    expect(fnv1_32('foobar')).toBe(0x31f0b262);
  });

  it('maps decimal digits onto the safe alphabet by byte value mod 27', () => {
    // '0' is byte 48 -> 48 % 27 = 21 -> '4'; '6' is 54 -> 0 -> 'b'
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });

  it('feeds the collision count after the data, so a collision gives another name', () => {
    const data = goJson({ spec: { template: { $patch: 'replace' } } });
    expect(hashRevisionData(data, 0)).not.toBe(hashRevisionData(data, 1));
    expect(hashRevisionData(data, 0)).toMatch(/^[456789bcdf]{1,10}$/);
  });

  it('writes JSON like Go: sorted keys, HTML characters escaped', () => {
    expect(goJson({ b: 1, a: ['<x>', '&'] })).toBe('{"a":["\\u003cx\\u003e","\\u0026"],"b":1}');
  });
});
