/**
 * Go's text/tabwriter, as kubectl uses it. Follows the behaviour of github.com/liggitt/tabwriter
 * (the fork vendored by kubernetes 1.30, itself text/tabwriter plus the RememberWidths flag):
 * cells are tab-terminated; a column is aligned over a *block* of consecutive lines that all have a
 * cell in it; the last cell of a line belongs to no column and is never padded; a line without a
 * tab flushes the buffer. Width is counted in Unicode code points (Go's utf8.RuneCount).
 *
 * Deliberate differences: only space padding and left alignment (kubectl configures nothing else),
 * so tabwidth never matters and the HTML-filter / escape / Debug flags are not ported; `\v` and
 * `\f` are handled as in Go (`\f` forces a flush).
 *
 * Configurations: {@link getTabWriter} (cli-runtime printers/tabwriter.go: minwidth 6, tabwidth 4,
 * padding 3, RememberWidths) and {@link describeTabWriter} (kubectl describe.go tabbedString:
 * minwidth 0, tabwidth 8, padding 2, no flags).
 */

export interface TabWriterOptions {
  minwidth: number;
  padding: number;
  /** keep the widest width seen per column across flushes; widths then only grow */
  rememberWidths: boolean;
}

interface Cell {
  /** the cell's text */
  text: string;
  /** width in code points */
  width: number;
}

/** Width of a string as Go's tabwriter counts it: one per code point. */
export function textWidth(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * A tabwriter. Write text with {@link TabWriter.write}; output accumulates and is returned (and
 * cleared) by {@link TabWriter.flush} / {@link TabWriter.take}.
 */
export class TabWriter {
  private lines: Cell[][] = [[]];
  private cell = '';
  private widths: number[] = [];
  private maxwidths: number[] = [];
  private out = '';

  constructor(private readonly opts: TabWriterOptions) {}

  /** Appends text; complete lines without a tab flush what is buffered, as in Go. */
  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue;
      this.cell += text.slice(start, i);
      start = i + 1;
      const ncells = this.terminateCell();
      if (ch === '\n' || ch === '\f') {
        this.lines.push([]);
        if (ch === '\f' || ncells === 1) this.flushBuffer();
      }
    }
    this.cell += text.slice(start);
  }

  /** Formats everything buffered (a trailing partial line is written without newline) and returns
   * all output produced since the last flush/take. */
  flush(): string {
    this.flushBuffer();
    return this.take();
  }

  /** Returns output already formatted (by single-cell lines) without flushing the rest. */
  take(): string {
    const s = this.out;
    this.out = '';
    return s;
  }

  /** The remembered per-column widths (RememberWidths). */
  rememberedWidths(): number[] {
    return [...this.maxwidths];
  }

  /** Replaces the remembered widths (kubectl resets them to nil between kinds). */
  setRememberedWidths(widths: readonly number[]): void {
    this.maxwidths = [...widths];
  }

  private terminateCell(): number {
    const line = this.lines[this.lines.length - 1];
    line.push({ text: this.cell, width: textWidth(this.cell) });
    this.cell = '';
    return line.length;
  }

  private flushBuffer(): void {
    if (this.cell.length > 0) this.terminateCell();
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.cell = '';
    this.widths = [];
  }

  private format(line0In: number, line1: number): void {
    let line0 = line0In;
    const column = this.widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= this.lines[cur].length - 1) continue;
      // a cell exists in this column: print the lines before the block, then size the block
      this.writeLines(line0, cur);
      line0 = cur;
      let width = this.opts.minwidth;
      for (; cur < line1; cur++) {
        const line = this.lines[cur];
        if (column >= line.length - 1) break;
        const w = line[column].width + this.opts.padding;
        if (w > width) width = w;
      }
      if (this.opts.rememberWidths) {
        if (this.maxwidths.length < this.widths.length) {
          this.maxwidths.push(...this.widths.slice(this.maxwidths.length));
        }
        if (this.maxwidths.length === this.widths.length) this.maxwidths.push(width);
        else if (this.maxwidths[column] > width) width = this.maxwidths[column];
        else if (this.maxwidths[column] < width) this.maxwidths[column] = width;
      }
      this.widths.push(width);
      this.format(line0, cur);
      this.widths.pop();
      line0 = cur;
    }
    this.writeLines(line0, line1);
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      line.forEach((c, j) => {
        this.out += c.text;
        if (j < this.widths.length) this.out += ' '.repeat(this.widths[j] - c.width);
      });
      // the last buffered line is the unterminated one: no newline for it
      if (i + 1 < this.lines.length) this.out += '\n';
    }
  }
}

/** The writer `kubectl get` prints tables with (cli-runtime GetNewTabWriter). */
export function getTabWriter(): TabWriter {
  return new TabWriter({ minwidth: 6, padding: 3, rememberWidths: true });
}

/** The writer `kubectl describe` and `rollout history` use (describe.go tabbedString). */
export function describeTabWriter(): TabWriter {
  return new TabWriter({ minwidth: 0, padding: 2, rememberWidths: false });
}

/** Runs `text` through a fresh writer with the given options and returns the result. */
export function tabify(text: string, opts: TabWriterOptions): string {
  const w = new TabWriter(opts);
  w.write(text);
  return w.flush();
}
