/**
 * Base64 (RFC 4648 standard alphabet, padded) of UTF-8 text, as Secret `data` values hold bytes:
 * the apiserver turns `stringData` into `data` this way, and the kubelet decodes `data` for
 * `secretKeyRef` variables. Pure functions, no platform API (the core runs anywhere).
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The padded base64 of `text`'s UTF-8 bytes. */
export function encodeBase64(text: string): string {
  const bytes = encoder.encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}

/**
 * The text whose UTF-8 bytes `b64` encodes (invalid UTF-8 becomes U+FFFD). Characters outside the
 * alphabet are skipped: stored values were checked by the apiserver's decoder already.
 */
export function decodeBase64(b64: string): string {
  const bytes: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const c of b64) {
    const v = ALPHABET.indexOf(c);
    if (v < 0) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  return decoder.decode(new Uint8Array(bytes));
}
