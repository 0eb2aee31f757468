/**
 * The `mariadb` client's command line (client/mysql.cc `my_long_options`, parsed by my_getopt):
 * `--host/-h`, `--user/-u`, `--password[=x]/-p[x]` (a bare `-p` or `--password` asks for it),
 * `--port/-P`, `--database/-D` or the first positional word, `--execute/-e`, `--batch/-B`,
 * `--table/-t`, `--version/-V`. Long options may be given as `--opt=value` or `--opt value`.
 */

export interface ClientOptions {
  host?: string;
  user?: string;
  /** undefined: none given; null: asked for at the prompt */
  password?: string | null;
  port: number;
  database?: string;
  execute?: string;
  batch: boolean;
  table: boolean;
  version: boolean;
}

export type ParsedOptions = { ok: true; options: ClientOptions } | { ok: false; error: string };

const LONG_WITH_VALUE: Record<string, keyof ClientOptions> = {
  host: 'host',
  user: 'user',
  port: 'port',
  database: 'database',
  execute: 'execute',
};
const SHORT_WITH_VALUE: Record<string, keyof ClientOptions> = {
  h: 'host',
  u: 'user',
  P: 'port',
  D: 'database',
  e: 'execute',
};

/** Parses the client's arguments; errors read as my_getopt prints them (without the program name). */
export function parseClientOptions(args: readonly string[]): ParsedOptions {
  const o: ClientOptions = { port: 3306, batch: false, table: false, version: false };
  const set = (key: keyof ClientOptions, value: string): string | undefined => {
    if (key === 'port') {
      if (!/^\d+$/.test(value)) return `Incorrect integer value: '${value}'`;
      o.port = Number(value);
    } else (o as unknown as Record<string, unknown>)[key] = value;
    return undefined;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const inline = eq < 0 ? undefined : a.slice(eq + 1);
      if (name === 'password') o.password = inline ?? null;
      else if (name === 'batch') o.batch = true;
      else if (name === 'table') o.table = true;
      else if (name === 'version') o.version = true;
      else if (name in LONG_WITH_VALUE) {
        const value = inline ?? args[++i];
        if (value === undefined) return { ok: false, error: `option '--${name}' requires an argument` };
        const err = set(LONG_WITH_VALUE[name], value);
        if (err) return { ok: false, error: err };
      } else return { ok: false, error: `unknown option '--${name}'` };
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (c === 'p') {
          o.password = j + 1 < a.length ? a.slice(j + 1) : null;
          break;
        }
        if (c === 'B') o.batch = true;
        else if (c === 't') o.table = true;
        else if (c === 'V') o.version = true;
        else if (c in SHORT_WITH_VALUE) {
          const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (value === undefined) return { ok: false, error: `option '-${c}' requires an argument` };
          const err = set(SHORT_WITH_VALUE[c], value);
          if (err) return { ok: false, error: err };
          break;
        } else return { ok: false, error: `unknown option '-${c}'` };
      }
      continue;
    }
    if (o.database === undefined) o.database = a;
  }
  return { ok: true, options: o };
}
