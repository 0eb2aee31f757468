/**
 * Loads the SQL engine (sql.js: SQLite compiled to WebAssembly) the first time a MariaDB server
 * runs a statement, never before: this module is only ever reached through a dynamic `import()`
 * inside a `load` wait (see client.ts), so neither sql.js nor its wasm file is part of the page's
 * first-paint JavaScript. In the browser the wasm file's URL comes from Vite's `?url` import; in Node
 * (tests, the headless runner) it is read from node_modules/sql.js/dist beside this repository.
 */
import type { SqlJsStatic } from 'sql.js';

let engine: Promise<SqlJsStatic> | undefined;

const isNode = (): boolean =>
  typeof globalThis.process?.versions?.node === 'string' && typeof globalThis.document === 'undefined';

async function load(): Promise<SqlJsStatic> {
  const mod = (await import('sql.js')) as unknown as { default: (cfg?: object) => Promise<SqlJsStatic> };
  const initSqlJs = mod.default;
  if (isNode()) {
    // a computed path, so the bundler does not turn it into an asset of the browser build
    const relative = ['..', '..', '..', 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm'].join('/');
    const path = decodeURIComponent(new URL(relative, import.meta.url).pathname);
    return initSqlJs({ locateFile: () => path });
  }
  const wasm = (await import('sql.js/dist/sql-wasm-browser.wasm?url')) as { default: string };
  return initSqlJs({ locateFile: () => wasm.default });
}

/** The SQL engine, loading it on the first call (later calls share the same promise). */
export function loadSqlEngine(): Promise<SqlJsStatic> {
  engine ??= load().catch((err: unknown) => {
    engine = undefined;
    throw err;
  });
  return engine;
}
