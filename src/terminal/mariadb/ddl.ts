/**
 * CREATE TABLE as MariaDB understands it, turned into what the datadir stores (core/workloads
 * StoredTable): each column with the type text DESCRIBE shows (MariaDB's display widths: `int(11)`,
 * `tinyint(1)` for BOOLEAN, `decimal(10,0)`), NULL-ability, key and default, plus the equivalent
 * SQLite table the lab's engine runs. Follows sql/sql_yacc.yy's column definition grammar for the
 * common subset (types with lengths, UNSIGNED, NOT NULL/NULL, DEFAULT, AUTO_INCREMENT, PRIMARY KEY,
 * UNIQUE [KEY], COMMENT, table-level PRIMARY KEY/UNIQUE/KEY/INDEX, table options which are ignored).
 */
import type { StoredColumn, StoredTable } from '../../core/workloads/mariadbDatadir.ts';
import type { SqlToken } from './sqlLexer.ts';

/** Display widths MariaDB gives integer types without one (signed; unsigned is one less, bigint 20). */
const INT_WIDTH: Record<string, [number, number]> = {
  tinyint: [4, 3],
  smallint: [6, 5],
  mediumint: [9, 8],
  int: [11, 10],
  integer: [11, 10],
  bigint: [20, 20],
};

const NUMERIC_TYPES = new Set([
  'tinyint',
  'smallint',
  'mediumint',
  'int',
  'bigint',
  'decimal',
  'float',
  'double',
  'bit',
  'year',
]);

/** True when values of the type are numbers (the client right-aligns them). */
export function isNumericType(type: string): boolean {
  return NUMERIC_TYPES.has(type.replace(/[( ].*$/, ''));
}

export type DdlResult = { ok: true; table: StoredTable } | { ok: false; near: number };

/** Parses the column list of a CREATE TABLE starting at the `(` token index. */
export function parseTableBody(tokens: readonly SqlToken[], open: number): DdlResult {
  let i = open + 1;
  const columns: StoredColumn[] = [];
  const engineCols: string[] = [];
  const tableConstraints: string[] = [];
  let autoIncrement = false;
  const word = (k: number) => (tokens[k]?.t === 'word' ? tokens[k].text.toLowerCase() : undefined);
  const readList = (): string[] | undefined => {
    if (tokens[i]?.text !== '(') return undefined;
    i++;
    const names: string[] = [];
    while (i < tokens.length && tokens[i].text !== ')') {
      if (tokens[i].t === 'word' || tokens[i].t === 'ident') names.push(tokens[i].text);
      if (tokens[i].text === '(') while (i < tokens.length && tokens[i].text !== ')') i++;
      i++;
    }
    i++;
    return names;
  };
  for (;;) {
    const w = word(i);
    if (w === 'primary' || w === 'unique' || w === 'key' || w === 'index' || w === 'constraint') {
      if (w === 'constraint') i += 2;
      const kind = word(i);
      i++;
      if (word(i) === 'key' || word(i) === 'index') i++;
      if (tokens[i]?.text !== '(') i++;
      const names = readList();
      if (!names) return { ok: false, near: i };
      const mark = kind === 'primary' ? 'PRI' : kind === 'unique' ? 'UNI' : 'MUL';
      for (const [n, name] of names.entries()) {
        const col = columns.find((c) => c.name === name);
        if (!col) continue;
        if (mark === 'PRI') col.nullable = false;
        if (n === 0 && (col.key === '' || mark === 'PRI')) col.key = mark;
      }
      const q = names.map((n) => `"${n}"`).join(', ');
      if (mark === 'PRI') tableConstraints.push(`PRIMARY KEY (${q})`);
      else if (mark === 'UNI') tableConstraints.push(`UNIQUE (${q})`);
    } else {
      const nameTok = tokens[i];
      if (!nameTok || (nameTok.t !== 'word' && nameTok.t !== 'ident')) return { ok: false, near: i };
      i++;
      const typeName = word(i);
      if (!typeName) return { ok: false, near: i };
      i++;
      let args: string[] = [];
      if (tokens[i]?.text === '(') {
        i++;
        while (i < tokens.length && tokens[i].text !== ')') {
          if (tokens[i].text !== ',')
            args.push(tokens[i].t === 'string' ? `'${tokens[i].text}'` : tokens[i].text);
          i++;
        }
        i++;
      }
      let unsigned = false;
      let nullable = true;
      let key: StoredColumn['key'] = '';
      let def: string | null = null;
      let extra = '';
      let engineDefault = '';
      for (;;) {
        const m = word(i);
        if (m === 'unsigned' || m === 'zerofill') unsigned = true;
        else if (m === 'signed') unsigned = false;
        else if (m === 'not' && word(i + 1) === 'null') {
          nullable = false;
          i++;
        } else if (m === 'null') nullable = true;
        else if (m === 'default') {
          const v = tokens[i + 1];
          if (!v) return { ok: false, near: i + 1 };
          def = v.t === 'word' && v.text.toLowerCase() === 'null' ? null : v.text;
          if (v.t === 'word' && /^current_timestamp$/i.test(v.text)) def = 'current_timestamp()';
          engineDefault =
            v.t === 'string'
              ? ` DEFAULT '${v.text.replace(/'/g, "''")}'`
              : v.t === 'number'
                ? ` DEFAULT ${v.text}`
                : '';
          i++;
          if (tokens[i + 1]?.text === '(' && tokens[i + 2]?.text === ')') i += 2;
        } else if (m === 'auto_increment') {
          extra = 'auto_increment';
          autoIncrement = true;
        } else if (m === 'primary' && word(i + 1) === 'key') {
          key = 'PRI';
          nullable = false;
          i++;
        } else if (m === 'key') key = 'PRI';
        else if (m === 'unique') {
          if (key === '') key = 'UNI';
          if (word(i + 1) === 'key') i++;
        } else if (m === 'comment' || m === 'character' || m === 'collate' || m === 'charset') {
          if (m === 'character') i++;
          i++;
        } else break;
        i++;
      }
      const type = normaliseType(typeName, args, unsigned);
      if (!type) return { ok: false, near: i - 1 };
      args = [];
      columns.push({
        name: nameTok.text,
        type,
        nullable: nullable && key !== 'PRI',
        key,
        default: def,
        extra,
      });
      const affinity = sqliteAffinity(type);
      const pk =
        key === 'PRI'
          ? extra && affinity === 'INTEGER'
            ? ' PRIMARY KEY AUTOINCREMENT'
            : ' PRIMARY KEY'
          : '';
      const uniq = key === 'UNI' ? ' UNIQUE' : '';
      engineCols.push(
        `"${nameTok.text}" ${affinity}${pk}${uniq}${nullable || pk ? '' : ' NOT NULL'}${engineDefault}`,
      );
    }
    if (tokens[i]?.text === ',') {
      i++;
      continue;
    }
    if (tokens[i]?.text === ')') break;
    return { ok: false, near: i };
  }
  // an AUTO_INCREMENT column named in a table-level PRIMARY KEY becomes SQLite's rowid alias
  const pkConstraint = tableConstraints.find((c) => c.startsWith('PRIMARY KEY ('));
  const auto = columns.find((c) => c.extra === 'auto_increment');
  if (auto && pkConstraint === `PRIMARY KEY ("${auto.name}")` && sqliteAffinity(auto.type) === 'INTEGER') {
    const at = columns.indexOf(auto);
    engineCols[at] = engineCols[at]
      .replace(' INTEGER', ' INTEGER PRIMARY KEY AUTOINCREMENT')
      .replace(' NOT NULL', '');
    tableConstraints.splice(tableConstraints.indexOf(pkConstraint), 1);
  }
  if (autoIncrement && !auto) return { ok: false, near: i };
  return {
    ok: true,
    table: { columns, engineDdl: `(${[...engineCols, ...tableConstraints].join(', ')})`, autoIncrement: 0 },
  };
}

/** MariaDB's display form of a column type, or undefined for a type it does not know. */
export function normaliseType(name: string, args: readonly string[], unsigned: boolean): string | undefined {
  const n = name.toLowerCase();
  const u = unsigned ? ' unsigned' : '';
  if (n === 'bool' || n === 'boolean') return 'tinyint(1)';
  if (n in INT_WIDTH) {
    const [signed, uns] = INT_WIDTH[n];
    const base = n === 'integer' ? 'int' : n;
    return `${base}(${args[0] ?? (unsigned ? uns : signed)})${u}`;
  }
  if (n === 'decimal' || n === 'numeric' || n === 'dec' || n === 'fixed')
    return `decimal(${args[0] ?? 10},${args[1] ?? 0})${u}`;
  if (n === 'float' || n === 'double' || n === 'real')
    return `${n === 'real' ? 'double' : n}${args.length ? `(${args.join(',')})` : ''}${u}`;
  if (n === 'varchar' || n === 'varbinary') return args[0] ? `${n}(${args[0]})` : undefined;
  if (n === 'char' || n === 'binary') return `${n}(${args[0] ?? 1})`;
  if (
    ['text', 'tinytext', 'mediumtext', 'longtext', 'blob', 'tinyblob', 'mediumblob', 'longblob'].includes(n)
  )
    return n;
  if (n === 'date' || n === 'time' || n === 'year') return n === 'year' ? 'year(4)' : n;
  if (n === 'datetime' || n === 'timestamp') return args[0] ? `${n}(${args[0]})` : n;
  if (n === 'enum' || n === 'set') return `${n}(${args.join(',')})`;
  if (n === 'json') return 'longtext';
  if (n === 'bit') return `bit(${args[0] ?? 1})`;
  return undefined;
}

/** The SQLite column affinity for a MariaDB type. */
export function sqliteAffinity(type: string): 'INTEGER' | 'REAL' | 'NUMERIC' | 'TEXT' | 'BLOB' {
  const base = type.replace(/[( ].*$/, '');
  if (['tinyint', 'smallint', 'mediumint', 'int', 'bigint', 'bit', 'year'].includes(base)) return 'INTEGER';
  if (base === 'float' || base === 'double') return 'REAL';
  if (base === 'decimal') return 'NUMERIC';
  if (base.endsWith('blob') || base === 'varbinary' || base === 'binary') return 'BLOB';
  return 'TEXT';
}
