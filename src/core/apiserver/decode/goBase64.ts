/**
 * Go's base64.StdEncoding.Decode error (encoding/base64 decodeQuantum, Go 1.22, as the 1.30
 * apiserver is built with): which input byte `illegal base64 data at input byte N` names. A Secret's
 * `data` values are `[]byte`, which encoding/json fills by base64-decoding the JSON string.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const isNewline = (c: string | undefined) => c === '\n' || c === '\r';

/** The CorruptInputError offset of one 4-character quantum starting at `start`, or the next start. */
function quantum(s: string, start: number): { next: number; error?: number; done?: boolean } {
  let si = start;
  for (let j = 0; j < 4; j++) {
    if (si === s.length) {
      if (j === 0) return { next: si, done: true };
      return { next: si, error: si - j };
    }
    const c = s[si++];
    if (ALPHABET.includes(c)) continue;
    if (isNewline(c)) {
      j--;
      continue;
    }
    if (c !== '=' || j < 2) return { next: si, error: si - 1 };
    if (j === 2) {
      while (si < s.length && isNewline(s[si])) si++;
      if (si === s.length) return { next: si, error: s.length };
      if (s[si] !== '=') return { next: si, error: si - 1 };
      si++;
    }
    while (si < s.length && isNewline(s[si])) si++;
    return si < s.length ? { next: si, error: si } : { next: si, done: true };
  }
  return { next: si };
}

/** The offset Go's StdEncoding reports for `s`, or undefined when `s` decodes. */
export function base64ErrorOffset(s: string): number | undefined {
  let si = 0;
  for (;;) {
    const q = quantum(s, si);
    if (q.error !== undefined) return q.error;
    if (q.done) return undefined;
    si = q.next;
  }
}

/** `illegal base64 data at input byte N` for `s`, or undefined when it decodes. */
export function base64Error(s: string): string | undefined {
  const at = base64ErrorOffset(s);
  return at === undefined ? undefined : `illegal base64 data at input byte ${at}`;
}
