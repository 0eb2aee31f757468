/**
 * No untranslated string in either language: the English and Japanese catalogues have the same keys,
 * the same {{placeholders}} in each entry, and every Japanese entry that is a phrase (has a space in
 * English) is written in Japanese. Entries that are one token — API field names such as `whenScaled`,
 * `YAML` — may stay as they are, since the Japanese page shows the same identifiers kubectl prints.
 */
import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import ja from '../i18n/ja.json';

function flat(o: object, prefix = ''): [string, string][] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null
      ? flat(v, `${prefix}${k}.`)
      : [[`${prefix}${k}`, String(v)] as [string, string]],
  );
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('translation catalogues', () => {
  const E = new Map(flat(en));
  const J = new Map(flat(ja));

  it('have the same keys', () => {
    expect([...J.keys()].sort()).toEqual([...E.keys()].sort());
  });

  it('have no empty entry', () => {
    for (const [k, v] of [...E, ...J]) expect(v.trim(), k).not.toBe('');
  });

  it('translate every phrase into Japanese', () => {
    const untranslated = [...E].filter(([k, v]) => /\s/.test(v.trim()) && !JAPANESE.test(J.get(k) ?? ''));
    expect(untranslated).toEqual([]);
  });

  it('keep the English text English', () => {
    expect([...E].filter(([, v]) => JAPANESE.test(v))).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    for (const [k, v] of E) expect(placeholders(J.get(k) ?? ''), k).toEqual(placeholders(v));
  });
});
