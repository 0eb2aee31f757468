/**
 * Line filters that tutorials put after a pipe: `grep` (GNU grep 3.7: -i -v -c -E -F -n -w -q -e),
 * `head` / `tail` (-n N, -N, tail -n +N), `wc` (-l -w -c) and `sort` (-r -n -u), as on Ubuntu 22.04.
 * Error texts and exit statuses are the GNU tools' own. They read the piped input, or files the lab
 * knows. Lab differences: no colour (the runner prints none), `sort` compares with the `en-US`
 * collator (close to glibc's en_US.UTF-8 order, not identical for every punctuation case); `grep` over
 * several files does not prefix lines with the file name.
 */
import type { CommandDef, CommandEnv, Proc } from './process.ts';

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Reads the named files (or stdin) as one text; reports missing files the way `tool` does. */
function readInputs(tool: string, files: readonly string[], env: CommandEnv): { text: string; ok: boolean } {
  if (files.length === 0) return { text: env.io.stdin ?? '', ok: true };
  let text = '';
  let ok = true;
  for (const f of files) {
    const t = f === '-' ? (env.io.stdin ?? '') : env.session.readFile(f);
    if (t === undefined) {
      const what = tool === 'head' || tool === 'tail' ? `cannot open '${f}' for reading` : f;
      env.io.stderr(`${tool}: ${what}: No such file or directory\n`);
      ok = false;
    } else text += t;
  }
  return { text, ok };
}

/** Turns a GNU basic regular expression into a JS one (`\(`, `\|`, `\+` are the special forms). */
function basicToJs(re: string): string {
  let out = '';
  for (let i = 0; i < re.length; i++) {
    const c = re[i] as string;
    if (c === '\\' && i + 1 < re.length) {
      const n = re[i + 1] as string;
      out += '(){}|+?'.includes(n) ? n : `\\${n}`;
      i++;
    } else if ('(){}|+?'.includes(c)) out += `\\${c}`;
    else out += c;
  }
  return out;
}

const GREP_USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

function* grep(args: readonly string[], env: CommandEnv): Proc {
  const opts = new Set<string>();
  const patterns: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      rest.push(...args.slice(i + 1));
      break;
    }
    if (a === '-e' || a === '--regexp') {
      const p = args[++i];
      if (p === undefined) {
        env.io.stderr(`grep: option requires an argument -- 'e'\n${GREP_USAGE}`);
        return 2;
      }
      patterns.push(p);
    } else if (a.startsWith('--')) {
      const long: Record<string, string> = {
        '--ignore-case': 'i',
        '--invert-match': 'v',
        '--count': 'c',
        '--extended-regexp': 'E',
        '--fixed-strings': 'F',
        '--line-number': 'n',
        '--word-regexp': 'w',
        '--quiet': 'q',
        '--silent': 'q',
      };
      const o = long[a];
      if (!o) {
        env.io.stderr(`grep: unrecognized option '${a}'\n${GREP_USAGE}`);
        return 2;
      }
      opts.add(o);
    } else if (a.startsWith('-') && a.length > 1) {
      for (const ch of a.slice(1)) {
        if (!'ivcEFnwq'.includes(ch)) {
          env.io.stderr(`grep: invalid option -- '${ch}'\n${GREP_USAGE}`);
          return 2;
        }
        opts.add(ch);
      }
    } else rest.push(a);
  }
  if (patterns.length === 0) {
    const p = rest.shift();
    if (p === undefined) {
      env.io.stderr(GREP_USAGE);
      return 2;
    }
    patterns.push(...p.split('\n'));
  }
  let matchers: RegExp[];
  try {
    matchers = patterns.map((p) => {
      let src = opts.has('F') ? p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : opts.has('E') ? p : basicToJs(p);
      if (opts.has('w')) src = `(?<![\\w])(?:${src})(?![\\w])`;
      return new RegExp(src, opts.has('i') ? 'iu' : 'u');
    });
  } catch {
    env.io.stderr('grep: Invalid regular expression\n');
    return 2;
  }
  const { text, ok } = readInputs('grep', rest, env);
  let count = 0;
  let out = '';
  splitLines(text).forEach((line, idx) => {
    const hit = matchers.some((m) => m.test(line)) !== opts.has('v');
    if (!hit) return;
    count++;
    if (!opts.has('c') && !opts.has('q')) out += `${opts.has('n') ? `${idx + 1}:` : ''}${line}\n`;
  });
  if (opts.has('q')) return count > 0 ? 0 : ok ? 1 : 2;
  if (opts.has('c')) out = `${count}\n`;
  env.io.stdout(out);
  if (!ok) return 2;
  return count > 0 ? 0 : 1;
}

/** Reads `-n N`, `-nN`, `-N` or `--lines=N`; returns the count text and the remaining args. */
function lineCountArg(
  tool: string,
  args: readonly string[],
  env: CommandEnv,
): { n: string; files: string[] } | undefined {
  let n = '10';
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-n' || a === '--lines') {
      const v = args[++i];
      if (v === undefined) {
        env.io.stderr(
          `${tool}: option requires an argument -- 'n'\nTry '${tool} --help' for more information.\n`,
        );
        return undefined;
      }
      n = v;
    } else if (a.startsWith('--lines=')) n = a.slice(8);
    else if (/^-n.+/.test(a)) n = a.slice(2);
    else if (/^-\d+$/.test(a)) n = a.slice(1);
    else if (a.startsWith('-') && a.length > 1) {
      env.io.stderr(`${tool}: invalid option -- '${a[1]}'\nTry '${tool} --help' for more information.\n`);
      return undefined;
    } else files.push(a);
  }
  if (!/^[+-]?\d+$/.test(n)) {
    env.io.stderr(`${tool}: invalid number of lines: ‘${n}’\n`);
    return undefined;
  }
  return { n, files };
}

function* head(args: readonly string[], env: CommandEnv): Proc {
  const parsed = lineCountArg('head', args, env);
  if (!parsed) return 1;
  const { text, ok } = readInputs('head', parsed.files, env);
  const lines = splitLines(text);
  const n = Number(parsed.n);
  const kept = n < 0 ? lines.slice(0, Math.max(0, lines.length + n)) : lines.slice(0, n);
  env.io.stdout(kept.map((l) => `${l}\n`).join(''));
  return ok ? 0 : 1;
}

function* tail(args: readonly string[], env: CommandEnv): Proc {
  const parsed = lineCountArg('tail', args, env);
  if (!parsed) return 1;
  const { text, ok } = readInputs('tail', parsed.files, env);
  const lines = splitLines(text);
  const n = Math.abs(Number(parsed.n));
  const kept = parsed.n.startsWith('+') ? lines.slice(Math.max(0, n - 1)) : n === 0 ? [] : lines.slice(-n);
  env.io.stdout(kept.map((l) => `${l}\n`).join(''));
  return ok ? 0 : 1;
}

function* wc(args: readonly string[], env: CommandEnv): Proc {
  const which = new Set<string>();
  const files: string[] = [];
  for (const a of args) {
    if (a.startsWith('-') && a.length > 1) {
      for (const ch of a.slice(1)) {
        if (!'lwc'.includes(ch)) {
          env.io.stderr(`wc: invalid option -- '${ch}'\nTry 'wc --help' for more information.\n`);
          return 1;
        }
        which.add(ch);
      }
    } else files.push(a);
  }
  if (which.size === 0) for (const c of 'lwc') which.add(c);
  const { text, ok } = readInputs('wc', files, env);
  const counts: number[] = [];
  if (which.has('l')) counts.push((text.match(/\n/g) ?? []).length);
  if (which.has('w')) counts.push(text.split(/\s+/).filter(Boolean).length);
  if (which.has('c')) counts.push(new TextEncoder().encode(text).length);
  // coreutils: one count of piped input prints bare; several are right-aligned in 7 columns
  const line = counts.length === 1 ? String(counts[0]) : counts.map((c) => String(c).padStart(7)).join(' ');
  env.io.stdout(`${line}${files.length === 1 ? ` ${files[0]}` : ''}\n`);
  return ok ? 0 : 1;
}

const collator = new Intl.Collator('en-US');

function leadingNumber(line: string): number {
  const m = /^\s*(-?\d+(?:\.\d+)?)/.exec(line);
  return m ? Number(m[1]) : 0;
}

function* sort(args: readonly string[], env: CommandEnv): Proc {
  const opts = new Set<string>();
  const files: string[] = [];
  for (const a of args) {
    if (a.startsWith('-') && a.length > 1) {
      for (const ch of a.slice(1)) {
        if (!'rnu'.includes(ch)) {
          env.io.stderr(`sort: invalid option -- '${ch}'\nTry 'sort --help' for more information.\n`);
          return 2;
        }
        opts.add(ch);
      }
    } else files.push(a);
  }
  const { text, ok } = readInputs('sort', files, env);
  if (!ok) return 2;
  const lines = splitLines(text);
  lines.sort((a, b) => {
    const byNumber = opts.has('n') ? leadingNumber(a) - leadingNumber(b) : 0;
    const c = byNumber !== 0 ? byNumber : collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
    return opts.has('r') ? -c : c;
  });
  const kept = opts.has('u')
    ? lines.filter((l, i) => i === 0 || collator.compare(l, lines[i - 1] as string) !== 0)
    : lines;
  env.io.stdout(kept.map((l) => `${l}\n`).join(''));
  return 0;
}

/** The pipe filters, by name. */
export const FILTER_COMMANDS: readonly CommandDef[] = [
  { name: 'grep', run: grep },
  { name: 'head', run: head },
  { name: 'tail', run: tail },
  { name: 'wc', run: wc },
  { name: 'sort', run: sort },
];

/** Names of filters that can run on what a killed upstream command printed before Ctrl-C. */
export const LINE_FILTERS: ReadonlySet<string> = new Set(['grep', 'head']);
