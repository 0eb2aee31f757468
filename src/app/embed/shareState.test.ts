/** The share-link codec: every valid state round-trips; malformed, oversized or tampered links are refused with a reason. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeShareState,
  decodeText,
  encodeShareState,
  encodeText,
  type LabAction,
  SHARE_LIMITS,
} from './shareState.ts';

const action: fc.Arbitrary<LabAction> = fc.oneof(
  fc.tuple(fc.constant('c' as const), fc.nat(1_000_000), fc.string({ maxLength: 200 })),
  fc.tuple(fc.constant('i' as const), fc.nat(1_000_000)),
  fc.tuple(fc.constant('k' as const), fc.nat(1_000_000)),
  fc.tuple(fc.constant('s' as const), fc.nat(1_000_000)),
  fc.tuple(
    fc.constant('f' as const),
    fc.nat(1_000_000),
    fc.constantFrom('fail' as const, 'pass' as const, 'crash' as const),
    fc.constant('default'),
    fc.constant('mariadb-sts-0'),
  ),
);

describe('share state codec', () => {
  it('round-trips any valid state, including any text typed (as data, never markup)', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), fc.nat(2 ** 31 - 1), (actions, seed) => {
        const sorted = [...actions].sort((a, b) => a[1] - b[1]);
        const state = { v: 1 as const, seed, actions: sorted, t: 2_000_000 };
        const link = encodeShareState(state);
        expect(link).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(decodeShareState(link)).toEqual({ ok: true, state });
      }),
    );
  });

  it('keeps Japanese and hostile-looking text exactly', () => {
    const line = `echo "<script>alert(1)</script> データベース ${'\u{1F600}'}"`;
    const r = decodeShareState(encodeShareState({ v: 1, seed: 0, actions: [['c', 0, line]], t: 0 }));
    expect(r.ok && r.state.actions[0]).toEqual(['c', 0, line]);
  });

  it.each([
    ['not base64url', '!!!not-base64!!!', /not valid base64url/],
    ['not JSON', encodeText('{"v":1,'), /does not hold JSON/],
    ['not UTF-8', 'gICA', /not valid base64url text/],
    ['another version', encodeText(JSON.stringify({ v: 2, seed: 0, actions: [], t: 0 })), /^v: /],
    [
      'an unknown field',
      encodeText(JSON.stringify({ v: 1, seed: 0, actions: [], t: 0, html: '<b>' })),
      /html/,
    ],
    [
      'an unknown action',
      encodeText(JSON.stringify({ v: 1, seed: 0, actions: [['x', 0]], t: 0 })),
      /actions/,
    ],
    [
      'actions out of order',
      encodeText(
        JSON.stringify({
          v: 1,
          seed: 0,
          actions: [
            ['k', 5],
            ['k', 1],
          ],
          t: 9,
        }),
      ),
      /time order/,
    ],
    ['a negative time', encodeText(JSON.stringify({ v: 1, seed: 0, actions: [], t: -1 })), /^t: /],
    [
      'too far in time',
      encodeText(JSON.stringify({ v: 1, seed: 0, actions: [], t: SHARE_LIMITS.maxTime + 1 })),
      /^t: /,
    ],
    [
      'a bad pod name in a fault',
      encodeText(JSON.stringify({ v: 1, seed: 0, actions: [['f', 0, 'crash', 'default', '<img>']], t: 0 })),
      /actions/,
    ],
    ['too long', 'A'.repeat(SHARE_LIMITS.encodedChars + 1), /too long/],
  ])('rejects %s with a reason', (_, link, reason) => {
    const r = decodeShareState(link);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('decodes base64url text it encoded, and refuses other alphabets', () => {
    expect(decodeText(encodeText('apiVersion: v1\nkind: Service\n'))).toBe('apiVersion: v1\nkind: Service\n');
    expect(decodeText('a+b/')).toBeUndefined();
  });
});
