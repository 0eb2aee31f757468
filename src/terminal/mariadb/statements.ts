/**
 * One MariaDB server session's statements: what the server answers for each statement a client
 * sends. Database-level statements (SHOW DATABASES, CREATE/DROP DATABASE, USE, SHOW TABLES, CREATE/
 * DROP TABLE, DESCRIBE) act on the datadir's files directly (core/workloads/mariadbDatadir.ts);
 * data statements run on the SQL engine (sqlRun.ts). Follows sql/sql_parse.cc's dispatch for these
 * statements and their result shapes (column names `Database`, `Tables_in_<db>`, DESCRIBE's six
 * columns) and error codes.
 */
import type { SqlJsStatic } from 'sql.js';
import {
  createDatabase,
  databaseExists,
  dropDatabase,
  dropTable,
  listDatabases,
  listTables,
  readTable,
  writeTable,
} from '../../core/workloads/mariadbDatadir.ts';
import { parseTableBody } from './ddl.ts';
import * as E from './sqlErrors.ts';
import { leadingWords, type SqlToken, tokenize } from './sqlLexer.ts';
import { runData } from './sqlRun.ts';

/** What a connection carries between statements. */
export interface SqlSession {
  /** the server's datadir (live volume files) */
  files: Record<string, string>;
  /** the current database, null for `(none)` */
  db: string | null;
  user: string;
  /** the client's address as the server sees it */
  clientHost: string;
  serverVersion: string;
  connectionId: number;
  /** the server's default collation for new databases */
  collation: string;
  /** the server's clock, `YYYY-MM-DD HH:MM:SS` */
  now(): string;
}

/** A statement's outcome. */
export type StatementResult =
  | { kind: 'ok'; affected: number; warnings?: number; info?: string }
  | { kind: 'rows'; columns: string[]; numeric: boolean[]; rows: Array<Array<string | null>> }
  | { kind: 'use'; db: string }
  | E.SqlError;

const rows = (column: string, values: string[]): StatementResult => ({
  kind: 'rows',
  columns: [column],
  numeric: [false],
  rows: values.map((v) => [v]),
});

/** The name at token `i` (a word or a `quoted` identifier), if any. */
function nameAt(tokens: readonly SqlToken[], i: number): string | undefined {
  const t = tokens[i];
  return t && (t.t === 'word' || t.t === 'ident') ? t.text : undefined;
}

function likeFilter(tokens: readonly SqlToken[], i: number): ((s: string) => boolean) | undefined {
  if (tokens[i]?.text.toLowerCase() !== 'like' || tokens[i + 1]?.t !== 'string') return undefined;
  const pattern = tokens[i + 1].text
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/%/g, '.*')
    .replace(/_/g, '.');
  const re = new RegExp(`^${pattern}$`, 'i');
  return (s) => re.test(s);
}

function createDb(s: SqlSession, t: readonly SqlToken[], sql: string): StatementResult {
  let i = 2;
  const ifNot = leadingWords(t.slice(2), 3).join(' ') === 'if not exists';
  if (ifNot) i += 3;
  const name = nameAt(t, i);
  if (!name) return E.syntaxError(sql, t[i]?.at ?? sql.length);
  if (databaseExists(s.files, name))
    return ifNot ? { kind: 'ok', affected: 1, warnings: 1 } : E.dbExists(name);
  createDatabase(s.files, name, s.collation);
  return { kind: 'ok', affected: 1 };
}

function dropDb(s: SqlSession, t: readonly SqlToken[], sql: string): StatementResult {
  let i = 2;
  const ifExists = leadingWords(t.slice(2), 2).join(' ') === 'if exists';
  if (ifExists) i += 2;
  const name = nameAt(t, i);
  if (!name) return E.syntaxError(sql, t[i]?.at ?? sql.length);
  if (name.toLowerCase() === 'information_schema') return E.dbAccessDenied(s.user, '%', name);
  const dropped = dropDatabase(s.files, name);
  if (dropped < 0) return ifExists ? { kind: 'ok', affected: 0, warnings: 1 } : E.dbMissingOnDrop(name);
  if (s.db === name) s.db = null;
  return { kind: 'ok', affected: dropped };
}

/** `db.table` or `table` at token i: [db, table, next index]. */
function tableRef(
  s: SqlSession,
  t: readonly SqlToken[],
  i: number,
): [string | null, string | undefined, number] {
  const first = nameAt(t, i);
  if (t[i + 1]?.text === '.') return [first ?? null, nameAt(t, i + 2), i + 3];
  return [s.db, first, i + 1];
}

function createTable(s: SqlSession, t: readonly SqlToken[], sql: string): StatementResult {
  let i = 2;
  const ifNot = leadingWords(t.slice(2), 3).join(' ') === 'if not exists';
  if (ifNot) i += 3;
  const [db, name, next] = tableRef(s, t, i);
  if (!name) return E.syntaxError(sql, t[i]?.at ?? sql.length);
  if (db === null) return E.noDatabase();
  if (!databaseExists(s.files, db)) return E.unknownDatabase(db);
  if (t[next]?.text !== '(') return E.syntaxError(sql, t[next]?.at ?? sql.length);
  const parsed = parseTableBody(t, next);
  if (!parsed.ok) return E.syntaxError(sql, t[parsed.near]?.at ?? sql.length);
  if (readTable(s.files, db, name))
    return ifNot ? { kind: 'ok', affected: 0, warnings: 1 } : E.tableExists(name);
  writeTable(s.files, db, name, parsed.table, []);
  return { kind: 'ok', affected: 0 };
}

function dropTables(s: SqlSession, t: readonly SqlToken[], sql: string): StatementResult {
  let i = 2;
  const ifExists = leadingWords(t.slice(2), 2).join(' ') === 'if exists';
  if (ifExists) i += 2;
  const refs: Array<[string | null, string]> = [];
  for (;;) {
    const [db, name, next] = tableRef(s, t, i);
    if (!name) return E.syntaxError(sql, t[i]?.at ?? sql.length);
    refs.push([db, name]);
    i = next;
    if (t[i]?.text !== ',') break;
    i++;
  }
  if (refs.some(([db]) => db === null)) return E.noDatabase();
  const missing = refs.filter(([db, n]) => !readTable(s.files, db as string, n));
  if (missing.length > 0 && !ifExists)
    return E.unknownTable(missing.map(([db, n]) => `${db}.${n}`).join(','));
  for (const [db, n] of refs) dropTable(s.files, db as string, n);
  return { kind: 'ok', affected: 0, warnings: ifExists ? missing.length : 0 };
}

function describeTable(s: SqlSession, t: readonly SqlToken[], i: number, sql: string): StatementResult {
  const [db, name] = tableRef(s, t, i);
  if (!name) return E.syntaxError(sql, t[i]?.at ?? sql.length);
  if (db === null) return E.noDatabase();
  const table = readTable(s.files, db, name);
  if (!table) return E.noSuchTable(db, name);
  return {
    kind: 'rows',
    columns: ['Field', 'Type', 'Null', 'Key', 'Default', 'Extra'],
    numeric: [false, false, false, false, false, false],
    rows: table.def.columns.map((c) => [
      c.name,
      c.type,
      c.nullable ? 'YES' : 'NO',
      c.key,
      c.default,
      c.extra,
    ]),
  };
}

function show(s: SqlSession, t: readonly SqlToken[], sql: string): StatementResult {
  const [, what] = leadingWords(t, 2);
  if (what === 'databases' || what === 'schemas') {
    const filter = likeFilter(t, 2);
    const names = listDatabases(s.files).filter((d) => !filter || filter(d));
    return rows(filter ? `Database (${t[3].text})` : 'Database', names);
  }
  if (what === 'tables' || (what === 'full' && t[2]?.text.toLowerCase() === 'tables')) {
    let i = what === 'full' ? 3 : 2;
    let db = s.db;
    if (/^(from|in)$/i.test(t[i]?.text ?? '')) {
      db = nameAt(t, i + 1) ?? null;
      i += 2;
    }
    if (db === null) return E.noDatabase();
    if (!databaseExists(s.files, db)) return E.unknownDatabase(db);
    const filter = likeFilter(t, i);
    return rows(
      `Tables_in_${db}${filter ? ` (${t[i + 1].text})` : ''}`,
      listTables(s.files, db).filter((n) => !filter || filter(n)),
    );
  }
  if (what === 'columns' || what === 'fields') {
    if (!/^(from|in)$/i.test(t[2]?.text ?? '')) return E.syntaxError(sql, t[2]?.at ?? sql.length);
    return describeTable(s, t, 3, sql);
  }
  return E.notSupported(`SHOW ${t[1]?.text.toUpperCase() ?? ''} in this lab`);
}

const UNSIMULATED = new Set([
  'alter',
  'grant',
  'revoke',
  'rename',
  'truncate',
  'set',
  'flush',
  'lock',
  'unlock',
  'analyze',
  'optimize',
  'call',
  'load',
  'handler',
  'kill',
]);

/** Runs one statement (without its terminator) and returns the server's answer. */
export function executeStatement(engine: SqlJsStatic, s: SqlSession, sql: string): StatementResult {
  const t = tokenize(sql);
  if (t.length === 0) return E.noQuery();
  const [a, b] = leadingWords(t, 2);
  if (a === 'use') {
    const name = nameAt(t, 1);
    if (!name) return E.syntaxError(sql, sql.length);
    if (!databaseExists(s.files, name)) return E.unknownDatabase(name);
    s.db = name;
    return { kind: 'use', db: name };
  }
  if (a === 'show') return show(s, t, sql);
  if (a === 'describe' || a === 'desc' || a === 'explain') {
    if (t[1]?.t === 'word' && /^(select|insert|update|delete)$/i.test(t[1].text))
      return E.notSupported('EXPLAIN in this lab');
    return describeTable(s, t, 1, sql);
  }
  if (a === 'create' && (b === 'database' || b === 'schema')) return createDb(s, t, sql);
  if (a === 'drop' && (b === 'database' || b === 'schema')) return dropDb(s, t, sql);
  if (a === 'create' && b === 'table') return createTable(s, t, sql);
  if (a === 'drop' && b === 'table') return dropTables(s, t, sql);
  if (a === 'create' || a === 'drop' || UNSIMULATED.has(a))
    return E.notSupported(
      `${t
        .slice(0, a === 'create' || a === 'drop' ? 2 : 1)
        .map((x) => x.text.toUpperCase())
        .join(' ')} in this lab`,
    );
  if (['select', 'insert', 'update', 'delete', 'replace', 'with', 'values'].includes(a))
    return runData(engine, s, sql, t);
  return E.syntaxError(sql, 0);
}
