/**
 * SHA-1 (FIPS 180-4) over UTF-8 text, pure TypeScript, so the core can store a MariaDB account's
 * password the way the server does (`mysql_native_password`: `*` + upper-case hex of
 * SHA1(SHA1(password)), sql/password.c `my_make_scrambled_password`) without Node's crypto module,
 * which the browser build does not have.
 */

function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

const rotl = (x: number, n: number) => ((x << n) | (x >>> (32 - n))) >>> 0;

/** The 20-byte SHA-1 digest of `bytes`. */
export function sha1Bytes(bytes: readonly number[]): number[] {
  const msg = [...bytes, 0x80];
  while (msg.length % 64 !== 56) msg.push(0);
  const bitLen = bytes.length * 8;
  // the length is appended as a 64-bit big-endian number; texts here are far below 2^32 bits
  msg.push(0, 0, 0, 0, (bitLen >>> 24) & 255, (bitLen >>> 16) & 255, (bitLen >>> 8) & 255, bitLen & 255);
  let [h0, h1, h2, h3, h4] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Array<number>(80);
  for (let off = 0; off < msg.length; off += 64) {
    for (let i = 0; i < 16; i++)
      w[i] =
        ((msg[off + 4 * i] << 24) |
          (msg[off + 4 * i + 1] << 16) |
          (msg[off + 4 * i + 2] << 8) |
          msg[off + 4 * i + 3]) >>>
        0;
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    let [a, b, c, d, e] = [h0, h1, h2, h3, h4];
    for (let i = 0; i < 80; i++) {
      let f: number;
      let k: number;
      if (i < 20) [f, k] = [(b & c) | (~b & d), 0x5a827999];
      else if (i < 40) [f, k] = [b ^ c ^ d, 0x6ed9eba1];
      else if (i < 60) [f, k] = [(b & c) | (b & d) | (c & d), 0x8f1bbcdc];
      else [f, k] = [b ^ c ^ d, 0xca62c1d6];
      const t = (rotl(a, 5) + (f >>> 0) + e + k + w[i]) >>> 0;
      [e, d, c, b, a] = [d, c, rotl(b, 30), a, t];
    }
    [h0, h1, h2, h3, h4] = [(h0 + a) >>> 0, (h1 + b) >>> 0, (h2 + c) >>> 0, (h3 + d) >>> 0, (h4 + e) >>> 0];
  }
  return [h0, h1, h2, h3, h4].flatMap((h) => [(h >>> 24) & 255, (h >>> 16) & 255, (h >>> 8) & 255, h & 255]);
}

/** Lower-case hex SHA-1 of the UTF-8 text. */
export function sha1Hex(text: string): string {
  return sha1Bytes(utf8(text))
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}

/**
 * MariaDB's `PASSWORD('x')` / mysql_native_password hash: `*` + upper-case hex of SHA1(SHA1(x));
 * the empty password is stored as the empty string.
 */
export function nativePasswordHash(password: string): string {
  if (password === '') return '';
  const hex = sha1Bytes(sha1Bytes(utf8(password)))
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
  return `*${hex.toUpperCase()}`;
}
