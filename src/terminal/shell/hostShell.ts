/**
 * The host shell: bash at the learner's own `$ ` prompt. Reads a line, asks for continuation lines
 * with PS2 `> ` (open quote, trailing `\`, `|`, `&&`, `||`) and for here-document bodies, records
 * history as Ubuntu's default `~/.bashrc` does (HISTCONTROL=ignoreboth: no lines starting with a
 * space, no consecutive duplicates), prints bash's syntax errors (status 2) and runs the list.
 * Ctrl-C at a prompt drops the line being typed ($? = 130). `exit` ends the process.
 */
import type { ShellContext, ShellProc } from './exec.ts';
import { runList } from './exec.ts';
import { readCommand } from './readCommand.ts';

/** The primary prompt (PS1 of the lab's learner account) and bash's continuation prompt PS2. */
export const PS1 = '$ ';
export const PS2 = '> ';

function recordHistory(history: string[], line: string): void {
  if (line.trim() === '' || line.startsWith(' ')) return;
  if (history[history.length - 1] === line) return;
  history.push(line);
}

/**
 * The host shell process. `history` is the session's list (shared with SessionServices). Returns the
 * status given to `exit`.
 */
export function* hostShell(ctx: ShellContext, history: string[]): ShellProc<number> {
  for (;;) {
    const list = yield* readCommand(ctx, {
      ps1: PS1,
      ps2: PS2,
      onFirstLine: (l) => recordHistory(history, l),
    });
    if (!list || list.length === 0) continue;
    yield* runList(list, ctx);
    if (ctx.exitStatus !== undefined) return ctx.exitStatus;
  }
}
