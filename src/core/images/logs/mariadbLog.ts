/**
 * What the official MariaDB image writes to its container log, as data and one pure function over a
 * run of the container. Follows MariaDB/mariadb-docker 11.3 docker-entrypoint.sh (April 2024 images):
 * `_main` prints "Entrypoint script for MariaDB Server ${MARIADB_VERSION} started." twice (before and
 * after `gosu mysql`), warns that the cgroup's memory.pressure is not writable; on an empty datadir
 * `docker_verify_minimum_env` (the ERROR when no root password option is set), then
 * `docker_mariadb_init` (mariadb-install-db and its banner, the temporary server, `docker_setup_db`,
 * the init-process-done note), on a datadir that exists `_check_if_upgrade_is_needed` ("MariaDB
 * upgrade not required", or the skipped-upgrade note when the datadir's mariadb_upgrade_info is an
 * older major.minor); then `exec mariadbd` and the server's own start-up and shutdown notes.
 *
 * The server lines are those of a real 11.3.2-jammy first start (docker logs, 2025), with what the
 * lab's node differs in: pods run unconfined by seccomp, so liburing works ("InnoDB: Using liburing"
 * instead of the io_uring warnings docker's default profile causes), and the hostname in the
 * skip-name-resolve warnings is the pod's. Lab approximations: InnoDB's LSN and transaction ids are
 * those of a fresh datadir whatever the tables hold; the temporary server's process id is the one of
 * that transcript; MARIADB_AUTO_UPGRADE and /docker-entrypoint-initdb.d are not modelled.
 */
import { mariadbServerTime, mariadbShortTime, rfc3339Seconds } from './logTime.ts';

/** What a MariaDB release prints about itself. */
interface MariadbRelease {
  /** the image's MARIADB_VERSION, e.g. `1:11.3.2+maria~ubu2204` */
  packageVersion: string;
  /** `source revision` of the `Starting MariaDB` note */
  revision: string;
  zlib: string;
  /** 11.3 added the wsrep provider plugin, whose "is disabled" note follows FEEDBACK's */
  wsrepProviderPlugin: boolean;
}

/** Keyed by the server version string (mariadbImage.ts mariadbServerVersion). */
const RELEASES: Record<string, MariadbRelease> = {
  '11.3.2-MariaDB-1:11.3.2+maria~ubu2204': {
    packageVersion: '1:11.3.2+maria~ubu2204',
    revision: '068a6819eb63bcb01fdfa037c9bf3bf63c33ee42',
    zlib: '1.2.11',
    wsrepProviderPlugin: true,
  },
  '11.4.2-MariaDB-ubu2404': {
    packageVersion: '1:11.4.2+maria~ubu2404',
    revision: '3fca5ed772fb75e3e57c507edef2985f8eba5b12',
    zlib: '1.3',
    wsrepProviderPlugin: true,
  },
  '10.11.8-MariaDB-ubu2204': {
    packageVersion: '1:10.11.8+maria~ubu2204',
    revision: '3a069644682e336e445039e48baae9693f9a08ee',
    zlib: '1.2.11',
    wsrepProviderPlugin: false,
  },
};

/** One run of a MariaDB server container, as the simulation saw it. Times are virtual ms. */
export interface MariadbRun {
  /** the server version string, e.g. `11.3.2-MariaDB-1:11.3.2+maria~ubu2204` */
  server: string;
  hostname: string;
  env: Readonly<Record<string, string>>;
  /** the datadir when the entrypoint looked: empty (it initialises it) or populated */
  datadir: 'empty' | 'populated';
  /** mariadb_upgrade_info of a populated datadir (`11.3.2-MariaDB`) */
  storedVersion?: string;
  /** the root password MARIADB_RANDOM_ROOT_PASSWORD generated (workloadsModule rootPasswordFromEnv) */
  generatedPassword?: string;
  /** true when the entrypoint stops at once for want of a root password option */
  missingPassword: boolean;
  startedAt: number;
  /** when the server accepts connections ("ready for connections.") */
  servingAt: number;
  /** when the process ended, and how (0: after SIGTERM, a clean shutdown) */
  finishedAt?: number;
  exitCode?: number;
}

/** A line as the container wrote it, and when. */
export interface LogLine {
  at: number;
  text: string;
}

/** A line before its time is known: `f` is its place (0..1) between start and serving. */
interface Planned {
  f: number;
  text: (at: number) => string;
}

const note = (text: string) => (at: number) => `${rfc3339Seconds(at)} [Note] [Entrypoint]: ${text}`;
const server =
  (text: string, level = 'Note') =>
  (at: number) =>
    `${mariadbServerTime(at)} 0 [${level}] ${text}`;
const raw = (text: string) => () => text;

/** mariadb-install-db's closing banner (scripts/mariadb-install-db.sh, without --skip-test-db hints). */
const INSTALL_DB_BANNER = [
  '',
  '',
  'PLEASE REMEMBER TO SET A PASSWORD FOR THE MariaDB root USER !',
  'To do so, start the server, then issue the following command:',
  '',
  "'/usr/bin/mariadb-secure-installation'",
  '',
  'which will also give you the option of removing the test',
  'databases and anonymous user created by default.  This is',
  'strongly recommended for production servers.',
  '',
  'See the MariaDB Knowledgebase at https://mariadb.com/kb',
  '',
  'Please report any problems at https://mariadb.org/jira',
  '',
  'The latest information about MariaDB is available at https://mariadb.org/.',
  '',
  "Consider joining MariaDB's strong and vibrant community:",
  'https://mariadb.org/get-involved/',
  '',
];

const MISSING_PASSWORD =
  'Database is uninitialized and password option is not specified\n' +
  '\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD';

/** InnoDB's start-up notes up to "log sequence number" (same for the temporary and the real server). */
function innodbStart(release: MariadbRelease): string[] {
  return [
    `InnoDB: Compressed tables use zlib ${release.zlib}`,
    'InnoDB: Number of transaction pools: 1',
    'InnoDB: Using crc32 + pclmulqdq instructions',
    'mariadbd: O_TMPFILE is not supported on /tmp (disabling future attempts)',
    'InnoDB: Using liburing',
    'InnoDB: Initializing buffer pool, total size = 128.000MiB, chunk size = 2.000MiB',
    'InnoDB: Completed initialization of buffer pool',
    'InnoDB: File system buffers for log disabled (block size=4096 bytes)',
    'InnoDB: End of log at LSN=47779',
    'InnoDB: Opened 3 undo tablespaces',
    'InnoDB: 128 rollback segments in 3 undo tablespaces are active.',
    "InnoDB: Setting file './ibtmp1' size to 12.000MiB. Physically writing the file full; Please wait ...",
    "InnoDB: File './ibtmp1' size is now 12.000MiB.",
    'InnoDB: log sequence number 47779; transaction id 14',
  ];
}

function plugins(release: MariadbRelease): string[] {
  return [
    "Plugin 'FEEDBACK' is disabled.",
    ...(release.wsrepProviderPlugin ? ["Plugin 'wsrep-provider' is disabled."] : []),
  ];
}

/** The server's shutdown notes after SIGTERM (mariadbd's "Normal shutdown" through the blank line). */
function shutdown(): Planned[] {
  return [
    { f: 0, text: server('mariadbd (initiated by: unknown): Normal shutdown') },
    { f: 0, text: server('InnoDB: FTS optimize thread exiting.') },
    { f: 0, text: server('InnoDB: Starting shutdown...') },
    { f: 0, text: server('InnoDB: Dumping buffer pool(s) to /var/lib/mysql/ib_buffer_pool') },
    {
      f: 0,
      text: (at) =>
        `${mariadbServerTime(at)} 0 [Note] InnoDB: Buffer pool(s) dump completed at ${mariadbShortTime(at)}`,
    },
    { f: 0, text: server('InnoDB: Removed temporary tablespace data file: "./ibtmp1"') },
    { f: 0, text: server('InnoDB: Shutdown completed; log sequence number 47779; transaction id 15') },
    { f: 0, text: server('mariadbd: Shutdown complete') },
    { f: 0, text: raw('') },
  ];
}

/** The temporary server of docker_temp_server_start: no networking, no buffer-pool load. */
function temporaryServer(run: MariadbRun, release: MariadbRelease): Planned[] {
  const at = (f: number, text: (t: number) => string): Planned => ({ f, text });
  return [
    at(0.36, server(`Starting MariaDB ${run.server} source revision ${release.revision} as process 111`)),
    ...innodbStart(release).map((t) => at(0.37, server(t))),
    ...plugins(release).map((t) => at(0.38, server(t))),
    at(0.38, server(`'user' entry 'root@${run.hostname}' ignored in --skip-name-resolve mode.`, 'Warning')),
    at(
      0.38,
      server(
        `'proxies_priv' entry '@% root@${run.hostname}' ignored in --skip-name-resolve mode.`,
        'Warning',
      ),
    ),
    at(0.39, server('mariadbd: Event Scheduler: Loaded 0 events')),
    at(0.4, server('mariadbd: ready for connections.')),
    at(
      0.4,
      raw(
        `Version: '${run.server}'  socket: '/run/mysqld/mysqld.sock'  port: 0  mariadb.org binary distribution`,
      ),
    ),
  ];
}

/** The real server (`exec mariadbd`, process 1), from its first note to "ready for connections." at f = 1. */
function mainServer(run: MariadbRun, release: MariadbRelease, from: number): Planned[] {
  const step = (1 - from) / 4;
  const at = (f: number, text: (t: number) => string): Planned => ({ f, text });
  return [
    at(from, server(`Starting MariaDB ${run.server} source revision ${release.revision} as process 1`)),
    ...innodbStart(release).map((t) => at(from + step, server(t))),
    at(from + step * 2, server('InnoDB: Loading buffer pool(s) from /var/lib/mysql/ib_buffer_pool')),
    ...plugins(release).map((t) => at(from + step * 2, server(t))),
    at(
      from + step * 3,
      (t) =>
        `${mariadbServerTime(t)} 0 [Note] InnoDB: Buffer pool(s) load completed at ${mariadbShortTime(t)}`,
    ),
    at(from + step * 3, server("Server socket created on IP: '0.0.0.0'.")),
    at(from + step * 3, server("Server socket created on IP: '::'.")),
    at(from + step * 3, server('mariadbd: Event Scheduler: Loaded 0 events')),
    at(1, server('mariadbd: ready for connections.')),
    at(
      1,
      raw(
        `Version: '${run.server}'  socket: '/run/mysqld/mysqld.sock'  port: 3306  mariadb.org binary distribution`,
      ),
    ),
  ];
}

function envOf(run: MariadbRun, name: string): string {
  return run.env[`MARIADB_${name}`] || run.env[`MYSQL_${name}`] || '';
}

/** docker_mariadb_init on an empty datadir, from "Initializing database files" to "Ready for start up." */
function initialisation(run: MariadbRun, release: MariadbRelease): Planned[] {
  const at = (f: number, text: (t: number) => string): Planned => ({ f, text });
  const database = envOf(run, 'DATABASE');
  const user = envOf(run, 'USER');
  const out: Planned[] = [
    at(0.02, note('Initializing database files')),
    ...INSTALL_DB_BANNER.map((l) => at(0.3, raw(l))),
    at(0.35, note('Database files initialized')),
    at(0.35, note('Starting temporary server')),
    at(0.35, note('Waiting for server startup')),
    ...temporaryServer(run, release),
    at(0.55, note('Temporary server started.')),
  ];
  if (run.generatedPassword !== undefined)
    out.push(at(0.8, note(`GENERATED ROOT PASSWORD: ${run.generatedPassword}`)));
  if (database) out.push(at(0.8, note(`Creating database ${database}`)));
  if ((envOf(run, 'PASSWORD') || run.env.MARIADB_PASSWORD_HASH) && user) {
    out.push(at(0.8, note(`Creating user ${user}`)));
    if (database) out.push(at(0.8, note(`Giving user ${user} access to schema ${database}`)));
  }
  out.push(
    at(0.85, note('Securing system users (equivalent to running mysql_secure_installation)')),
    at(0.85, raw('')),
    at(0.86, note('Stopping temporary server')),
    ...shutdown().map((p) => at(0.87, p.text)),
    at(0.88, note('Temporary server stopped')),
    at(0.88, raw('')),
    at(0.88, note('MariaDB init process done. Ready for start up.')),
    at(0.88, raw('')),
  );
  return out;
}

/** `_check_if_upgrade_is_needed` on a datadir that exists: compares major.minor of stored and image. */
function upgradeNote(run: MariadbRun): string {
  const [oldMajor, oldMinor] = (run.storedVersion ?? '').split(/[.-]/).map(Number);
  const [newMajor, newMinor] = run.server.split(/[.-]/).map(Number);
  const older =
    run.storedVersion === undefined || oldMajor < newMajor || (oldMajor === newMajor && oldMinor < newMinor);
  return older
    ? 'MariaDB upgrade (mariadb-upgrade or creating healthcheck users) required, but skipped due to $MARIADB_AUTO_UPGRADE setting'
    : 'MariaDB upgrade not required';
}

/** Lays planned lines out in time: at their fraction of start..serving, strictly increasing by ms. */
function place(planned: Planned[], start: number, span: number, after = start - 1): LogLine[] {
  let prev = after;
  return planned.map((p) => {
    const at = Math.max(prev + 1, start + Math.round(p.f * span));
    prev = at;
    return { at, text: p.text(at) };
  });
}

/** Splits an entry with embedded newlines into the lines a log reader sees. */
function lines(entries: LogLine[]): LogLine[] {
  return entries.flatMap((e) => e.text.split('\n').map((text) => ({ at: e.at, text })));
}

/**
 * Every line the run writes, with its time (lines after `finishedAt` are never written; a run that
 * ends with exit code 0 ends with the server's shutdown notes). Unknown releases get the 11.3.2
 * texts with their own version string. Pure.
 */
export function mariadbRunLog(run: MariadbRun): LogLine[] {
  const release = RELEASES[run.server] ?? RELEASES['11.3.2-MariaDB-1:11.3.2+maria~ubu2204'];
  const head: Planned[] = [
    { f: 0, text: note(`Entrypoint script for MariaDB Server ${release.packageVersion} started.`) },
    {
      f: 0,
      text: (at) =>
        `${rfc3339Seconds(at)} [Warn] [Entrypoint]: /sys/fs/cgroup///memory.pressure not writable, functionality unavailable to MariaDB`,
    },
    { f: 0, text: note("Switching to dedicated user 'mysql'") },
    { f: 0, text: note(`Entrypoint script for MariaDB Server ${release.packageVersion} started.`) },
  ];
  const span = Math.max(0, run.servingAt - run.startedAt);
  let planned: Planned[];
  if (run.missingPassword)
    planned = [
      ...head,
      { f: 0, text: (at) => `${rfc3339Seconds(at)} [ERROR] [Entrypoint]: ${MISSING_PASSWORD}` },
    ];
  else if (run.datadir === 'empty')
    planned = [...head, ...initialisation(run, release), ...mainServer(run, release, 0.9)];
  else planned = [...head, { f: 0.01, text: note(upgradeNote(run)) }, ...mainServer(run, release, 0.05)];
  let out = place(planned, run.startedAt, span);
  if (run.finishedAt !== undefined) {
    const end = run.finishedAt;
    out = out.filter((l) => l.at <= end);
    const ready = out.some((l) => l.text.endsWith('port: 3306  mariadb.org binary distribution'));
    if (run.exitCode === 0 && ready) {
      const notes = shutdown();
      const from = Math.max(out[out.length - 1]?.at ?? run.startedAt, end - notes.length);
      out = out.concat(place(notes, from + 1, 0, from));
    }
  }
  return lines(out);
}
