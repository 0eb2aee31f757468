/** The URL parameters of the embeddable lab: each documented one read, bad values ignored with a reason. */
import { describe, expect, it } from 'vitest';
import { parseEmbedParams, showsPanel } from './embedParams.ts';
import { encodeText } from './shareState.ts';

const builtin = (name: string) => (name === 'minimal-sts.yaml' ? 'kind: StatefulSet\n' : undefined);
const parse = (search: string, hash = '') => parseEmbedParams(search, hash, builtin);

describe('embed parameters', () => {
  it('reads every documented parameter', () => {
    const r = parse(
      `?embed=1&lesson=rolling-update&step=3&panels=lesson,terminal&speed=20&manifest=minimal-sts.yaml&autosave=0&parentOrigin=${encodeURIComponent('https://course.example.org/page')}`,
      '#lab=abc',
    );
    expect(r.problems).toEqual([]);
    expect(r.params).toEqual({
      embed: true,
      lesson: 'rolling-update',
      step: 2,
      panels: ['lesson', 'terminal'],
      speed: 20,
      manifest: 'kind: StatefulSet\n',
      autosave: false,
      parentOrigin: 'https://course.example.org',
      share: 'abc',
    });
  });

  it('defaults to the full page with autosave', () => {
    expect(parse('')).toEqual({ params: { embed: false, autosave: true }, problems: [] });
    expect(showsPanel({}, 'editor')).toBe(true);
    expect(showsPanel({ panels: ['lesson'] }, 'editor')).toBe(false);
  });

  it('decodes inline lessons and manifests given as base64url', () => {
    const r = parse(`?lessonData=${encodeText('id: mine\n')}&manifest=${encodeText('kind: Service\n')}`);
    expect(r.params.lessonData).toBe('id: mine\n');
    expect(r.params.manifest).toBe('kind: Service\n');
  });

  it('ignores bad values, saying which and why, and keeps the good ones', () => {
    const r = parse(
      '?lesson=<script>&step=0&speed=7&panels=lesson,bogus&manifest=%25%25&parentOrigin=javascript:alert(1)&lessonData=***',
    );
    expect(r.params).toEqual({ embed: false, autosave: true, panels: ['lesson'] });
    expect(r.problems).toEqual([
      'lesson: "<script>" is not a lesson id',
      'lessonData: not valid base64url text',
      'step: "0" is not a step number (1, 2, ...)',
      'panels: unknown "bogus"',
      'speed: "7" is not one of 1, 5, 20, 60',
      'manifest: neither a built-in example nor base64url YAML',
      'parentOrigin: not an http(s) origin',
    ]);
  });
});
