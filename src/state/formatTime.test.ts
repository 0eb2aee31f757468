import { describe, expect, it } from 'vitest';
import { EPOCH_MS } from '../core/clock/virtualClock.ts';
import { clusterTimestamp, formatElapsed } from './formatTime.ts';

describe('the virtual clock as text', () => {
  it('shows elapsed virtual time', () => {
    expect(formatElapsed(0)).toBe('T+0:00');
    expect(formatElapsed(25_999)).toBe('T+0:25');
    expect(formatElapsed(3_725_000)).toBe('T+1:02:05');
  });
  it('shows the timestamp metadata uses', () => {
    expect(clusterTimestamp(25_000)).toBe(new Date(EPOCH_MS + 25_000).toISOString().replace('.000Z', 'Z'));
  });
});
