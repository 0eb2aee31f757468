import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editLine, emptyLine, type LineState, redrawLine } from './lineEditor.ts';

const type = (keys: string[], history: string[] = []) => {
  let s: LineState = emptyLine(history.length);
  const actions = [];
  for (const k of keys) {
    const r = editLine(s, k, history);
    s = r.state;
    actions.push(r.action);
  }
  return { s, actions };
};

describe('line editor', () => {
  it('inserts at the cursor and deletes before it', () => {
    const { s } = type(['kubectl get pod', '\x1b[D', '\x1b[D', '\x1b[D', 'x', '\x7f', '\x05', 's']);
    expect(s.buffer).toBe('kubectl get pods');
  });

  it('submits the line on Enter', () => {
    const { actions } = type(['kubectl get pods', '\r']);
    expect(actions.at(-1)).toEqual({ type: 'submit', line: 'kubectl get pods' });
  });

  it('walks history with Up and Down and restores the draft', () => {
    const history = ['kubectl get pods', 'kubectl get sts'];
    expect(type(['\x1b[A'], history).s.buffer).toBe('kubectl get sts');
    expect(type(['\x1b[A', '\x1b[A'], history).s.buffer).toBe('kubectl get pods');
    expect(type(['draft', '\x1b[A', '\x1b[B'], history).s.buffer).toBe('draft');
  });

  it('maps Ctrl-C to interrupt and Tab to completion', () => {
    expect(type(['\x03']).actions[0]).toEqual({ type: 'interrupt' });
    expect(type(['kub', '\t']).actions[1]).toEqual({ type: 'complete' });
  });

  it('never moves the cursor outside the buffer (any keys)', () => {
    const keys = fc.constantFrom(
      'a',
      'bc',
      '\x7f',
      '\x1b[D',
      '\x1b[C',
      '\x01',
      '\x05',
      '\x15',
      '\x1b[3~',
      '\x1b[A',
      '\x1b[B',
    );
    fc.assert(
      fc.property(fc.array(keys, { maxLength: 40 }), (ks) => {
        const { s } = type(ks, ['h1', 'h2']);
        expect(s.cursor).toBeGreaterThanOrEqual(0);
        expect(s.cursor).toBeLessThanOrEqual(s.buffer.length);
      }),
    );
  });

  it('redraws prompt and line with the cursor in place', () => {
    expect(redrawLine('$ ', { buffer: 'abc', cursor: 1, historyIndex: 0, draft: '' })).toBe(
      '\r\x1b[K$ abc\x1b[2D',
    );
  });
});
