/**
 * Small host programs tutorials use: `echo` (bash builtin), `true`, `false`, `sleep` and `cat`
 * (GNU coreutils 8.32 as on Ubuntu 22.04), and `clear` (ncurses). Error texts are coreutils' own,
 * with the curly quotes it prints in a UTF-8 locale. `sleep` waits on the virtual clock.
 * Lab difference: `cat` reads only the files the lab knows (the script's folder, the built-in
 * examples, files written with `>` in this session); without a file and without piped input it reads
 * nothing instead of waiting for the keyboard.
 */
import type { CommandDef, CommandEnv, Io, Proc } from './process.ts';

/** Parses a coreutils duration (`5`, `1.5`, `10s`, `2m`, `1h`, `1d`) into ms, or undefined. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(text);
  if (!m) return undefined;
  const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[
    m[2] as '' | 's' | 'm' | 'h' | 'd'
  ];
  return Math.round(Number(m[1]) * unit);
}

/** bash's `echo` builtin: `-n` (no newline), `-e` (backslash escapes), `-E`. */
function* echo(args: readonly string[], { io }: CommandEnv): Proc {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] as string;
    if (!/^-[neE]+$/.test(a)) break;
    if (a.includes('n')) newline = false;
    if (a.includes('e')) escapes = true;
    if (a.lastIndexOf('E') > a.lastIndexOf('e')) escapes = false;
  }
  let text = args.slice(i).join(' ');
  if (escapes) {
    const cut = text.indexOf('\\c');
    if (cut >= 0) {
      text = text.slice(0, cut);
      newline = false;
    }
    text = text.replace(/\\([abefnrtv\\])/g, (_, c: string) => {
      const map: Record<string, string> = {
        a: '\x07',
        b: '\b',
        e: '\x1b',
        f: '\f',
        n: '\n',
        r: '\r',
        t: '\t',
        v: '\v',
        '\\': '\\',
      };
      return map[c] as string;
    });
  }
  io.stdout(newline ? `${text}\n` : text);
  return 0;
}

function* sleepCommand(args: readonly string[], { io }: CommandEnv): Proc {
  if (args.length === 0) {
    io.stderr("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  let total = 0;
  for (const a of args) {
    const ms = parseDuration(a);
    if (ms === undefined) {
      io.stderr(`sleep: invalid time interval ‘${a}’\nTry 'sleep --help' for more information.\n`);
      return 1;
    }
    total += ms;
  }
  yield { type: 'sleep', ms: total };
  return 0;
}

/**
 * GNU cat over a file reader: `read` returns a file's text, 'dir' for a directory, or undefined when
 * there is no such file. `-` and no operand read standard input. Used on the host and in pods.
 */
export function catFiles(
  args: readonly string[],
  io: Io,
  read: (path: string) => string | 'dir' | undefined,
): number {
  const files = args.filter((a) => a !== '--');
  if (files.length === 0) {
    io.stdout(io.stdin ?? '');
    return 0;
  }
  let status = 0;
  for (const f of files) {
    if (f === '-') {
      io.stdout(io.stdin ?? '');
      continue;
    }
    const what = read(f);
    if (what === undefined) {
      io.stderr(`cat: ${f}: No such file or directory\n`);
      status = 1;
    } else if (what === 'dir') {
      io.stderr(`cat: ${f}: Is a directory\n`);
      status = 1;
    } else io.stdout(what);
  }
  return status;
}

function* cat(args: readonly string[], { io, session }: CommandEnv): Proc {
  return catFiles(args, io, (f) => session.readFile(f));
}

/**
 * What `clear` writes on an xterm-256color terminal (home, erase screen, erase scrollback). The page's
 * terminal obeys it; the headless screen drops everything before it.
 */
export const CLEAR_SEQUENCE = '\x1b[H\x1b[2J\x1b[3J';

// biome-ignore lint/correctness/useYield: a program that only returns its status
function* trueCommand(): Proc {
  return 0;
}

// biome-ignore lint/correctness/useYield: a program that only returns its status
function* falseCommand(): Proc {
  return 1;
}

// biome-ignore lint/correctness/useYield: prints and returns
function* clear(_args: readonly string[], { io }: CommandEnv): Proc {
  io.stdout(CLEAR_SEQUENCE);
  return 0;
}

/** The plain host programs, by name. */
export const TOOL_COMMANDS: readonly CommandDef[] = [
  { name: 'echo', run: echo },
  { name: 'true', run: trueCommand },
  { name: 'false', run: falseCommand },
  { name: 'sleep', run: sleepCommand },
  { name: 'cat', run: cat },
  { name: 'clear', run: clear },
];
