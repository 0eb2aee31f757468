/**
 * The image log texts as pure functions of a run: the MariaDB entrypoint's branches (datadir reused at
 * an older release, clean shutdown on SIGTERM, a run cut short) and the official nginx image's start-up
 * lines. Expected strings are the upstream scripts' and programs' own (see mariadbLog.ts, nginxLog.ts).
 */
import { describe, expect, it } from 'vitest';
import { type MariadbRun, mariadbRunLog } from './mariadbLog.ts';
import { nginxRunLog } from './nginxLog.ts';

const base: MariadbRun = {
  server: '11.4.2-MariaDB-ubu2404',
  hostname: 'db-0',
  env: { MARIADB_ROOT_PASSWORD: 'x' },
  datadir: 'populated',
  storedVersion: '11.4.2-MariaDB',
  missingPassword: false,
  startedAt: 0,
  servingAt: 3000,
};

describe('mariadbRunLog', () => {
  it('a datadir of an older major.minor: the entrypoint notes the upgrade it skips', () => {
    const lines = mariadbRunLog({ ...base, storedVersion: '11.3.2-MariaDB' }).map((l) => l.text);
    expect(lines[4]).toBe(
      '2024-06-01 10:00:00+00:00 [Note] [Entrypoint]: MariaDB upgrade (mariadb-upgrade or creating healthcheck users) required, but skipped due to $MARIADB_AUTO_UPGRADE setting',
    );
    expect(lines[0]).toBe(
      '2024-06-01 10:00:00+00:00 [Note] [Entrypoint]: Entrypoint script for MariaDB Server 1:11.4.2+maria~ubu2404 started.',
    );
  });

  it('times: ready at servingAt, strictly increasing, server stamps pad the hour with a space', () => {
    const log = mariadbRunLog({ ...base, startedAt: 0, servingAt: 5000 });
    const ready = log.find((l) => l.text.endsWith('mariadbd: ready for connections.'));
    expect(ready?.at).toBe(5000);
    expect(ready?.text).toBe('2024-06-01 10:00:05 0 [Note] mariadbd: ready for connections.');
    for (let i = 1; i < log.length; i++) expect(log[i]?.at).toBeGreaterThan(log[i - 1]?.at as number);
  });

  it('SIGTERM after serving ends with the clean shutdown; a run cut short before serving just stops', () => {
    const stopped = mariadbRunLog({ ...base, finishedAt: 60_000, exitCode: 0 }).map((l) => l.text);
    expect(stopped.slice(-3)).toEqual([
      '2024-06-01 10:00:59 0 [Note] InnoDB: Shutdown completed; log sequence number 47779; transaction id 15',
      '2024-06-01 10:00:59 0 [Note] mariadbd: Shutdown complete',
      '',
    ]);
    const cut = mariadbRunLog({ ...base, finishedAt: 1000, exitCode: 137 });
    expect(cut.every((l) => l.at <= 1000)).toBe(true);
    expect(cut.some((l) => l.text.includes('ready for connections'))).toBe(false);
  });

  it('first start with a random password and a user database: docker_setup_db notes them', () => {
    const lines = mariadbRunLog({
      ...base,
      datadir: 'empty',
      env: {
        MARIADB_RANDOM_ROOT_PASSWORD: '1',
        MARIADB_DATABASE: 'shop',
        MARIADB_USER: 'app',
        MARIADB_PASSWORD: 'p',
      },
      generatedPassword: 'abc',
    }).map((l) => l.text.replace(/^\S+ \S+ /, ''));
    const at = lines.indexOf('[Note] [Entrypoint]: GENERATED ROOT PASSWORD: abc');
    expect(lines.slice(at, at + 5)).toEqual([
      '[Note] [Entrypoint]: GENERATED ROOT PASSWORD: abc',
      '[Note] [Entrypoint]: Creating database shop',
      '[Note] [Entrypoint]: Creating user app',
      '[Note] [Entrypoint]: Giving user app access to schema shop',
      '[Note] [Entrypoint]: Securing system users (equivalent to running mysql_secure_installation)',
    ]);
  });
});

describe('nginxRunLog', () => {
  it('the entrypoint lines, then nginx notices with the version, kernel and one worker per CPU', () => {
    const lines = nginxRunLog({
      tag: '1.27.0',
      kernel: '5.15.0-107-generic',
      cpus: 2,
      startedAt: 0,
      servingAt: 500,
    });
    expect(lines.map((l) => l.text).slice(8)).toEqual([
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      '2024/06/01 10:00:00 [notice] 1#1: using the "epoll" event method',
      '2024/06/01 10:00:00 [notice] 1#1: nginx/1.27.0',
      '2024/06/01 10:00:00 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) ',
      '2024/06/01 10:00:00 [notice] 1#1: OS: Linux 5.15.0-107-generic',
      '2024/06/01 10:00:00 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
      '2024/06/01 10:00:00 [notice] 1#1: start worker processes',
      '2024/06/01 10:00:00 [notice] 1#1: start worker process 29',
      '2024/06/01 10:00:00 [notice] 1#1: start worker process 30',
    ]);
  });
});
