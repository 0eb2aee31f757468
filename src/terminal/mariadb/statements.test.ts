import type { SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { initialiseDatadir } from '../../core/workloads/mariadbDatadir.ts';
import { errorText, resultText } from './resultFormat.ts';
import { loadSqlEngine } from './sqlEngine.ts';
import { collect } from './sqlLexer.ts';
import { executeStatement, type SqlSession } from './statements.ts';

let engine: SqlJsStatic;
beforeAll(async () => {
  engine = await loadSqlEngine();
});

function newSession(): SqlSession {
  const files: Record<string, string> = {};
  initialiseDatadir(files, {
    rootPassword: 'pw',
    version: '11.3.2-MariaDB',
    salt: 't',
    collation: 'utf8mb4_general_ci',
  });
  return {
    files,
    db: null,
    user: 'root',
    clientHost: '10.244.0.17',
    serverVersion: '11.3.2-MariaDB-1:11.3.2+maria~ubu2204',
    connectionId: 3,
    collation: 'utf8mb4_general_ci',
    now: () => '2024-06-01 10:00:00',
  };
}

/** What the interactive client prints for one statement. */
function say(s: SqlSession, sql: string): string {
  const r = executeStatement(engine, s, sql);
  return r.kind === 'error' ? errorText(r) : resultText(r, { vertical: false, batch: false, tty: true });
}

describe('MariaDB statements (kubectl-output §11)', () => {
  it('database statements and their errors', () => {
    const s = newSession();
    expect(say(s, 'create database test1')).toBe('Query OK, 1 row affected (0.001 sec)\n\n');
    expect(say(s, 'create database test1')).toBe(
      "ERROR 1007 (HY000): Can't create database 'test1'; database exists\n",
    );
    expect(say(s, 'create database if not exists test1')).toBe(
      'Query OK, 1 row affected, 1 warning (0.001 sec)\n\n',
    );
    expect(say(s, 'show tables')).toBe('ERROR 1046 (3D000): No database selected\n');
    expect(say(s, 'use nodb')).toBe("ERROR 1049 (42000): Unknown database 'nodb'\n");
    expect(say(s, 'use test1')).toBe('Database changed\n');
    expect(s.db).toBe('test1');
    expect(say(s, 'show tables')).toBe('Empty set (0.001 sec)\n\n');
    expect(say(s, 'drop database nodb')).toBe(
      "ERROR 1008 (HY000): Can't drop database 'nodb'; database doesn't exist\n",
    );
    expect(say(s, 'drop database test1')).toBe('Query OK, 0 rows affected (0.001 sec)\n\n');
    expect(s.db).toBeNull();
  });

  it('tables: create, describe, insert, select with right-aligned numbers, update, delete', () => {
    const s = newSession();
    say(s, 'create database shop');
    say(s, 'use shop');
    expect(
      say(
        s,
        'create table items (id int auto_increment primary key, name varchar(20) not null, price decimal(6,2))',
      ),
    ).toBe('Query OK, 0 rows affected (0.001 sec)\n\n');
    expect(say(s, 'create table items (x int)')).toBe("ERROR 1050 (42S01): Table 'items' already exists\n");
    expect(say(s, 'describe items')).toBe(
      [
        '+-------+--------------+------+-----+---------+----------------+',
        '| Field | Type         | Null | Key | Default | Extra          |',
        '+-------+--------------+------+-----+---------+----------------+',
        '| id    | int(11)      | NO   | PRI | NULL    | auto_increment |',
        '| name  | varchar(20)  | NO   |     | NULL    |                |',
        '| price | decimal(6,2) | YES  |     | NULL    |                |',
        '+-------+--------------+------+-----+---------+----------------+',
        '3 rows in set (0.001 sec)',
        '',
        '',
      ].join('\n'),
    );
    expect(say(s, "insert into items (name, price) values ('tea', 3.5)")).toBe(
      'Query OK, 1 row affected (0.001 sec)\n\n',
    );
    expect(say(s, "insert into items (name, price) values ('coffee', 12), ('milk', NULL)")).toBe(
      'Query OK, 2 rows affected (0.001 sec)\nRecords: 2  Duplicates: 0  Warnings: 0\n\n',
    );
    expect(say(s, 'select * from items')).toBe(
      [
        '+----+--------+-------+',
        '| id | name   | price |',
        '+----+--------+-------+',
        '|  1 | tea    |  3.50 |',
        '|  2 | coffee | 12.00 |',
        '|  3 | milk   |  NULL |',
        '+----+--------+-------+',
        '3 rows in set (0.001 sec)',
        '',
        '',
      ].join('\n'),
    );
    expect(say(s, "update items set price = 4 where name = 'tea'")).toBe(
      'Query OK, 1 row affected (0.001 sec)\nRows matched: 1  Changed: 1  Warnings: 0\n\n',
    );
    expect(say(s, 'delete from items where id = 3')).toBe('Query OK, 1 row affected (0.001 sec)\n\n');
    expect(say(s, 'select * from missing')).toBe("ERROR 1146 (42S02): Table 'shop.missing' doesn't exist\n");
    expect(say(s, 'select nope from items')).toBe(
      "ERROR 1054 (42S22): Unknown column 'nope' in 'field list'\n",
    );
    expect(say(s, 'selct 1')).toBe(
      "ERROR 1064 (42000): You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'selct 1' at line 1\n",
    );
    // AUTO_INCREMENT keeps counting after the highest row was deleted (InnoDB keeps its counter)
    say(s, 'delete from items where id = 2');
    say(s, "insert into items (name) values ('juice')");
    expect(say(s, "select id from items where name = 'juice'")).toContain('|  4 |');
  });

  it('the client collects statements over lines and knows which quote is open', () => {
    expect(collect('', 'select 1;')).toMatchObject({
      statements: [{ text: 'select 1', vertical: false }],
      rest: '',
    });
    const partial = collect('', "select 'a;");
    expect(partial.statements).toEqual([]);
    expect(partial.open).toBe("'");
    expect(collect(partial.rest, "b';").statements).toEqual([{ text: "select 'a;\nb'", vertical: false }]);
    expect(collect('', 'show databases\\G').statements).toEqual([{ text: 'show databases', vertical: true }]);
    expect(collect('select', '\\c')).toMatchObject({ command: 'clear', rest: '' });
  });
});
