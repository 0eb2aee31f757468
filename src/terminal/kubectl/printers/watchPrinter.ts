/**
 * `kubectl get -w`: the current rows as one table, then one row per watch event, each flushed on its
 * own through the same tabwriter, whose RememberWidths flag keeps every column at least as wide as
 * it has ever been (kubectl pkg/cmd/get/get.go watch; cli-runtime tableprinter.go prints the header
 * once, with the first table that has rows). A later, longer value widens its column from then on.
 * `--output-watch-events` adds an EVENT column (`ADDED   `, `MODIFIED`, `DELETED `).
 */
import type { KubeObject } from '../../../core/api/types.ts';
import { headerCells, rowCells, type TableOptions } from './tables.ts';
import { getTabWriter } from './tabwriter.ts';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

const EVENT_TEXT: Record<WatchEventType, string> = {
  ADDED: 'ADDED   ',
  MODIFIED: 'MODIFIED',
  DELETED: 'DELETED ',
};

/** A watch's printer for one kind. Keep it for the life of the watch. */
export class WatchPrinter {
  private readonly writer = getTabWriter();
  private headerPrinted: boolean;

  constructor(
    private readonly kind: string,
    private readonly opts: TableOptions & { outputWatchEvents?: boolean },
  ) {
    this.headerPrinted = Boolean(opts.noHeaders);
  }

  /** The initial list (the header with it if it has rows). `now` overrides the options' time. */
  initial(objs: readonly KubeObject[], now = this.opts.now): string {
    return this.print(
      objs.map((o) => ({ obj: o, type: 'ADDED' as const })),
      now,
    );
  }

  /** One event's row (with the header first if none was printed yet). */
  event(obj: KubeObject, type: WatchEventType, now: number): string {
    return this.print([{ obj, type }], now);
  }

  private print(items: ReadonlyArray<{ obj: KubeObject; type: WatchEventType }>, now: number): string {
    if (items.length === 0) return this.writer.flush();
    const opts = { ...this.opts, now };
    const events = Boolean(this.opts.outputWatchEvents);
    let text = '';
    if (!this.headerPrinted) {
      text += `${[...(events ? ['EVENT'] : []), ...headerCells(this.kind, opts)].join('\t')}\n`;
      this.headerPrinted = true;
    }
    for (const { obj, type } of items) {
      text += `${[...(events ? [EVENT_TEXT[type]] : []), ...rowCells(obj, opts)].join('\t')}\n`;
    }
    this.writer.write(text);
    return this.writer.flush();
  }
}
