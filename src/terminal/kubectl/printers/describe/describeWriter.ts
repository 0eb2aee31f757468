/**
 * The building blocks every `kubectl describe` output shares (kubectl pkg/describe/describe.go,
 * 1.30): the prefix writer (two spaces per level, applied at the start of each Write only), the
 * describe tabwriter (tabbedString: minwidth 0, padding 2), multi-line Labels / Annotations /
 * Tolerations / pod lists, and the Events table with `96s (x19 over 14m)` ages.
 */
import type { KubeEvent, Labels } from '../../../../core/api/types.ts';
import { fromTimestamp } from '../../../../core/clock/virtualClock.ts';
import { ageSince } from '../humanDuration.ts';
import { describeTabWriter } from '../tabwriter.ts';

/** Collects describe text; {@link DescribeWriter.done} aligns it. */
export class DescribeWriter {
  private text = '';

  /** Writes `text` prefixed by two spaces per level (only at its start, as prefixWriter.Write). */
  write(level: number, text: string): void {
    this.text += '  '.repeat(level) + text;
  }

  /** The aligned output. */
  done(): string {
    const w = describeTabWriter();
    w.write(this.text);
    return w.flush();
  }
}

/** Go's %v of a []string: `[a b]`. */
export function goList(items: readonly string[] | undefined): string {
  return `[${(items ?? []).join(' ')}]`;
}

/** printLabelsMultilineWithIndent: `Title:\tk=v` then `\tk2=v2` lines; `<none>` when empty. */
export function writeLabels(
  w: DescribeWriter,
  title: string,
  labels: Labels | undefined,
  initialIndent = '',
): void {
  w.write(0, `${initialIndent}${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, `${initialIndent}\t`);
    w.write(0, `${k}=${(labels as Labels)[k]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/** printAnnotationsMultiline: sorted, last-applied-configuration hidden, long values on own lines. */
export function writeAnnotations(
  w: DescribeWriter,
  title: string,
  annotations: Record<string, string> | undefined,
): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIP_ANNOTATIONS.has(k))
    .sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = (annotations as Record<string, string>)[k].replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${k}:\n`);
      for (const s of value.split('\n')) {
        const max = MAX_ANNOTATION_LEN - 2;
        w.write(0, `\t  ${s.length > max ? `${s.slice(0, max)}...` : s}\n`);
      }
    } else w.write(0, `${k}: ${value}\n`);
  });
}

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** printPodTolerationsMultiline: `key=value:Effect op=Exists for 300s`, one per line. */
export function writeTolerations(
  w: DescribeWriter,
  title: string,
  tolerations: readonly Toleration[] | undefined,
): void {
  w.write(0, `${title}:\t`);
  const list = tolerations ?? [];
  if (list.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${s}\n`);
  });
}

/** printPodsMultiline: pod names sorted, `<none>` when none. */
export function writePodNames(w: DescribeWriter, title: string, names: readonly string[]): void {
  w.write(0, `${title}:\t`);
  if (names.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  [...names].sort().forEach((n, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${n}\n`);
  });
}

/**
 * DescribeEvents: `Events:  <none>`, or the table sorted by last timestamp; Age is the first
 * timestamp's age, or `<last> (xN over <first>)` for repeated events.
 */
export function writeEvents(w: DescribeWriter, events: readonly KubeEvent[], now: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  const sorted = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => fromTimestamp(a.e.lastTimestamp) - fromTimestamp(b.e.lastTimestamp) || a.i - b.i)
    .map((x) => x.e);
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = ageSince(e.firstTimestamp, now);
    const interval = e.count > 1 ? `${ageSince(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${e.message.trim()}\n`);
  }
}
