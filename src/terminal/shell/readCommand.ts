/**
 * Reading one command as bash does, shared by the host shell and the shells inside pods: the first
 * line at PS1, continuation lines at PS2 while the input is unfinished (open quote, trailing `\`,
 * `|`, `&&`, `||`), then the bodies of its here-documents. Ctrl-C at any of these prompts drops the
 * whole command ($? = 130); a syntax error prints bash's message ($? = 2).
 */
import type { ShellContext, ShellProc } from './exec.ts';
import { appendHeredocLine, isHeredocEnd, type ListItem, parseInput } from './parser.ts';

export interface ReadCommandOptions {
  ps1: string;
  ps2: string;
  /** the reader handles Ctrl-C itself (a shell inside a pod's terminal); see process.ts */
  passInterrupt?: boolean;
  /** called with the first line typed (for history) */
  onFirstLine?: (line: string) => void;
}

/** Shows `prompt`, returns the line typed, or null when Ctrl-C was pressed instead. */
function* readPrompt(prompt: string, passInterrupt: boolean): ShellProc<string | null> {
  const r = yield { type: 'input', prompt, echo: true, ...(passInterrupt ? { passInterrupt } : {}) };
  if (r.type === 'interrupt') return null;
  return r.type === 'input' ? r.line : '';
}

/** Reads one command; returns its list (possibly empty), or null when it was dropped or invalid. */
export function* readCommand(ctx: ShellContext, opts: ReadCommandOptions): ShellProc<ListItem[] | null> {
  const pass = opts.passInterrupt ?? false;
  const dropped = () => {
    ctx.vars['?'] = '130';
    return null;
  };
  const first = yield* readPrompt(opts.ps1, pass);
  if (first === null) return dropped();
  opts.onFirstLine?.(first);
  let text = first;
  let parsed = parseInput(text);
  while (parsed.kind === 'more') {
    const more = yield* readPrompt(opts.ps2, pass);
    if (more === null) return dropped();
    text += `\n${more}`;
    parsed = parseInput(text);
  }
  if (parsed.kind === 'error') {
    ctx.write(`${parsed.message}\n`);
    ctx.vars['?'] = '2';
    return null;
  }
  if (parsed.kind !== 'ok') return [];
  for (const doc of parsed.heredocs)
    for (;;) {
      const line = yield* readPrompt(opts.ps2, pass);
      if (line === null) return dropped();
      if (isHeredocEnd(doc, line)) break;
      appendHeredocLine(doc, line);
    }
  return parsed.list;
}
