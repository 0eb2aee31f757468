/**
 * What a container's command does when it is one of the small programs learners put in manifests and
 * `kubectl run ... -- CMD`: `sh -c` / `bash -c` scripts made of `exit N`, `sleep N`, `echo ...`,
 * `true`, `false`, `:` joined by `;`, `&&`, `||` or newlines, an endless `while true; do ...; done`
 * loop, and the same programs run directly (`sleep 3600`, `false`, `echo hi`). The result is a plan:
 * what the process writes and when, when it exits and with which status.
 *
 * Follows POSIX sh semantics as dash, busybox ash and bash share them (an AND-OR list is evaluated
 * left to right, `&&`/`||` skip a command by the last status, `exit` without an operand keeps the
 * last status, the script's status is its last command's, an exit status is taken modulo 256).
 * Where the lab differs: nothing is executed; any word the interpreter does not know (other programs,
 * expansions `$`, redirections, pipes, globs, options of echo) makes the plan unknown and the caller
 * keeps its coarse behaviour (containerProcess.ts).
 */
import type { Container } from '../api/types.ts';

/** A line the process writes, `afterMs` after it started. */
export interface PlannedLine {
  afterMs: number;
  text: string;
}

/** What the process does over its life. */
export interface CommandPlan {
  /** lines written before the loop (or before the exit) */
  output: PlannedLine[];
  /** ms spent (sleeping) before the process exits, or null when it runs forever */
  exitsAfterMs: number | null;
  /** the exit status when it exits */
  exitCode: number;
  /** an endless loop whose body writes `output` again every `periodMs`, from `startMs` on */
  loop?: { startMs: number; periodMs: number; output: PlannedLine[] };
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);
/** Characters that would need expansions, redirections, pipes or globs the lab does not run. */
const UNSUPPORTED = /[$`|&<>(){}*?[\]#~\\]/;

type Token = { op: ';' | '&&' | '||' } | { word: string };

/** Splits a script into words (quotes removed) and list operators; undefined on anything unsupported. */
function tokenize(script: string): Token[] | undefined {
  const tokens: Token[] = [];
  let word: string | undefined;
  const flush = () => {
    if (word !== undefined) tokens.push({ word });
    word = undefined;
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i];
    if (ch === "'" || ch === '"') {
      const end = script.indexOf(ch, i + 1);
      if (end < 0) return undefined;
      const quoted = script.slice(i + 1, end);
      // single quotes are literal; double quotes would still expand $, ` and \ — not supported
      if (ch === '"' && /[$`\\]/.test(quoted)) return undefined;
      word = (word ?? '') + quoted;
      i = end;
    } else if (ch === ';' || ch === '\n') {
      flush();
      tokens.push({ op: ';' });
    } else if ((ch === '&' || ch === '|') && script[i + 1] === ch) {
      flush();
      tokens.push({ op: ch === '&' ? '&&' : '||' });
      i++;
    } else if (ch === ' ' || ch === '\t') flush();
    else if (UNSUPPORTED.test(ch)) return undefined;
    else word = (word ?? '') + ch;
  }
  flush();
  return tokens;
}

/** Seconds of `sleep` operands (`10`, `1.5`, `2m`; several add up), Infinity for `infinity`, or undefined. */
function sleepMs(args: string[]): number | undefined {
  if (args.length === 0) return undefined;
  let total = 0;
  for (const a of args) {
    if (a === 'infinity' || a === 'inf') return Number.POSITIVE_INFINITY;
    const m = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) return undefined;
    const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]] ?? 1;
    total += Number(m[1]) * unit * 1000;
  }
  return Math.round(total);
}

/** One simple command's effect: status, time spent, line written, or an exit; undefined if unknown. */
type Effect = { status: number; ms: number; text?: string; exit?: boolean };

function simple(words: string[], lastStatus: number): Effect | undefined {
  const [name, ...args] = words;
  switch (name) {
    case 'true':
    case ':':
      return { status: 0, ms: 0 };
    case 'false':
      return { status: 1, ms: 0 };
    case 'echo':
      if (args.some((a) => a.startsWith('-'))) return undefined;
      return { status: 0, ms: 0, text: args.join(' ') };
    case 'sleep': {
      const ms = sleepMs(args);
      return ms === undefined ? undefined : { status: 0, ms };
    }
    case 'exit': {
      if (args.length > 1 || (args[0] !== undefined && !/^\d+$/.test(args[0]))) return undefined;
      return { status: args[0] === undefined ? lastStatus : Number(args[0]) % 256, ms: 0, exit: true };
    }
    default:
      return undefined;
  }
}

/** Splits tokens into commands, each with the operator before it. */
function commands(tokens: Token[]): { op: ';' | '&&' | '||'; words: string[] }[] | undefined {
  const list: { op: ';' | '&&' | '||'; words: string[] }[] = [];
  let op: ';' | '&&' | '||' = ';';
  let words: string[] = [];
  for (const t of tokens) {
    if ('word' in t) {
      words.push(t.word);
      continue;
    }
    if (words.length === 0) {
      // `a && ; b` is a syntax error; an empty statement between `;` and newlines is not
      if (t.op !== ';' || op !== ';') return undefined;
      continue;
    }
    list.push({ op, words });
    op = t.op;
    words = [];
  }
  if (words.length) list.push({ op, words });
  else if (op !== ';') return undefined;
  return list;
}

/** The endless loop's body (`while true; do BODY; done`), when it is what the list ends with. */
function loopBody(list: { words: string[] }[], from: number): { words: string[] }[] | undefined {
  const head = list[from];
  if (head.words[0] !== 'while' || head.words.length !== 2) return undefined;
  if (head.words[1] !== 'true' && head.words[1] !== ':') return undefined;
  const first = list[from + 1];
  const last = list[list.length - 1];
  if (first?.words[0] !== 'do' || last.words.length !== 1 || last.words[0] !== 'done') return undefined;
  const body = [{ words: first.words.slice(1) }, ...list.slice(from + 2, list.length - 1)];
  return body.filter((c) => c.words.length > 0);
}

/** Runs a parsed script. */
function runList(list: { op: ';' | '&&' | '||'; words: string[] }[]): CommandPlan | undefined {
  const output: PlannedLine[] = [];
  let at = 0;
  let status = 0;
  for (let i = 0; i < list.length; i++) {
    const { op, words } = list[i];
    if (words[0] === 'while') {
      const body = op === ';' ? loopBody(list, i) : undefined;
      if (!body) return undefined;
      const lines: PlannedLine[] = [];
      let periodMs = 0;
      for (const c of body) {
        const effect = simple(c.words, 0);
        // only writing and sleeping in the body: anything else could end or change the loop
        if (!effect || effect.exit || effect.status !== 0 || effect.ms === Number.POSITIVE_INFINITY)
          return undefined;
        if (effect.text !== undefined) lines.push({ afterMs: periodMs, text: effect.text });
        periodMs += effect.ms;
      }
      // a loop that never sleeps would write without end; the lab does not model that
      if (periodMs === 0) return undefined;
      return { output, exitsAfterMs: null, exitCode: 0, loop: { startMs: at, periodMs, output: lines } };
    }
    if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
    const effect = simple(words, status);
    if (!effect) return undefined;
    if (effect.text !== undefined) output.push({ afterMs: at, text: effect.text });
    if (effect.ms === Number.POSITIVE_INFINITY) return { output, exitsAfterMs: null, exitCode: 0 };
    at += effect.ms;
    status = effect.status;
    if (effect.exit) break;
  }
  return { output, exitsAfterMs: at, exitCode: status };
}

function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/**
 * The plan of `container`'s command and args, or undefined when the command is absent (the image's
 * own entrypoint runs) or not one the lab interprets. Pure.
 */
export function commandPlan(container: Pick<Container, 'command' | 'args'>): CommandPlan | undefined {
  const words = [...(container.command ?? []), ...(container.args ?? [])];
  if (words.length === 0) return undefined;
  const program = basename(words[0]);
  if (SHELLS.has(program)) {
    if (words[1] !== '-c' || words[2] === undefined) return undefined;
    const tokens = tokenize(words[2]);
    const list = tokens && commands(tokens);
    return list ? runList(list) : undefined;
  }
  // run directly: no shell, so the words reach the program as they are (`exit` is no program)
  // the kubelet expands `$(VAR)` references in command and args; the lab leaves those to the caller
  if (program === 'exit' || program === ':' || words.some((w) => w.includes('$('))) return undefined;
  return runList([{ op: ';', words: [program, ...words.slice(1)] }]);
}
