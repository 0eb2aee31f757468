/**
 * The log of a container whose command the lab interprets (lifecycle/commandScript.ts): the `echo`
 * lines of one run, each at the virtual ms it is written — once for a script that ends, again every
 * loop period for `while true; do echo ...; sleep N; done`. A run that was killed or ended early
 * writes nothing after its finish.
 */
import type { Container } from '../../api/types.ts';
import { commandPlan } from '../../lifecycle/commandScript.ts';
import type { LogLine } from './mariadbLog.ts';

/**
 * The lines the run of `container` that started at `startedAt` writes up to `until` (virtual ms,
 * inclusive) and the first one after it, if any (so a follower knows when to look again); none after
 * `finishedAt` when the run has ended. Undefined when the command is not one the lab interprets. Pure.
 */
export function commandRunLog(
  container: Pick<Container, 'command' | 'args'>,
  startedAt: number,
  finishedAt: number | undefined,
  until: number,
): LogLine[] | undefined {
  const plan = commandPlan(container);
  if (!plan) return undefined;
  const end = finishedAt ?? Number.POSITIVE_INFINITY;
  const lines: LogLine[] = [];
  // false once the line after `until` is in, or the run has ended
  const add = (at: number, text: string): boolean => {
    if (at > end) return false;
    lines.push({ at, text });
    return at <= until;
  };
  for (const l of plan.output) if (!add(startedAt + l.afterMs, l.text)) return lines;
  const loop = plan.loop;
  if (!loop || loop.output.length === 0) return lines;
  for (let from = startedAt + loop.startMs; ; from += loop.periodMs) {
    for (const l of loop.output) if (!add(from + l.afterMs, l.text)) return lines;
  }
}
