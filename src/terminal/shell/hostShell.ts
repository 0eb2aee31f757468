/**
 * The host shell: bash at the learner's own `$ ` prompt. Reads a line, asks for continuation lines
 * with PS2 `> ` (open quote, trailing `\`, `|`, `&&`, `||`) and for here-document bodies, records
 * history as Ubuntu's default `~/.bashrc` does (HISTCONTROL=ignoreboth: no lines starting with a
 * space, no consecutive duplicates), prints bash's syntax errors (status 2) and runs the list.
 * Ctrl-C at a prompt drops the line being typed ($? = 130). `exit` ends the process.
 */
import type { ShellContext, ShellProc } from './exec.ts';
import { runList } from './exec.ts';
import { appendHeredocLine, isHeredocEnd, parseInput } from './parser.ts';

/** The primary prompt (PS1 of the lab's learner account) and bash's continuation prompt PS2. */
export const PS1 = '$ ';
export const PS2 = '> ';

/** Shows `prompt`, returns the line typed, or null when Ctrl-C was pressed instead. */
function* readPrompt(prompt: string): ShellProc<string | null> {
  const r = yield { type: 'input', prompt, echo: true };
  if (r.type === 'interrupt') return null;
  return r.type === 'input' ? r.line : '';
}

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
    const first = yield* readPrompt(PS1);
    if (first === null) {
      ctx.vars['?'] = '130';
      continue;
    }
    recordHistory(history, first);
    let text = first;
    let parsed = parseInput(text);
    let aborted = false;
    while (parsed.kind === 'more') {
      const more = yield* readPrompt(PS2);
      if (more === null) {
        aborted = true;
        break;
      }
      text += `\n${more}`;
      parsed = parseInput(text);
    }
    if (aborted) {
      ctx.vars['?'] = '130';
      continue;
    }
    if (parsed.kind === 'error') {
      ctx.write(`${parsed.message}\n`);
      ctx.vars['?'] = '2';
      continue;
    }
    if (parsed.kind !== 'ok') continue;
    for (const doc of parsed.heredocs) {
      for (;;) {
        const line = yield* readPrompt(PS2);
        if (line === null) {
          aborted = true;
          break;
        }
        if (isHeredocEnd(doc, line)) break;
        appendHeredocLine(doc, line);
      }
      if (aborted) break;
    }
    if (aborted) {
      ctx.vars['?'] = '130';
      continue;
    }
    if (parsed.list.length === 0) continue;
    yield* runList(parsed.list, ctx);
    if (ctx.exitStatus !== undefined) return ctx.exitStatus;
  }
}
