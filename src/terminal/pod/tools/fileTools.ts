/**
 * File programs of a container as GNU coreutils 8.32 (Debian/Ubuntu images) prints them: `cat`,
 * `ls` (`-l`, `-a`, `-A`, `-1`, `-h`, `-d`; names in columns on a terminal as ls's
 * print_many_per_line lays them out for 80 columns, one per line otherwise), `df` (`-h`) and `pwd`.
 * Error texts are coreutils' own with the quotes it uses in a UTF-8 locale.
 * Lab differences: timestamps in `ls -l` are the current virtual time; owners are `root` (the
 * datadir's `mysql`, uid 999, in MariaDB images); `df` shows one fixed minikube node disk.
 */
import type { CommandDef, CommandEnv, Proc } from '../../shell/process.ts';
import { catFiles } from '../../shell/tools.ts';
import { podEnvOf, podFsOf } from '../podEnv.ts';
import type { FsEntry, PodFs } from '../podFiles.ts';

const WIDTH = 80;

/** Lays names out in columns as GNU ls does on an 80-column terminal (top to bottom, then across). */
export function columns(names: readonly string[], width = WIDTH): string {
  if (names.length === 0) return '';
  for (let cols = names.length; cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    const used = Math.ceil(names.length / rows);
    if (used !== cols) continue;
    const widths: number[] = [];
    for (let c = 0; c < cols; c++)
      widths.push(Math.max(...names.slice(c * rows, c * rows + rows).map((n) => n.length)));
    const total = widths.reduce((a, w) => a + w, 0) + 2 * (cols - 1);
    if (total >= width && cols > 1) continue;
    let out = '';
    for (let r = 0; r < rows; r++) {
      const cells: string[] = [];
      for (let c = 0; c < cols; c++) {
        const name = names[c * rows + r];
        if (name === undefined) continue;
        const last = c === cols - 1 || names[(c + 1) * rows + r] === undefined;
        cells.push(last ? name : name.padEnd(widths[c] + 2));
      }
      out += `${cells.join('')}\n`;
    }
    return out;
  }
  return names.map((n) => `${n}\n`).join('');
}

function humanSize(n: number): string {
  if (n < 1024) return String(n);
  const units = ['K', 'M', 'G', 'T'];
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v < 10 ? Math.ceil(v * 10) / 10 : Math.ceil(v)}${units[u]}`;
}

function lsDate(env: CommandEnv): string {
  const iso = env.session.sim.timestamp();
  const d = new Date(iso);
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
    d.getUTCMonth()
  ];
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${month} ${String(d.getUTCDate()).padStart(2)} ${hh}:${mm}`;
}

function longListing(entries: readonly FsEntry[], env: CommandEnv, dirPath: string, human: boolean): string {
  const mysqlOwned = dirPath.startsWith('/var/lib/mysql') && /mariadb/.test(podEnvOf(env)?.image ?? '');
  const owner = mysqlOwned ? 'mysql' : 'root';
  const rows = entries.map((e) => {
    const mode = e.dir
      ? mysqlOwned
        ? 'drwx------'
        : 'drwxr-xr-x'
      : mysqlOwned
        ? '-rw-rw----'
        : '-rw-r--r--';
    return [mode, e.dir ? '2' : '1', owner, owner, human ? humanSize(e.size) : String(e.size), e.name];
  });
  const w = [1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => r[i].length)));
  const date = lsDate(env);
  const blocks = entries.reduce((a, e) => a + Math.ceil(e.size / 4096) * 4, 0);
  const total = human ? humanSize(blocks * 1024) : String(blocks);
  return `total ${total}\n${rows
    .map(
      (r) =>
        `${r[0]} ${r[1].padStart(w[0])} ${r[2].padEnd(w[1])} ${r[3].padEnd(w[2])} ${r[4].padStart(w[3])} ${date} ${r[5]}\n`,
    )
    .join('')}`;
}

function* ls(args: readonly string[], env: CommandEnv): Proc {
  const { io } = env;
  const fs = podFsOf(env) as PodFs;
  const opts = new Set<string>();
  const paths: string[] = [];
  for (const a of args) {
    if (a.startsWith('-') && a.length > 1 && !a.startsWith('--')) for (const c of a.slice(1)) opts.add(c);
    else if (a === '--all') opts.add('a');
    else paths.push(a);
  }
  for (const o of opts)
    if (!'lahA1dFR'.includes(o)) {
      io.stderr(`ls: invalid option -- '${o}'\nTry 'ls --help' for more information.\n`);
      return 2;
    }
  const tty = podEnvOf(env)?.tty ?? false;
  const targets = paths.length ? paths : ['.'];
  let status = 0;
  const blocks: string[] = [];
  const filesShown: FsEntry[] = [];
  for (const p of targets) {
    const abs = fs.resolve(p);
    const what = fs.read(abs);
    if (what === undefined) {
      io.stderr(`ls: cannot access '${p}': No such file or directory\n`);
      status = 2;
      continue;
    }
    if (what !== 'dir' || opts.has('d')) {
      filesShown.push({
        name: p,
        dir: what === 'dir',
        size: what === 'dir' ? 4096 : new TextEncoder().encode(what).length,
      });
      continue;
    }
    let entries = fs.list(abs) ?? [];
    if (!opts.has('a') && !opts.has('A')) entries = entries.filter((e) => !e.name.startsWith('.'));
    if (opts.has('a'))
      entries = [{ name: '.', dir: true, size: 4096 }, { name: '..', dir: true, size: 4096 }, ...entries];
    const body = opts.has('l')
      ? longListing(entries, env, abs, opts.has('h'))
      : tty && !opts.has('1')
        ? columns(entries.map((e) => e.name))
        : entries.map((e) => `${e.name}\n`).join('');
    blocks.push(targets.length > 1 ? `${p}:\n${body}` : body);
  }
  const fileBody = filesShown.length
    ? opts.has('l')
      ? longListing(filesShown, env, '', opts.has('h')).replace(/^total .*\n/, '')
      : tty && !opts.has('1')
        ? columns(filesShown.map((e) => e.name))
        : filesShown.map((e) => `${e.name}\n`).join('')
    : '';
  io.stdout([fileBody, ...blocks].filter((b) => b !== '').join('\n'));
  return status;
}

function* cat(args: readonly string[], env: CommandEnv): Proc {
  const fs = podFsOf(env) as PodFs;
  return catFiles(args, env.io, (f) => fs.read(fs.resolve(f)));
}

/** The minikube node's disk as the container sees it (1K blocks): a typical 98G docker host disk. */
const NODE_DISK = { size: 102_626_232, used: 24_117_248, avail: 73_249_688 };

function* df(args: readonly string[], env: CommandEnv): Proc {
  const { io } = env;
  const human = args.some((a) => /^-[a-zA-Z]*h/.test(a));
  const fs = podFsOf(env) as PodFs;
  type Row = [string, number, number, number, string];
  const disk = (mount: string): Row => ['/dev/sda1', NODE_DISK.size, NODE_DISK.used, NODE_DISK.avail, mount];
  let rows: Row[] = [
    ['overlay', NODE_DISK.size, NODE_DISK.used, NODE_DISK.avail, '/'],
    ['tmpfs', 65_536, 0, 65_536, '/dev'],
    ['shm', 65_536, 0, 65_536, '/dev/shm'],
    disk('/etc/hosts'),
    ['tmpfs', 8_052_980, 12, 8_052_968, '/run/secrets/kubernetes.io/serviceaccount'],
    ['tmpfs', 4_026_488, 0, 4_026_488, '/proc/acpi'],
    ['tmpfs', 4_026_488, 0, 4_026_488, '/sys/firmware'],
  ];
  const paths = args.filter((a) => !a.startsWith('-'));
  if (paths.length) {
    const mounts = fs.mountPoints().filter((m) => !m.startsWith('/var/run/secrets'));
    const out: Row[] = [];
    for (const p of paths) {
      const abs = fs.resolve(p);
      if (fs.read(abs) === undefined) {
        io.stderr(`df: ${p}: No such file or directory\n`);
        continue;
      }
      const m = mounts.find((x) => abs === x || abs.startsWith(`${x}/`));
      out.push(m ? disk(m) : (rows[0] as Row));
    }
    if (out.length === 0) return 1;
    rows = out;
  }
  const fmt = (n: number) => (human ? (n === 0 ? '0' : humanSize(n * 1024)) : String(n));
  const table = [
    human
      ? ['Filesystem', 'Size', 'Used', 'Avail', 'Use%', 'Mounted on']
      : ['Filesystem', '1K-blocks', 'Used', 'Available', 'Use%', 'Mounted on'],
    ...rows.map((r) => [
      r[0],
      fmt(r[1]),
      fmt(r[2]),
      fmt(r[3]),
      `${r[1] === 0 ? 0 : Math.ceil((r[2] * 100) / (r[2] + r[3]))}%`,
      r[4],
    ]),
  ];
  // GNU df's minimum widths: 14 for the source, 5 for human-readable sizes
  const min = [14, human ? 5 : 0, human ? 5 : 0, human ? 5 : 0, 4];
  const w = [0, 1, 2, 3, 4].map((i) => Math.max(min[i], ...table.map((r) => r[i].length)));
  io.stdout(
    table
      .map(
        (r) =>
          `${r[0].padEnd(w[0])} ${r[1].padStart(w[1])} ${r[2].padStart(w[2])} ${r[3].padStart(w[3])} ${r[4].padStart(w[4])} ${r[5]}\n`,
      )
      .join(''),
  );
  return 0;
}

// biome-ignore lint/correctness/useYield: prints and returns
function* pwd(_args: readonly string[], env: CommandEnv): Proc {
  env.io.stdout(`${podEnvOf(env)?.cwd ?? '/'}\n`);
  return 0;
}

/** The file programs of a pod shell. */
export const FILE_COMMANDS: readonly CommandDef[] = [
  { name: 'ls', run: ls },
  { name: 'cat', run: cat },
  { name: 'df', run: df },
  { name: 'pwd', run: pwd },
];
