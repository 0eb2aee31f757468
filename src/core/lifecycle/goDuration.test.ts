import { describe, expect, it } from 'vitest';
import { formatGoDuration } from './goDuration.ts';

describe('formatGoDuration (Go time.Duration.String)', () => {
  it.each([
    [0, '0s'],
    [830, '830ms'],
    [1_000, '1s'],
    [1_593, '1.593s'],
    [18_200, '18.2s'],
    [20_050, '20.05s'],
    [60_000, '1m0s'],
    [125_500, '2m5.5s'],
    [3_723_000, '1h2m3s'],
  ])('%i ms -> %s', (ms, text) => {
    expect(formatGoDuration(ms)).toBe(text);
  });
});
