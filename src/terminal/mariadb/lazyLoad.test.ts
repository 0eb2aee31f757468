/**
 * The SQL engine must not be part of the page's first-paint JavaScript: no module reachable through
 * static imports from src/main.tsx, nor from the lab it loads right after (src/app/boot.tsx, its
 * dynamic import), may import sql.js or the lab's engine modules; they are only reached through the
 * dynamic `import()` inside the MariaDB client's `load` wait.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../../..');
const ENGINE_MODULES = [
  'src/terminal/mariadb/sqlEngine.ts',
  'src/terminal/mariadb/statements.ts',
  'src/terminal/mariadb/sqlRun.ts',
];

/** The static (value) imports of a module: `import x from`, `import {x} from`, `export … from`, `import 'x'`. */
function staticImports(text: string): string[] {
  const out: string[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?([^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) {
    if (m[2]) continue;
    // `import { type A, type B } from` imports only types
    if (
      m[3] &&
      /^\s*\{[^}]*\}\s*from\s*$/.test(m[3]) &&
      /^\{\s*(type\s+\w+\s*(as\s+\w+\s*)?,?\s*)+\}/.test(m[3].trim().replace(/\s*from\s*$/, ''))
    )
      continue;
    out.push(m[4]);
  }
  return out;
}

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return spec;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`])
    if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate;
  return undefined;
}

function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.startsWith('/')) continue;
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      const target = resolveImport(file, spec);
      if (target) stack.push(target);
    }
  }
  return seen;
}

describe('lazy loading of the SQL engine', () => {
  it('nothing reachable from src/main.tsx imports sql.js or the engine modules statically', () => {
    const firstPaint = reachable(resolve(ROOT, 'src/main.tsx'));
    const lab = reachable(resolve(ROOT, 'src/app/boot.tsx'));
    // the scan follows the lab into the terminal: the MariaDB client itself is part of the lab chunk
    expect(lab.has(resolve(ROOT, 'src/terminal/mariadb/client.ts'))).toBe(true);
    for (const graph of [firstPaint, lab]) {
      expect(graph.has('sql.js')).toBe(false);
      for (const m of ENGINE_MODULES) expect(graph.has(resolve(ROOT, m))).toBe(false);
    }
  });

  it('the scan does see a static import when there is one', () => {
    expect(
      staticImports(
        "import { x } from './a.ts';\nimport type { Y } from './b.ts';\nexport { z } from './c.ts';",
      ),
    ).toEqual(['./a.ts', './c.ts']);
  });
});
