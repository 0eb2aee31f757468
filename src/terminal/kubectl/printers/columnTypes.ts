/**
 * The shapes shared by the per-kind column printers (columns.ts, columnsStorage.ts): a server
 * Table's column definition (name + priority, as metav1.TableColumnDefinition) and cell values.
 */
import type { KubeObject } from '../../../core/api/types.ts';
import { ageSince } from './humanDuration.ts';

export type Cell = string | number | boolean | null;

export interface ColumnDef {
  /** as the server names it, e.g. `Access Modes`; kubectl upper-cases it */
  name: string;
  /** 0 = always shown, 1 = only with -o wide */
  priority: 0 | 1;
}

/** A kind's columns and how to compute one object's cells. */
export interface KindPrinter {
  columns: ColumnDef[];
  /** all cells, wide ones included, in column order */
  cells(obj: KubeObject, now: number): Cell[];
}

/** A column definition. */
export const col = (name: string, priority: 0 | 1 = 0): ColumnDef => ({ name, priority });

/** The AGE cell: HumanDuration since creationTimestamp. */
export const age = (o: KubeObject, now: number) => ageSince(o.metadata.creationTimestamp, now);
