/**
 * The MariaDB data directory as files on a volume (`VolumeContent.files`, paths relative to the
 * datadir): what the official image's entrypoint leaves on an empty volume at the server's first
 * start (docker-library/mariadb docker-entrypoint.sh `docker_init_database_dir` +
 * `docker_setup_db`: mariadb-install-db's system tables, the root accounts with the password from
 * MARIADB_ROOT_PASSWORD, the healthcheck account and its `.my-healthcheck.cnf`), and the layout of
 * user databases: a directory per database with its `db.opt`, and per table `<table>.frm` (the
 * definition) and `<table>.ibd` (the rows).
 *
 * Lab differences: the files hold readable JSON/text instead of InnoDB/Aria pages (the names, the
 * directory structure and the sizes `ls -l` shows are the real ones); the account table keeps only
 * what logging in needs.
 */
import { nativePasswordHash, sha1Hex } from './sha1.ts';

/** One column as DESCRIBE shows it. */
export interface StoredColumn {
  name: string;
  /** MariaDB's normalised type text, e.g. `int(11)`, `varchar(20)` */
  type: string;
  nullable: boolean;
  key: '' | 'PRI' | 'UNI' | 'MUL';
  /** the default as DESCRIBE prints it (null prints `NULL`) */
  default: string | null;
  extra: string;
}

/** A table's definition, kept in `<db>/<table>.frm`. */
export interface StoredTable {
  columns: StoredColumn[];
  /** the DDL the SQL engine recreates the table with (SQLite dialect) */
  engineDdl: string;
  /** next AUTO_INCREMENT value already used up to (0: none yet) */
  autoIncrement: number;
}

/** A stored cell value. */
export type StoredValue = string | number | null;

/** One account of `mysql.global_priv`. */
export interface StoredAccount {
  user: string;
  host: string;
  /** mysql_native_password hash, '' for no password */
  hash: string;
}

type Files = Record<string, string>;

const ACCOUNTS_FILE = 'mysql/global_priv.MAD';
const UPGRADE_INFO = 'mariadb_upgrade_info';

/** Databases the server always has; `information_schema` has no directory. */
export const SYSTEM_DATABASES = ['information_schema', 'mysql', 'performance_schema', 'sys'] as const;

/**
 * Sizes of the server's own files right after initialisation (bytes, as `ls -l` shows them on a
 * fresh 11.x datadir: 96 MiB redo log, 12 MiB system tablespace, 10 MiB undo tablespaces).
 */
export const DATADIR_FILE_SIZES: Readonly<Record<string, number>> = {
  'aria_log.00000001': 434_176,
  aria_log_control: 52,
  'ddl_recovery.log': 9,
  ib_buffer_pool: 868,
  ib_logfile0: 100_663_296,
  ibdata1: 12_582_912,
  ibtmp1: 12_582_912,
  'multi-master.info': 0,
  'tc.log': 24_576,
  undo001: 10_485_760,
  undo002: 10_485_760,
  undo003: 10_485_760,
};

/** True when the datadir has been initialised (the entrypoint's test: `$DATADIR/mysql` exists). */
export function isDatadirInitialised(files: Files): boolean {
  return Object.keys(files).some((p) => p.startsWith('mysql/'));
}

export interface InitOptions {
  /** the root password (MARIADB_ROOT_PASSWORD); '' with MARIADB_ALLOW_EMPTY_ROOT_PASSWORD */
  rootPassword: string;
  /** the server version string without the distribution suffix, e.g. `11.3.2-MariaDB` */
  version: string;
  /** a value unique to this initialisation, from which the healthcheck password is derived */
  salt: string;
  /** the server's default collation, written into the system databases' db.opt */
  collation: string;
}

function dbOpt(collation: string): string {
  return `default-character-set=utf8mb4\ndefault-collation=${collation}\n`;
}

/**
 * Initialises an empty datadir as the entrypoint does on first start: system files, the `mysql`,
 * `performance_schema` and `sys` databases, the root accounts (`root@localhost`, `root@%`) with the
 * given password, and the healthcheck account. Does nothing when the datadir is initialised already
 * (a later start with another password keeps the stored one, as the real image does).
 */
export function initialiseDatadir(files: Files, opts: InitOptions): boolean {
  if (isDatadirInitialised(files)) return false;
  for (const name of Object.keys(DATADIR_FILE_SIZES)) files[name] = '';
  files[UPGRADE_INFO] = opts.version;
  const healthPassword = sha1Hex(`healthcheck:${opts.salt}`).slice(0, 32);
  files['.my-healthcheck.cnf'] =
    '[mariadb-client]\nport=3306\nsocket=/run/mysqld/mysqld.sock\nuser=healthcheck\n' +
    `password=${healthPassword}\nprotocol=tcp\n`;
  const root = nativePasswordHash(opts.rootPassword);
  const accounts: StoredAccount[] = [
    { user: 'mariadb.sys', host: 'localhost', hash: '' },
    { user: 'root', host: 'localhost', hash: root },
    { user: 'root', host: '%', hash: root },
    { user: 'healthcheck', host: '127.0.0.1', hash: nativePasswordHash(healthPassword) },
    { user: 'healthcheck', host: '::1', hash: nativePasswordHash(healthPassword) },
    { user: 'healthcheck', host: 'localhost', hash: nativePasswordHash(healthPassword) },
  ];
  files[ACCOUNTS_FILE] = JSON.stringify(accounts);
  files['mysql/global_priv.MAI'] = '';
  files['mysql/db.opt'] = dbOpt(opts.collation);
  files['performance_schema/db.opt'] = dbOpt(opts.collation);
  files['sys/db.opt'] = dbOpt(opts.collation);
  files['sys/sys_config.frm'] = '';
  files['sys/sys_config.ibd'] = '';
  return true;
}

/** The accounts stored in the datadir (empty before initialisation). */
export function readAccounts(files: Files): StoredAccount[] {
  const text = files[ACCOUNTS_FILE];
  return text ? (JSON.parse(text) as StoredAccount[]) : [];
}

/**
 * Checks a login as the server's acl_authenticate does for mysql_native_password: the account is the
 * most specific `user@host` entry matching the client (an exact host before `%`); the password must
 * hash to the stored value. Returns whether the login is accepted.
 */
export function authenticate(files: Files, user: string, clientHost: string, password: string): boolean {
  const candidates = readAccounts(files).filter(
    (a) => a.user === user && (a.host === clientHost || a.host === '%'),
  );
  candidates.sort((a, b) => (a.host === '%' ? 1 : 0) - (b.host === '%' ? 1 : 0));
  const account = candidates[0];
  return account !== undefined && account.hash === nativePasswordHash(password);
}

/** The databases SHOW DATABASES lists: information_schema first, then the directories, sorted. */
export function listDatabases(files: Files): string[] {
  const dirs = new Set<string>();
  for (const p of Object.keys(files)) {
    const slash = p.indexOf('/');
    if (slash > 0 && p.slice(slash + 1) === 'db.opt') dirs.add(p.slice(0, slash));
  }
  return ['information_schema', ...[...dirs].sort()];
}

/** True when the database exists (information_schema always does). */
export function databaseExists(files: Files, db: string): boolean {
  return db === 'information_schema' || files[`${db}/db.opt`] !== undefined;
}

/** Creates the database directory with its db.opt. Returns false when it exists. */
export function createDatabase(files: Files, db: string, collation: string): boolean {
  if (databaseExists(files, db)) return false;
  files[`${db}/db.opt`] = dbOpt(collation);
  return true;
}

/** Removes the database's directory; returns the number of tables it held, or -1 if it did not exist. */
export function dropDatabase(files: Files, db: string): number {
  if (!databaseExists(files, db) || db === 'information_schema') return -1;
  const tables = listTables(files, db).length;
  for (const p of Object.keys(files)) if (p.startsWith(`${db}/`)) delete files[p];
  return tables;
}

/** The tables of a database, sorted by name. */
export function listTables(files: Files, db: string): string[] {
  const out: string[] = [];
  const prefix = `${db}/`;
  for (const p of Object.keys(files))
    if (p.startsWith(prefix) && p.endsWith('.frm') && !p.slice(prefix.length).includes('/'))
      out.push(p.slice(prefix.length, -'.frm'.length));
  return out.sort();
}

/** A table's definition and rows, or undefined when it does not exist (or is a system table). */
export function readTable(
  files: Files,
  db: string,
  table: string,
): { def: StoredTable; rows: StoredValue[][] } | undefined {
  const def = files[`${db}/${table}.frm`];
  const rows = files[`${db}/${table}.ibd`];
  if (!def) return undefined;
  return { def: JSON.parse(def) as StoredTable, rows: rows ? (JSON.parse(rows) as StoredValue[][]) : [] };
}

/** Writes a table's definition and rows (creating or replacing its two files). */
export function writeTable(
  files: Files,
  db: string,
  table: string,
  def: StoredTable,
  rows: StoredValue[][],
): void {
  files[`${db}/${table}.frm`] = JSON.stringify(def);
  files[`${db}/${table}.ibd`] = JSON.stringify(rows);
}

/** Removes a table's files. Returns false when it did not exist. */
export function dropTable(files: Files, db: string, table: string): boolean {
  if (files[`${db}/${table}.frm`] === undefined) return false;
  delete files[`${db}/${table}.frm`];
  delete files[`${db}/${table}.ibd`];
  return true;
}
