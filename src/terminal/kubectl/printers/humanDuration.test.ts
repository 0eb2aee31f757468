import { describe, expect, it } from 'vitest';
import { toTimestamp } from '../../../core/clock/virtualClock.ts';
import { ageSince, humanDuration, rfc1123z } from './humanDuration.ts';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;
const y = 365 * d;

describe('humanDuration (apimachinery HumanDuration)', () => {
  it.each([
    [-2 * s, '<invalid>'],
    [-1 * s, '0s'],
    [-500, '0s'],
    [0, '0s'],
    [9 * s, '9s'],
    [70 * s, '70s'],
    [119 * s + 999, '119s'],
    [2 * m, '2m'],
    [2 * m + 59 * s, '2m59s'],
    [3 * m + 30 * s, '3m30s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m, '10m'],
    [10 * m + 59 * s, '10m'],
    [179 * m + 59 * s, '179m'],
    [3 * h, '3h'],
    [3 * h + 5 * m, '3h5m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h, '8h'],
    [47 * h + 59 * m, '47h'],
    [2 * d, '2d'],
    [6 * d + 23 * h, '6d23h'],
    [8 * d, '8d'],
    [364 * d, '364d'],
    [729 * d, '729d'],
    [2 * y, '2y'],
    [3 * y + 100 * d, '3y100d'],
    [8 * y, '8y'],
    [9 * y + 5 * d, '9y'],
  ])('%d ms -> %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('ages a timestamp against virtual now, <unknown> without one', () => {
    expect(ageSince(toTimestamp(10 * s), 80 * s)).toBe('70s');
    expect(ageSince(undefined, 0)).toBe('<unknown>');
  });
});

describe('rfc1123z', () => {
  it('formats like Go time.RFC1123Z in UTC', () => {
    expect(rfc1123z(toTimestamp(0))).toBe('Sat, 01 Jun 2024 10:00:00 +0000');
    expect(rfc1123z('2024-12-25T07:05:09Z')).toBe('Wed, 25 Dec 2024 07:05:09 +0000');
  });
});
