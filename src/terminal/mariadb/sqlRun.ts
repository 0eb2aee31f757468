/**
 * Runs data statements (SELECT, INSERT, UPDATE, DELETE, REPLACE) of one MariaDB database on the lab's
 * SQL engine: the database's tables are loaded from their datadir files into a fresh in-memory SQLite
 * database, the statement runs there, and tables it changed are written back to the files. SQLite's
 * errors are turned into the MariaDB errors a learner would see for the same mistake.
 *
 * Lab differences: each statement is its own transaction (autocommit, MariaDB's default); types
 * follow SQLite's affinities (a string stored into an INT column is kept rather than converted with a
 * warning); the server functions the lab provides are VERSION(), DATABASE(), USER(),
 * CURRENT_USER(), CONNECTION_ID(), NOW(), CURDATE() and CONCAT().
 */
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import {
  databaseExists,
  listTables,
  readTable,
  type StoredTable,
  type StoredValue,
  writeTable,
} from '../../core/workloads/mariadbDatadir.ts';
import { isNumericType } from './ddl.ts';
import * as E from './sqlErrors.ts';
import { type SqlToken, toSqlite } from './sqlLexer.ts';
import type { SqlSession, StatementResult } from './statements.ts';

function registerFunctions(db: Database, s: SqlSession): void {
  db.create_function('version', () => s.serverVersion);
  db.create_function('database', () => s.db);
  db.create_function('user', () => `${s.user}@${s.clientHost}`);
  db.create_function('current_user', () => `${s.user}@%`);
  db.create_function('connection_id', () => s.connectionId);
  db.create_function('now', () => s.now());
  db.create_function('curdate', () => s.now().slice(0, 10));
  const concat = (...args: SqlValue[]) => (args.some((a) => a === null) ? null : args.map(String).join(''));
  // a function length of -1 registers it as variadic with SQLite
  Object.defineProperty(concat, 'length', { value: -1 });
  db.create_function('concat', concat);
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

function loadTable(
  db: Database,
  schema: string,
  name: string,
  def: StoredTable,
  rows: StoredValue[][],
): void {
  db.run(`CREATE TABLE ${q(schema)}.${q(name)} ${def.engineDdl}`);
  if (rows.length > 0) {
    const marks = def.columns.map(() => '?').join(', ');
    const stmt = db.prepare(`INSERT INTO ${q(schema)}.${q(name)} VALUES (${marks})`);
    for (const row of rows) stmt.run(row);
    stmt.free();
  }
  if (def.autoIncrement > 0) {
    db.run(`DELETE FROM ${q(schema)}.sqlite_sequence WHERE name = ?`, [name]);
    db.run(`INSERT INTO ${q(schema)}.sqlite_sequence (name, seq) VALUES (?, ?)`, [name, def.autoIncrement]);
  }
}

function dumpTable(db: Database, schema: string, name: string): { rows: StoredValue[][]; seq: number } {
  const res = db.exec(`SELECT * FROM ${q(schema)}.${q(name)}`);
  const rows = (res[0]?.values ?? []) as StoredValue[][];
  let seq = 0;
  try {
    const s = db.exec(`SELECT seq FROM ${q(schema)}.sqlite_sequence WHERE name = ?`, [name]);
    seq = Number(s[0]?.values[0]?.[0] ?? 0);
  } catch {
    // no AUTOINCREMENT table in this database: sqlite_sequence does not exist
  }
  return { rows, seq };
}

function display(value: SqlValue, type: string | undefined): string | null {
  if (value === null) return null;
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  if (typeof value === 'number' && type) {
    const dec = /^decimal\(\d+,(\d+)\)/.exec(type);
    if (dec) return value.toFixed(Number(dec[1]));
  }
  return String(value);
}

/** Maps an SQLite error of `sql` to MariaDB's error for the same mistake. */
function mapError(message: string, sql: string, tokens: readonly SqlToken[], s: SqlSession): E.SqlError {
  let m = /^no such table: (?:(\w+)\.)?(.+)$/.exec(message);
  if (m) return E.noSuchTable(m[1] ?? s.db ?? '', m[2]);
  m = /^no such column: (.+)$/.exec(message);
  if (m) {
    const first = tokens[0]?.text.toLowerCase();
    return E.unknownColumn(
      m[1],
      first === 'select' ? 'field list' : first === 'update' ? 'field list' : 'where clause',
    );
  }
  m = /^NOT NULL constraint failed: \w+\.(\w+)$/.exec(message);
  if (m) {
    const named = tokens.some((t) => (t.t === 'word' || t.t === 'ident') && t.text === m?.[1]);
    return named ? E.columnCannotBeNull(m[1]) : E.noDefault(m[1]);
  }
  m = /^UNIQUE constraint failed: \w+\.(\w+)/.exec(message);
  if (m) return E.duplicateEntry('', /PRIMARY|rowid/i.test(message) ? 'PRIMARY' : m[1]);
  if (/has \d+ columns but \d+ values were supplied|values were supplied/.test(message))
    return E.columnCount();
  m = /^near "(.+?)": syntax error$/.exec(message);
  if (m) {
    const word = m[1].toLowerCase();
    const tok = tokens.find(
      (t) => sql.slice(t.at, t.end).toLowerCase() === word || t.text.toLowerCase() === word,
    );
    return E.syntaxError(sql, tok?.at ?? sql.length);
  }
  if (/incomplete input/.test(message)) return E.syntaxError(sql, sql.length);
  return E.syntaxError(sql, 0);
}

const WRITES = new Set(['insert', 'update', 'delete', 'replace']);

/** Runs one data statement in the session's current database. */
export function runData(
  engine: SqlJsStatic,
  s: SqlSession,
  sql: string,
  tokens: readonly SqlToken[],
): StatementResult {
  const verb = tokens[0]?.text.toLowerCase() ?? '';
  const db = new engine.Database();
  try {
    registerFunctions(db, s);
    // every database is attached under its own name, the current one first: SQLite finds unqualified
    // table names in attached databases in attach order, and `db.table` names as written
    const schemas = new Map<string, string>();
    if (s.db !== null && s.db !== 'information_schema') schemas.set(s.db, s.db);
    tokens.forEach((t, i) => {
      if ((t.t === 'word' || t.t === 'ident') && tokens[i + 1]?.text === '.' && !schemas.has(t.text))
        if (databaseExists(s.files, t.text) && t.text !== 'information_schema') schemas.set(t.text, t.text);
    });
    if (
      s.db === null &&
      schemas.size === 0 &&
      tokens.some((t) => t.t === 'word' && /^(from|into|update)$/i.test(t.text))
    )
      return E.noDatabase();
    const defs = new Map<
      string,
      { db: string; schema: string; name: string; def: StoredTable; before: string[] }
    >();
    for (const [dbName, schema] of schemas) {
      db.run(`ATTACH ':memory:' AS ${q(schema)}`);
      for (const name of listTables(s.files, dbName)) {
        const t = readTable(s.files, dbName, name);
        if (!t) continue;
        loadTable(db, schema, name, t.def, t.rows);
        defs.set(`${dbName}.${name}`, {
          db: dbName,
          schema,
          name,
          def: t.def,
          before: t.rows.map((r) => JSON.stringify(r)),
        });
      }
    }
    let text = toSqlite(sql);
    // `INSERT INTO t SET a = 1` is MariaDB-only; SQLite takes the column list form
    const set = /^\s*(insert|replace)\s+(?:into\s+)?("?[\w$]+"?)\s+set\s+([\s\S]+)$/i.exec(text);
    if (set) {
      const pairs = set[3].split(',').map((p) => p.split('='));
      text = `${set[1]} INTO ${set[2]} (${pairs.map((p) => p[0].trim()).join(', ')}) VALUES (${pairs
        .map((p) => p.slice(1).join('=').trim())
        .join(', ')})`;
    }
    const stmt = db.prepare(text);
    const columns = stmt.getColumnNames();
    if (columns.length > 0) {
      const values: SqlValue[][] = [];
      while (stmt.step()) values.push(stmt.get());
      stmt.free();
      const colType = (name: string) => {
        for (const d of defs.values()) {
          const c = d.def.columns.find((x) => x.name === name);
          if (c) return c.type;
        }
        return undefined;
      };
      const types = columns.map(colType);
      const numeric = columns.map((_, i) =>
        types[i] !== undefined
          ? isNumericType(types[i] as string)
          : values.length > 0 && values.every((r) => r[i] === null || typeof r[i] === 'number'),
      );
      return {
        kind: 'rows',
        columns: columns.map((c) => (/^'.*'$/.test(c) ? c.slice(1, -1).replace(/''/g, "'") : c)),
        numeric,
        rows: values.map((r) => r.map((v, i) => display(v, types[i]))),
      };
    }
    stmt.run();
    stmt.free();
    const matched = db.getRowsModified();
    if (!WRITES.has(verb)) return { kind: 'ok', affected: 0 };
    let changed = 0;
    for (const t of defs.values()) {
      const { rows, seq } = dumpTable(db, t.schema, t.name);
      const old = new Set(t.before);
      const diff = rows.filter((r) => !old.has(JSON.stringify(r))).length;
      const removed = t.before.length - rows.length + diff;
      if (diff === 0 && removed === 0 && seq === t.def.autoIncrement) continue;
      changed += verb === 'delete' ? removed : diff;
      writeTable(s.files, t.db, t.name, { ...t.def, autoIncrement: seq }, rows);
    }
    if (verb === 'update')
      return {
        kind: 'ok',
        affected: changed,
        info: `Rows matched: ${matched}  Changed: ${changed}  Warnings: 0`,
      };
    const multi = tokens.some((t) => t.t === 'word' && /^select$/i.test(t.text));
    if (verb !== 'delete' && (matched > 1 || multi))
      return { kind: 'ok', affected: matched, info: `Records: ${matched}  Duplicates: 0  Warnings: 0` };
    return { kind: 'ok', affected: matched };
  } catch (e) {
    return mapError(e instanceof Error ? e.message : String(e), sql, tokens, s);
  } finally {
    db.close();
  }
}
