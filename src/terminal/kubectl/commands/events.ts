/**
 * `kubectl events`, following kubernetes/kubectl pkg/cmd/events/events.go and event_printer.go (1.30):
 * LAST SEEN, TYPE, REASON, OBJECT (`Kind/name`), MESSAGE, sorted by last time, `N (xC over M)` for
 * repeated events, NAMESPACE first with `-A`, `--for kind/name`, `--types=Warning,Normal`,
 * `--no-headers`, and `No events found in <ns> namespace.` on stderr when there are none.
 * Lab difference: `-w` and `-o yaml|json` are not simulated for this verb.
 */

import type { KubeEvent } from '../../../core/api/types.ts';
import { fromTimestamp } from '../../../core/clock/virtualClock.ts';
import type { FlagSpec } from '../cli/flags.ts';
import { resolveKind } from '../cli/resources.ts';
import type { VerbContext, VerbModule } from '../cli/verbModule.ts';
import { flagBool, flagList, flagString } from '../cli/verbModule.ts';
import { fail, plainError } from '../errors.ts';
import { ageSince } from '../printers/humanDuration.ts';
import { getTabWriter } from '../printers/tabwriter.ts';

const FLAGS: FlagSpec[] = [
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'for', type: 'string' },
  { name: 'types', type: 'stringSlice' },
  { name: 'no-headers', type: 'bool' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
  { name: 'chunk-size', type: 'int', default: 500 },
];

function lastSeen(e: KubeEvent, now: number): string {
  const interval = ageSince(e.lastTimestamp || e.firstTimestamp, now);
  return e.count > 1 ? `${interval} (x${e.count} over ${ageSince(e.firstTimestamp, now)})` : interval;
}

function runEvents(ctx: VerbContext): number {
  const { io, sim } = ctx;
  const allNs = flagBool(ctx, 'all-namespaces');
  const types = flagList(ctx, 'types');
  for (const t of types)
    if (t !== 'Normal' && t !== 'Warning') return fail(io, plainError(`valid --types are Normal or Warning`));
  let forKind: string | undefined;
  let forName: string | undefined;
  const forText = flagString(ctx, 'for');
  if (forText) {
    const slash = forText.indexOf('/');
    if (slash < 0) return fail(io, plainError('--for must be in resource/name form'));
    const kind = resolveKind(forText.slice(0, slash));
    if (!kind.ok) return fail(io, kind.error);
    forKind = kind.value.kind;
    forName = forText.slice(slash + 1);
  }
  const events = sim.store
    .list<KubeEvent>('Event', allNs ? undefined : ctx.namespace)
    .filter((e) => types.length === 0 || types.includes(e.type))
    .filter((e) => !forKind || (e.involvedObject.kind === forKind && e.involvedObject.name === forName))
    .map((e, i) => ({ e, i, t: fromTimestamp(e.lastTimestamp || e.firstTimestamp) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e);
  if (events.length === 0) {
    io.stderr(allNs ? 'No events found.\n' : `No events found in ${ctx.namespace} namespace.\n`);
    return 0;
  }
  const w = getTabWriter();
  if (!flagBool(ctx, 'no-headers'))
    w.write(`${allNs ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`);
  for (const e of events) {
    const cells = [
      lastSeen(e, sim.now),
      e.type,
      e.reason,
      `${e.involvedObject.kind}/${e.involvedObject.name}`,
      e.message.trim(),
    ];
    w.write(`${allNs ? `${e.metadata.namespace ?? ''}\t` : ''}${cells.join('\t')}\n`);
  }
  io.stdout(w.flush());
  return 0;
}

export const eventsVerb: VerbModule = {
  name: 'events',
  short: 'List events',
  group: 'Troubleshooting and Debugging Commands',
  flags: FLAGS,
  run: runEvents,
};
