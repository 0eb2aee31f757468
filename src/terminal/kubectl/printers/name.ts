/**
 * Name-printer lines. `-o name` and the confirmations of mutating commands follow cli-runtime
 * pkg/printers/name.go (`<kind lower>[.<group>]/<name>[ <operation>]`); delete's confirmation
 * follows kubectl pkg/cmd/delete/delete.go 1.30 (`<kind>[.<group>] "<name>" deleted`, without the
 * ` from <ns> namespace` that kubectl 1.34 adds).
 */
import { kindPrefix } from './tables.ts';

/** `statefulset.apps/web`, or with an operation `statefulset.apps/web created`. No newline. */
export function nameLine(kind: string, name: string, operation?: string): string {
  return operation ? `${kindPrefix(kind)}/${name} ${operation}` : `${kindPrefix(kind)}/${name}`;
}

/** Delete's line: `pod "web-0" deleted`, `... force deleted`, `... deleted (dry run)`. No newline. */
export function deletedLine(
  kind: string,
  name: string,
  opts: { force?: boolean; dryRun?: 'client' | 'server' } = {},
): string {
  const verb = opts.force ? 'force deleted' : 'deleted';
  const dry = opts.dryRun === 'client' ? ' (dry run)' : opts.dryRun === 'server' ? ' (server dry run)' : '';
  return `${kindPrefix(kind)} "${name}" ${verb}${dry}`;
}
