import { describe, expect, it } from 'vitest';
import en from './en.json';
import { createI18n, detectLanguage } from './i18n.ts';
import ja from './ja.json';

/** Every key path of a nested catalogue. */
function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('i18n', () => {
  it('has the same keys in English and Japanese', () => {
    expect(keys(ja).sort()).toEqual(keys(en).sort());
  });

  it('takes ?lang= first, then the browser, then English', () => {
    expect(detectLanguage('?lang=ja', ['en-US'])).toBe('ja');
    expect(detectLanguage('?lang=fr', ['ja-JP', 'en'])).toBe('ja');
    expect(detectLanguage('', ['de-DE'])).toBe('en');
  });

  it('translates with interpolation', () => {
    const i = createI18n('ja');
    expect(i.t('inspector.gone', { name: 'mariadb-sts-0' })).toBe('mariadb-sts-0 はもう存在しません。');
    expect(createI18n('en').t('playback.skip')).toBe('+10 s');
  });
});
