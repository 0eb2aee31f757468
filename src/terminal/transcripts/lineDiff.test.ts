/** The transcript tests' failure listing: it must point at the changed line and show spacing. */
import { describe, expect, it } from 'vitest';
import { lineDiff } from './lineDiff.ts';

describe('lineDiff', () => {
  it('is empty for equal screens', () => {
    expect(lineDiff('a\nb\n', 'a\nb\n')).toBe('');
  });

  it('marks the expected line with - and the actual one with +, with context around', () => {
    const expected = ['$ kubectl get sts', 'NAME   READY   AGE', 'web    3/3     60s', '$ echo', ''].join(
      '\n',
    );
    const actual = ['$ kubectl get sts', 'NAME   READY   AGE', 'web    2/3     60s', '$ echo', ''].join('\n');
    const out = lineDiff(expected, actual).split('\n');
    expect(out).toContain('- web    3/3     60s');
    expect(out).toContain('+ web    2/3     60s');
    // the hunk starts with the two context lines before the change: line 1 of the expected screen
    expect(out[0]).toBe('@@ line 1 @@');
    expect(out).toContain('  NAME   READY   AGE');
    // unchanged lines are context, never reported as removed or added
    expect(out.filter((l) => l.startsWith('- ') || l.startsWith('+ '))).toHaveLength(2);
  });

  it('makes trailing spaces and tabs visible, since column bugs hide there', () => {
    const out = lineDiff('a\tb\n', 'a\tb  \n');
    expect(out).toContain('- a→b');
    expect(out).toContain('+ a→b··');
  });

  it('reports lines only one side has', () => {
    const out = lineDiff('x\ny\n', 'x\n');
    expect(out).toContain('- y');
    expect(out).not.toContain('+ y');
  });
});
