/**
 * The host shell's parser: one typed line (plus the continuation lines it asked for) -> a command list.
 * Follows bash's grammar for the subset tutorials use (bash 5.1, `parse.y` / `subst.c`): words with
 * '…', "…" and \ quoting, `$VAR` / `${VAR}` / `$?` expansion, `#` comments, `;`, `&&`, `||`, `|`,
 * here-documents (`<<EOF`, `<<'EOF'`, `<<-EOF`) and the redirections `>`, `>>`, `2>`, `2>&1`, `<`.
 *
 * Deliberate differences from bash: no globbing, no command substitution `$(…)` / backquotes (their
 * text stays literal), no subshells or `{ …; }` groups, no `&` background jobs (a lone `&` runs the
 * command in the foreground, like `;`). Word expansion is kept symbolic here (see {@link WordPart}) and
 * done when the command runs, so `false; echo $?` sees the right status.
 */

/** A piece of a word: literal text, or a variable to expand (`quoted` ones never split). */
export type WordPart = { lit: string } | { var: string; quoted: boolean };

/** A word as typed: its parts in order. */
export type Word = WordPart[];

/** A redirection of one command. `heredoc` bodies are filled in by {@link appendHeredocLine}. */
export type Redirect =
  | { kind: 'out'; fd: 1 | 2; target: Word; append: boolean }
  | { kind: 'dup'; fd: 1 | 2; to: 1 | 2 }
  | { kind: 'in'; source: Word }
  | { kind: 'heredoc'; delimiter: string; quoted: boolean; stripTabs: boolean; body: string };

export interface SimpleCommand {
  words: Word[];
  redirects: Redirect[];
}

/** Commands joined by `|`. */
export type Pipeline = SimpleCommand[];

/** A pipeline and the operator that joins it to the next one (`;` for the last). */
export interface ListItem {
  pipeline: Pipeline;
  next: ';' | '&&' | '||';
}

export type ParseResult =
  | { kind: 'ok'; list: ListItem[]; heredocs: Redirect[] }
  /** the line ends inside a quote, after `\`, `|`, `&&` or `||`: bash reads more with PS2 */
  | { kind: 'more' }
  /** bash's error text, e.g. "bash: syntax error near unexpected token `|'" */
  | { kind: 'error'; message: string };

type Token =
  | { t: 'word'; word: Word; raw: string }
  | { t: 'op'; op: string }
  | { t: 'redir'; op: string; fd?: number };

const OPERATORS = ['&&', '||', ';;', '|&', '<<-', '<<', '>>', '>&', '<&', '&', '|', ';', '<', '>', '(', ')'];
const METACHARS = new Set([' ', '\t', '\n', '|', '&', ';', '<', '>', '(', ')']);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/** Reads `$NAME`, `${NAME}` or `$?` at `i` (which holds `$`); returns the part and the next index. */
function readDollar(s: string, i: number, quoted: boolean): [WordPart, number] {
  const c = s[i + 1];
  if (c === '{') {
    const end = s.indexOf('}', i + 2);
    if (end < 0) return [{ lit: s.slice(i) }, s.length];
    return [{ var: s.slice(i + 2, end), quoted }, end + 1];
  }
  if (c === '?' || c === '$' || c === '#' || (c !== undefined && /[0-9]/.test(c))) {
    return [{ var: c, quoted }, i + 2];
  }
  if (c !== undefined && NAME_START.test(c)) {
    let j = i + 1;
    while (j < s.length && NAME_CHAR.test(s[j] as string)) j++;
    return [{ var: s.slice(i + 1, j), quoted }, j];
  }
  return [{ lit: '$' }, i + 1];
}

/** Splits the text into tokens; `null` when a quote is still open at the end (bash asks for more). */
function tokenize(s: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    if (c === ' ' || c === '\t' || c === '\n') {
      i++;
      continue;
    }
    if (c === '#') {
      const nl = s.indexOf('\n', i);
      i = nl < 0 ? s.length : nl;
      continue;
    }
    // `2>` / `2>>` / `2>&1`: a redirection with an explicit descriptor
    if (/[0-9]/.test(c) && (s[i + 1] === '>' || s[i + 1] === '<')) {
      const op = OPERATORS.find((o) => s.startsWith(o, i + 1)) as string;
      tokens.push({ t: 'redir', op, fd: Number(c) });
      i += 1 + op.length;
      continue;
    }
    const op = OPERATORS.find((o) => s.startsWith(o, i));
    if (op) {
      if (['<<-', '<<', '>>', '>&', '<&', '<', '>'].includes(op)) tokens.push({ t: 'redir', op });
      else tokens.push({ t: 'op', op });
      i += op.length;
      continue;
    }
    // a word: runs until an unquoted metacharacter
    const parts: WordPart[] = [];
    const start = i;
    let lit = '';
    const flush = () => {
      if (lit) parts.push({ lit });
      lit = '';
    };
    while (i < s.length && !METACHARS.has(s[i] as string)) {
      const ch = s[i] as string;
      if (ch === '\\') {
        if (i + 1 >= s.length) return null;
        if (s[i + 1] !== '\n') lit += s[i + 1];
        i += 2;
      } else if (ch === "'") {
        const end = s.indexOf("'", i + 1);
        if (end < 0) return null;
        lit += s.slice(i + 1, end);
        // an empty '' still makes a word
        if (end === i + 1) parts.push({ lit: '' });
        i = end + 1;
      } else if (ch === '"') {
        let j = i + 1;
        let closed = false;
        if (s[j] === '"') parts.push({ lit: '' });
        while (j < s.length) {
          const d = s[j] as string;
          if (d === '"') {
            closed = true;
            j++;
            break;
          }
          if (d === '\\' && j + 1 < s.length && '$`"\\\n'.includes(s[j + 1] as string)) {
            if (s[j + 1] !== '\n') lit += s[j + 1];
            j += 2;
          } else if (d === '$') {
            flush();
            const [part, next] = readDollar(s, j, true);
            if ('lit' in part) lit += part.lit;
            else parts.push(part);
            j = next;
          } else {
            lit += d;
            j++;
          }
        }
        if (!closed) return null;
        i = j;
      } else if (ch === '$') {
        flush();
        const [part, next] = readDollar(s, i, false);
        if ('lit' in part) lit += part.lit;
        else parts.push(part);
        i = next;
      } else {
        lit += ch;
        i++;
      }
    }
    flush();
    tokens.push({ t: 'word', word: parts, raw: s.slice(start, i) });
  }
  return tokens;
}

/** The literal text of a word, quotes removed and variables left as typed (for heredoc delimiters). */
function literalOf(word: Word): string {
  return word.map((p) => ('lit' in p ? p.lit : `$${p.var}`)).join('');
}

const syntaxError = (token: string): ParseResult => ({
  kind: 'error',
  message: `bash: syntax error near unexpected token \`${token}'`,
});

/**
 * Parses a whole input (one line, or a line plus its continuation lines joined with `\n`).
 * Here-document bodies are not part of the input: the result lists the here-documents whose bodies
 * the caller must read next, in order (see {@link appendHeredocLine}).
 */
export function parseInput(input: string): ParseResult {
  const tokens = tokenize(input);
  if (tokens === null) return { kind: 'more' };
  const list: ListItem[] = [];
  const heredocs: Redirect[] = [];
  let pipeline: Pipeline = [];
  let cmd: SimpleCommand = { words: [], redirects: [] };
  const cmdEmpty = () => cmd.words.length === 0 && cmd.redirects.length === 0;
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k] as Token;
    if (tok.t === 'word') {
      cmd.words.push(tok.word);
      continue;
    }
    if (tok.t === 'redir') {
      const target = tokens[k + 1];
      if (!target) return syntaxError('newline');
      if (target.t !== 'word') return syntaxError(target.op);
      k++;
      const fd = tok.fd === 2 ? 2 : 1;
      if (tok.op === '<<' || tok.op === '<<-') {
        const quoted = /['"\\]/.test(target.raw);
        const doc: Redirect = {
          kind: 'heredoc',
          delimiter: literalOf(target.word),
          quoted,
          stripTabs: tok.op === '<<-',
          body: '',
        };
        cmd.redirects.push(doc);
        heredocs.push(doc);
      } else if (tok.op === '>&') {
        const to = literalOf(target.word);
        if (to === '1' || to === '2') cmd.redirects.push({ kind: 'dup', fd, to: to === '1' ? 1 : 2 });
        else cmd.redirects.push({ kind: 'out', fd, target: target.word, append: false });
      } else if (tok.op === '<' || tok.op === '<&') {
        cmd.redirects.push({ kind: 'in', source: target.word });
      } else {
        cmd.redirects.push({ kind: 'out', fd, target: target.word, append: tok.op === '>>' });
      }
      continue;
    }
    // an operator
    const op = tok.op;
    if (op === '(' || op === ')' || op === ';;' || op === '|&') return syntaxError(op);
    if (op === '|') {
      if (cmdEmpty()) return syntaxError('|');
      pipeline.push(cmd);
      cmd = { words: [], redirects: [] };
      continue;
    }
    // ; & && ||
    if (cmdEmpty()) return syntaxError(op);
    pipeline.push(cmd);
    list.push({ pipeline, next: op === '&&' || op === '||' ? op : ';' });
    pipeline = [];
    cmd = { words: [], redirects: [] };
  }
  if (cmdEmpty()) {
    // `a |`, `a &&`, `a ||` at the end: bash reads a continuation line
    if (pipeline.length > 0) return { kind: 'more' };
    const last = list[list.length - 1];
    if (last && last.next !== ';') return { kind: 'more' };
  } else {
    pipeline.push(cmd);
    list.push({ pipeline, next: ';' });
  }
  return { kind: 'ok', list, heredocs };
}

/**
 * True when `line` ends the here-document `doc` (bash compares the whole line, after removing leading
 * tabs for `<<-`).
 */
export function isHeredocEnd(doc: Redirect, line: string): boolean {
  if (doc.kind !== 'heredoc') return false;
  const l = doc.stripTabs ? line.replace(/^\t+/, '') : line;
  return l === doc.delimiter;
}

/** Adds one body line to a here-document (tabs stripped for `<<-`). */
export function appendHeredocLine(doc: Redirect, line: string): void {
  if (doc.kind !== 'heredoc') return;
  doc.body += `${doc.stripTabs ? line.replace(/^\t+/, '') : line}\n`;
}
