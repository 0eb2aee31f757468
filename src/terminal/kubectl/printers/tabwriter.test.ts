import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeTabWriter, getTabWriter, tabify, textWidth } from './tabwriter.ts';

const GET = { minwidth: 6, padding: 3, rememberWidths: false };

describe('tabwriter (get configuration)', () => {
  it('reproduces the book transcript of kubectl get sts', () => {
    expect(tabify('NAME\tREADY\tAGE\nmariadb-sts\t3/3\t70s\n', GET)).toBe(
      'NAME          READY   AGE\nmariadb-sts   3/3     70s\n',
    );
  });

  it('pads empty cells but never the last cell of a line', () => {
    const out = tabify('NAME\tVOLUME\tAGE\nweb-data\t\t0s\n', GET);
    expect(out).toBe('NAME       VOLUME   AGE\nweb-data            0s\n');
  });

  it('counts code points, not UTF-16 units', () => {
    expect(tabify('😄\tx\nab\ty\n', GET)).toBe('😄     x\nab    y\n');
    expect(textWidth('😄')).toBe(1);
  });

  it('remembers widths across flushes (widths only grow)', () => {
    const w = getTabWriter();
    w.write('NAME\tSTATUS\tAGE\nweb-0\tPending\t0s\n');
    const first = w.flush();
    w.write('web-0\tContainerCreating\t1s\n');
    const second = w.flush();
    w.write('web-0\tRunning\t5s\n');
    const third = w.flush();
    expect(first).toBe('NAME    STATUS    AGE\nweb-0   Pending   0s\n');
    expect(second).toBe('web-0   ContainerCreating   1s\n');
    expect(third).toBe('web-0   Running             5s\n');
  });
});

describe('tabwriter (describe configuration)', () => {
  it('aligns per block: a line without a tab ends the block, consecutive tabbed lines share widths', () => {
    const w = describeTabWriter();
    w.write('Name:\tweb\nReplicas:\t3\nPod Template:\n  Labels:\tapp=web\nEvents:\t<none>\n');
    expect(w.flush()).toBe(
      'Name:      web\nReplicas:  3\nPod Template:\n  Labels:  app=web\nEvents:    <none>\n',
    );
  });

  it('keeps the trailing space a format puts before the newline', () => {
    expect(
      tabify('  Type\tStatus\n  Ready \tTrue \n', { minwidth: 0, padding: 2, rememberWidths: false }),
    ).toBe('  Type    Status\n  Ready   True \n');
  });
});

const cellArb = fc.stringMatching(/^[a-zA-Z0-9<>/.-]{0,12}$/);
const tableArb = fc
  .integer({ min: 1, max: 5 })
  .chain((cols) =>
    fc.array(fc.array(cellArb, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 8 }),
  );

describe('tabwriter properties (kubectl get tables)', () => {
  it('no trailing spaces when the last column is non-empty; columns start aligned; width = max(6, longest+3)', () => {
    fc.assert(
      fc.property(tableArb, (rows) => {
        const safe = rows.map((r) => [...r.slice(0, -1), `${r[r.length - 1]}x`]);
        const out = tabify(safe.map((r) => `${r.join('\t')}\n`).join(''), GET);
        const lines = out.split('\n').slice(0, -1);
        expect(lines).toHaveLength(safe.length);
        for (const l of lines) expect(l).not.toMatch(/ $/);
        let start = 0;
        for (let c = 0; c < safe[0].length - 1; c++) {
          const width = Math.max(6, ...safe.map((r) => r[c].length + 3));
          lines.forEach((l, i) => {
            expect(l.slice(start, start + safe[i][c].length)).toBe(safe[i][c]);
            expect(l.slice(start + safe[i][c].length, start + width).trim()).toBe('');
          });
          start += width;
        }
        lines.forEach((l, i) => {
          expect(l.slice(start)).toBe(safe[i][safe[i].length - 1]);
        });
      }),
    );
  });
});
