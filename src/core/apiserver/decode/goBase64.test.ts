import { describe, expect, it } from 'vitest';
import { base64ErrorOffset } from './goBase64.ts';

describe("Go's base64.StdEncoding error offsets", () => {
  it('accepts padded base64, with line breaks anywhere', () => {
    for (const ok of ['', 'aGk=', 'aGVsbG8=', 'czNjcmV0', 'aGVs\nbG8=', 'aGVsbG8=\r\n'])
      expect(base64ErrorOffset(ok)).toBeUndefined();
  });

  it('names the byte Go names', () => {
    expect(base64ErrorOffset('abc')).toBe(0); // a short final quantum: its first byte
    expect(base64ErrorOffset('ab*d')).toBe(2); // an illegal character
    expect(base64ErrorOffset('aGk=x')).toBe(4); // data after the padding
    expect(base64ErrorOffset('aG==aGk=')).toBe(4);
    expect(base64ErrorOffset('a===')).toBe(1); // padding too early
    expect(base64ErrorOffset('aG=')).toBe(3); // one `=` where two are needed
  });
});
