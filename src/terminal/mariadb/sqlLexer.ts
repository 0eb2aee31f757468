/**
 * MariaDB's lexical rules as the client and server apply them (client/mysql.cc `add_line`, server
 * sql/sql_lex.cc): the client collects typed lines into statements ended by `;`, `\g` or `\G`,
 * outside quotes ('…', "…", `…`) and comments (`-- `, `#`, `/* … *\/`), and shows which quote is
 * still open in its continuation prompt; the server reads '…' and "…" as strings with backslash
 * escapes. {@link toSqlite} rewrites a statement's literals for the lab's SQL engine (SQLite), which
 * takes '…' only and no backslash escapes.
 */

/** A lexical token of a statement. */
export interface SqlToken {
  t: 'word' | 'ident' | 'string' | 'number' | 'op';
  /** the value: a string's or quoted identifier's content without quotes, else the text */
  text: string;
  /** offsets of the token in the statement (end exclusive) */
  at: number;
  end: number;
}

/** What the client's line collector holds after a line: finished statements and the open rest. */
export interface Collected {
  statements: Array<{ text: string; vertical: boolean }>;
  /** unfinished text (carried to the next line) */
  rest: string;
  /** the quote or comment still open at the end, for the continuation prompt */
  open: "'" | '"' | '`' | '/*' | undefined;
  /** client commands met outside statements (`\c`, `\q`) */
  command?: 'clear' | 'quit';
}

/**
 * Adds one typed line to the pending text and cuts out every finished statement, the way the
 * client's add_line does. `\c` drops what was typed so far; `\q` quits.
 */
export function collect(pending: string, line: string): Collected {
  const text = pending === '' ? line : `${pending}\n${line}`;
  const statements: Collected['statements'] = [];
  let start = 0;
  let quote: Collected['open'];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const n = text[i + 1];
    if (quote === '/*') {
      if (c === '*' && n === '/') {
        quote = undefined;
        i += 2;
        continue;
      }
      i++;
      continue;
    }
    if (quote) {
      if (c === '\\' && quote !== '`') i += 2;
      else {
        if (c === quote) quote = undefined;
        i++;
      }
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '/' && n === '*') {
      quote = '/*';
      i += 2;
      continue;
    } else if (c === '#' || (c === '-' && n === '-' && (text[i + 2] === ' ' || text[i + 2] === undefined))) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol;
      continue;
    } else if (c === ';') {
      statements.push({ text: text.slice(start, i).trim(), vertical: false });
      start = i + 1;
    } else if (c === '\\' && n !== undefined) {
      if (n === 'g' || n === 'G') {
        statements.push({ text: text.slice(start, i).trim(), vertical: n === 'G' });
        start = i + 2;
      } else if (n === 'c') return { statements, rest: '', open: undefined, command: 'clear' };
      else if (n === 'q') return { statements, rest: '', open: undefined, command: 'quit' };
      i += 2;
      continue;
    }
    i++;
  }
  const rest = text.slice(start);
  return { statements, rest: rest.trim() === '' ? '' : rest.replace(/^\s*\n/, ''), open: quote };
}

/** Splits a statement into tokens (comments dropped). */
export function tokenize(sql: string): SqlToken[] {
  const out: SqlToken[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#' || (c === '-' && sql[i + 1] === '-')) {
      const eol = sql.indexOf('\n', i);
      i = eol < 0 ? sql.length : eol;
      continue;
    }
    if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
      continue;
    }
    if (c === "'" || c === '"') {
      const start = i;
      let j = i + 1;
      let value = '';
      while (j < sql.length) {
        const d = sql[j];
        if (d === '\\' && j + 1 < sql.length) {
          const e = sql[j + 1];
          value += { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', Z: '\x1a' }[e] ?? e;
          j += 2;
        } else if (d === c && sql[j + 1] === c) {
          value += c;
          j += 2;
        } else if (d === c) break;
        else {
          value += d;
          j++;
        }
      }
      i = Math.min(j + 1, sql.length);
      out.push({ t: 'string', text: value, at: start, end: i });
      continue;
    }
    if (c === '`') {
      const end = sql.indexOf('`', i + 1);
      const stop = end < 0 ? sql.length : end;
      out.push({ t: 'ident', text: sql.slice(i + 1, stop), at: i, end: Math.min(stop + 1, sql.length) });
      i = stop + 1;
      continue;
    }
    const num = /^(\d+\.?\d*(e[+-]?\d+)?|\.\d+)/i.exec(sql.slice(i));
    if (num && !/[A-Za-z_$]/.test(sql[i + num[0].length] ?? '')) {
      out.push({ t: 'number', text: num[0], at: i, end: i + num[0].length });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z0-9_$@]+/.exec(sql.slice(i));
    if (word) {
      out.push({ t: 'word', text: word[0], at: i, end: i + word[0].length });
      i += word[0].length;
      continue;
    }
    const op = /^(<=>|<=|>=|<>|!=|\|\||&&|:=|<<|>>)/.exec(sql.slice(i));
    const text = op ? op[0] : c;
    out.push({ t: 'op', text, at: i, end: i + text.length });
    i += text.length;
  }
  return out;
}

const quoteSqlite = (s: string) => `'${s.replace(/'/g, "''")}'`;
const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * The statement in SQLite's dialect: strings as '…' without backslash escapes, quoted identifiers as
 * "…", `||`/`&&`/`!=` as MariaDB reads them, `#` comments dropped. Everything else keeps its
 * original spelling and spacing, so result columns named after expressions (`1+1`, `COUNT(*)`) read
 * as the learner typed them, as MariaDB names them.
 */
export function toSqlite(sql: string): string {
  let out = '';
  let last = 0;
  for (const tok of tokenize(sql)) {
    const between = sql.slice(last, tok.at);
    out += between.includes('#') ? between.replace(/#[^\n]*/g, '') : between;
    const raw = sql.slice(tok.at, tok.end);
    if (tok.t === 'string') out += quoteSqlite(tok.text);
    else if (tok.t === 'ident') out += quoteIdent(tok.text);
    else if (tok.t === 'op' && tok.text === '||') out += 'OR';
    else if (tok.t === 'op' && tok.text === '&&') out += 'AND';
    else if (tok.t === 'op' && tok.text === '!=') out += '<>';
    else out += raw;
    last = tok.end;
  }
  return out;
}

/** The lower-cased words of a statement's first tokens, for dispatch (`show databases`). */
export function leadingWords(tokens: readonly SqlToken[], n: number): string[] {
  return tokens.slice(0, n).map((t) => (t.t === 'word' ? t.text.toLowerCase() : t.text));
}
