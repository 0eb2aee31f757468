/** The built-in examples are the chapter's files, unchanged. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_EXAMPLES, readBuiltinExample } from './builtinExamples.ts';

describe('built-in examples', () => {
  it('minimal-sts.yaml is the seed manifest byte for byte', () => {
    const seed = readFileSync(new URL('../../../../shared/seed/minimal-sts.yaml', import.meta.url), 'utf8');
    expect(BUILTIN_EXAMPLES['minimal-sts.yaml']).toBe(seed);
  });

  it('finds a file with or without ./ and nothing else', () => {
    expect(readBuiltinExample('./minimal-sts.yaml')).toBe(BUILTIN_EXAMPLES['minimal-sts.yaml']);
    expect(readBuiltinExample('missing.yaml')).toBeUndefined();
    expect(readBuiltinExample('toString')).toBeUndefined();
  });
});
