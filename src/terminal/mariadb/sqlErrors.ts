/**
 * The server's error messages the lab produces, with their codes and SQLSTATEs as MariaDB 11.x
 * prints them (sql/share/errmsg-utf8.txt; client/mysql.cc `put_error` adds `ERROR <code> (<state>)`).
 */

/** A statement's error as the server sends it. */
export interface SqlError {
  kind: 'error';
  code: number;
  state: string;
  message: string;
}

const err = (code: number, state: string, message: string): SqlError => ({
  kind: 'error',
  code,
  state,
  message,
});

export const dbExists = (db: string) => err(1007, 'HY000', `Can't create database '${db}'; database exists`);
export const dbMissingOnDrop = (db: string) =>
  err(1008, 'HY000', `Can't drop database '${db}'; database doesn't exist`);
export const unknownDatabase = (db: string) => err(1049, '42000', `Unknown database '${db}'`);
export const noDatabase = () => err(1046, '3D000', 'No database selected');
export const tableExists = (t: string) => err(1050, '42S01', `Table '${t}' already exists`);
export const unknownTable = (names: string) => err(1051, '42S02', `Unknown table '${names}'`);
export const noSuchTable = (db: string, t: string) => err(1146, '42S02', `Table '${db}.${t}' doesn't exist`);
export const unknownColumn = (c: string, where: string) =>
  err(1054, '42S22', `Unknown column '${c}' in '${where}'`);
export const columnCannotBeNull = (c: string) => err(1048, '23000', `Column '${c}' cannot be null`);
export const noDefault = (c: string) => err(1364, 'HY000', `Field '${c}' doesn't have a default value`);
export const duplicateEntry = (value: string, key: string) =>
  err(1062, '23000', `Duplicate entry '${value}' for key '${key}'`);
export const columnCount = () => err(1136, '21S01', "Column count doesn't match value count at row 1");
export const noQuery = () => err(1065, '42000', 'Query was empty');
export const dbAccessDenied = (user: string, host: string, db: string) =>
  err(1044, '42000', `Access denied for user '${user}'@'${host}' to database '${db}'`);
/** For statements the lab does not simulate: the server's "not supported" error, naming the statement. */
export const notSupported = (what: string) =>
  err(1235, '42000', `This version of MariaDB doesn't yet support '${what}'`);

/** ER_PARSE_ERROR: the text from where parsing failed, cut to 80 characters (`%-.80s`), and its line. */
export function syntaxError(sql: string, at: number): SqlError {
  const near = sql.slice(at, at + 80);
  const line = sql.slice(0, at).split('\n').length;
  return err(
    1064,
    '42000',
    `You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near '${near}' at line ${line}`,
  );
}
