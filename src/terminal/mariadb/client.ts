/**
 * The `mariadb` command-line client (and its `mysql` alias) inside a pod, following client/mysql.cc
 * of MariaDB 11.x: options, the password prompt (`Enter password: `, not echoed), connecting
 * (connect.ts), the monitor's banner, the `MariaDB [db]> ` prompt with `    -> ` (and `    '> `
 * inside a quote) continuation prompts, `\c`, `\G`, `exit`/`quit`/`\q` -> `Bye`, reconnecting when
 * the server went away (`ERROR 2006 (HY000): Server has gone away`), and batch mode (`-e`, or
 * statements on a non-terminal stdin) with `ERROR … at line N` and exit status 1 on the first error.
 *
 * The SQL engine is loaded on the first statement through a `load` wait, by dynamic import, so it
 * is not part of the page's first-paint JavaScript.
 */
import type { SqlJsStatic } from 'sql.js';
import { mariadbRelease } from '../../core/workloads/mariadbImage.ts';
import type { MariadbServer } from '../../core/workloads/mariadbServers.ts';
import { defaultCollation } from '../../core/workloads/workloadsModule.ts';
import { type PodEnv, podEnvOf } from '../pod/podEnv.ts';
import {
  type CommandDef,
  type CommandEnv,
  type Proc,
  readLine,
  type Wait,
  type WaitResult,
} from '../shell/process.ts';
import { parseClientOptions } from './clientOptions.ts';
import { connect, stillServing } from './connect.ts';
import { errorText, resultText } from './resultFormat.ts';
import { collect } from './sqlLexer.ts';
import type { executeStatement, SqlSession } from './statements.ts';

interface Engine {
  sql: SqlJsStatic;
  execute: typeof executeStatement;
}

let loaded: Engine | undefined;

/** Loads sql.js and the statement executor once (a `load` wait: no virtual time passes). */
function* engine(): Generator<Wait, Engine | undefined, WaitResult> {
  if (loaded) return loaded;
  const promise = Promise.all([
    import('./sqlEngine.ts').then((m) => m.loadSqlEngine()),
    import('./statements.ts'),
  ]).then(([sql, mod]) => ({ sql, execute: mod.executeStatement }));
  const r = yield { type: 'load', promise };
  if (r.type !== 'load' || r.error !== undefined) return undefined;
  loaded = r.value as Engine;
  return loaded;
}

function banner(s: SqlSession): string {
  return (
    'Welcome to the MariaDB monitor.  Commands end with ; or \\g.\n' +
    `Your MariaDB connection id is ${s.connectionId}\n` +
    `Server version: ${s.serverVersion} mariadb.org binary distribution\n\n` +
    'Copyright (c) 2000, 2018, Oracle, MariaDB Corporation Ab and others.\n\n' +
    "Type 'help;' or '\\h' for help. Type '\\c' to clear the current input statement.\n\n"
  );
}

/** `YYYY-MM-DD HH:MM:SS` of the virtual clock (the servers run in UTC). */
function serverNow(env: CommandEnv): string {
  return env.session.sim
    .timestamp()
    .replace('T', ' ')
    .replace(/(\.\d+)?Z$/, '');
}

function sessionFor(
  env: CommandEnv,
  server: MariadbServer,
  user: string,
  clientHost: string,
  id: number,
  db: string | null,
): SqlSession {
  return {
    files: server.files,
    db,
    user,
    clientHost,
    serverVersion: server.version,
    connectionId: id,
    collation: defaultCollation(server.version),
    now: () => serverNow(env),
  };
}

interface Conn {
  session: SqlSession;
  server: MariadbServer | undefined;
}

function* run(program: string, args: readonly string[], env: CommandEnv): Proc {
  const { io } = env;
  const p = podEnvOf(env) as PodEnv;
  const release = mariadbRelease(p.image) ?? '11.3.2';
  if (program === 'mysql' && !release.startsWith('10.'))
    io.stderr(
      "mysql: Deprecated program name. It will be removed in a future release, use '/usr/bin/mariadb' instead\n",
    );
  const parsed = parseClientOptions(args);
  if (!parsed.ok) {
    io.stderr(`${program}: ${parsed.error}\n`);
    return 7;
  }
  const o = parsed.options;
  if (o.version) {
    io.stdout(
      `${program} from ${release}-MariaDB, client 15.2 for debian-linux-gnu (x86_64) using  EditLine wrapper\n`,
    );
    return 0;
  }
  const password = o.password === null ? yield* readLine('Enter password: ', false) : (o.password ?? '');
  const user = o.user ?? p.traits.user;
  const host = o.host ?? 'localhost';
  const sim = env.session.sim;
  const opened = connect(sim, p, host, o.port, user, password);
  if (!opened.ok) {
    io.stderr(opened.text);
    return 1;
  }
  const conn: Conn = {
    session: sessionFor(env, opened.server, user, opened.clientHost, opened.connectionId, null),
    server: opened.server,
  };
  if (o.database !== undefined) {
    const e = yield* engine();
    if (!e) return 1;
    const r = e.execute(e.sql, conn.session, `USE \`${o.database}\``);
    if (r.kind === 'error') {
      io.stderr(errorText(r));
      return 1;
    }
  }
  /** Checks the server is still there; reconnects as the client does. False: no connection. */
  const ensure = (): boolean => {
    if (conn.server && stillServing(sim, conn.server)) return true;
    if (conn.server) io.stderr('ERROR 2006 (HY000): Server has gone away\n');
    io.stdout('No connection. Trying to reconnect...\n');
    const again = connect(sim, p, host, o.port, user, password);
    if (!again.ok) {
      conn.server = undefined;
      io.stderr(`${again.text}ERROR: Can't connect to the server\n\n`);
      return false;
    }
    conn.server = again.server;
    conn.session = sessionFor(env, again.server, user, again.clientHost, again.connectionId, conn.session.db);
    io.stdout(
      `Connection id:    ${again.connectionId}\nCurrent database: ${conn.session.db ?? '*** NONE ***'}\n\n`,
    );
    return true;
  };
  const batchText = o.execute ?? (p.tty ? undefined : io.stdin);
  if (batchText !== undefined) {
    const e = yield* engine();
    if (!e) return 1;
    let line = 1;
    const mode = { vertical: false, batch: true, tty: p.tty && !o.batch };
    const c = collect('', `${batchText}\n;`);
    for (const st of c.statements) {
      if (st.text !== '') {
        const r = e.execute(e.sql, conn.session, st.text);
        if (r.kind === 'error') {
          io.stderr(errorText(r, line));
          return 1;
        }
        io.stdout(resultText(r, { ...mode, vertical: st.vertical }));
      }
      line += st.text.split('\n').length - 1;
    }
    return 0;
  }
  io.stdout(banner(conn.session));
  let pending = '';
  let open: ReturnType<typeof collect>['open'];
  for (;;) {
    const prompt =
      pending === ''
        ? `MariaDB [${conn.session.db ?? '(none)'}]> `
        : open === '/*'
          ? '   /*> '
          : open
            ? `    ${open}> `
            : '    -> ';
    const typed = yield* readLine(prompt);
    const trimmed = typed.trim();
    if (pending === '' && /^(exit|quit)\s*;?$|^\\q$/i.test(trimmed)) {
      io.stdout('Bye\n');
      return 0;
    }
    if (pending === '' && /^use\s+\S+?;?$/i.test(trimmed)) {
      if (!ensure()) continue;
      const e = yield* engine();
      if (!e) return 1;
      const r = e.execute(e.sql, conn.session, trimmed.replace(/;$/, ''));
      io.stdout(r.kind === 'error' ? '' : resultText(r, { vertical: false, batch: false, tty: true }));
      if (r.kind === 'error') io.stderr(errorText(r));
      continue;
    }
    if (pending === '' && trimmed === '') continue;
    const c = collect(pending, typed);
    pending = c.rest;
    open = c.open;
    for (const st of c.statements) {
      if (st.text === '') {
        io.stderr('ERROR: No query specified\n\n');
        continue;
      }
      if (!ensure()) continue;
      const e = yield* engine();
      if (!e) {
        io.stderr('ERROR 2013 (HY000): Lost connection to server during query\n');
        return 1;
      }
      const r = e.execute(e.sql, conn.session, st.text);
      if (r.kind === 'error') io.stderr(errorText(r));
      else io.stdout(resultText(r, { vertical: st.vertical, batch: false, tty: true }));
    }
    if (c.command === 'quit') {
      io.stdout('Bye\n');
      return 0;
    }
  }
}

/** The client programs of MariaDB images: `mariadb` and its deprecated `mysql` name. */
export const MARIADB_CLIENT_COMMANDS: readonly CommandDef[] = [
  { name: 'mariadb', run: (args, env) => run('mariadb', args, env) },
  { name: 'mysql', run: (args, env) => run('mysql', args, env) },
];
