/**
 * No untranslated string in either language: the English and Japanese catalogues have the same keys,
 * the same {{placeholders}} in each entry, every entry whose English says something in words is
 * written in Japanese, and no Japanese entry keeps an English word other than Kubernetes' own terms
 * (kinds, phases, field names and values, tool names, keys — ui/i18n/foreignWords.ts), since the
 * Japanese page shows those as kubectl prints them. The rendered page is scanned the same way in
 * src/app/untranslated.test.tsx.
 */
import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import { foreignWords } from '../i18n/foreignWords.ts';
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
    // a phrase: English words around the terms (`Scale up`, not `whenScaled` or `{{ready}}/{{want}}`)
    const untranslated = [...E].filter(
      ([k, v]) => foreignWords(v).length > 0 && !JAPANESE.test(J.get(k) ?? ''),
    );
    expect(untranslated).toEqual([]);
  });

  it('keep no English word in Japanese but what kubectl prints', () => {
    const left = [...J].flatMap(([k, v]) => foreignWords(v).map((w) => `${k}: ${w}`));
    expect(left).toEqual([]);
  });

  it('tell English words from Kubernetes terms', () => {
    // the scan's own sanity: prose is caught, terms, names in code, flags and placeholders are not
    expect(foreignWords('Scale up the {{name}} StatefulSet')).toEqual(['Scale', 'up', 'the']);
    expect(foreignWords('Pod `web-0` は Running、ready 1/1 (--cascade=orphan)')).toEqual(['ready']);
  });

  it('keep the English text English', () => {
    expect([...E].filter(([, v]) => JAPANESE.test(v))).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    for (const [k, v] of E) expect(placeholders(J.get(k) ?? ''), k).toEqual(placeholders(v));
  });
});
