/**
 * `kubectl logs` against the lab's image log source, through the terminal: the chapter's MariaDB
 * StatefulSet on first start (empty volume) and after its pod is recreated on the same claim, the
 * crash loop of a MariaDB pod without a root password (`-p` and the CrashLoopBackOff rule of the
 * kubelet's validateContainerLogStatus), --tail / --timestamps / --since, and -f following a
 * running container until it stops. Expected texts are the MariaDB entrypoint's own strings
 * (MariaDB/mariadb-docker 11.3 docker-entrypoint.sh) and the server's (a real 11.3.2 start-up log).
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../core/api/types.ts';
import { exitContainer } from '../../../core/lifecycle/podActions.ts';
import { minikubeCommand } from '../../minikube/minikubeCommand.ts';
import { FILTER_COMMANDS } from '../../shell/filters.ts';
import { runScript as runWith, Session } from '../../shell/session.ts';
import { TOOL_COMMANDS } from '../../shell/tools.ts';
import { kubectlCommand } from '../kubectlCommand.ts';

const COMMANDS = [...TOOL_COMMANDS, ...FILTER_COMMANDS, minikubeCommand, kubectlCommand];
const runScript = (lines: string[]) => runWith(lines, { commands: COMMANDS });

const CHAPTER = [
  'minikube addons enable volumesnapshots',
  'minikube addons enable csi-hostpath-driver',
  'kubectl apply -f minimal-sts.yaml',
  'sleep 60',
];

/** The output of the last command of a screen (what follows its `$ line`). */
function outputOf(screen: string, line: string): string {
  const at = screen.lastIndexOf(`$ ${line}\n`);
  const rest = screen.slice(at + line.length + 3);
  const next = rest.search(/^\$ /m);
  return next >= 0 ? rest.slice(0, next) : rest;
}

const ENTRYPOINT_STARTED =
  '[Note] [Entrypoint]: Entrypoint script for MariaDB Server 1:11.3.2+maria~ubu2204 started.';
const READY_3306 =
  "Version: '11.3.2-MariaDB-1:11.3.2+maria~ubu2204'  socket: '/run/mysqld/mysqld.sock'  port: 3306  mariadb.org binary distribution";

describe('kubectl logs of the chapter MariaDB pod', () => {
  it('first start on an empty volume: the entrypoint initialises the datadir, then the server serves on 3306', async () => {
    const screen = await runScript([...CHAPTER, 'kubectl logs mariadb-sts-0']);
    const out = outputOf(screen, 'kubectl logs mariadb-sts-0').split('\n');
    expect(out[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+00:00 /);
    expect(out[0]?.endsWith(ENTRYPOINT_STARTED)).toBe(true);
    expect(out.filter((l) => l.endsWith(ENTRYPOINT_STARTED))).toHaveLength(2);
    for (const step of [
      "[Note] [Entrypoint]: Switching to dedicated user 'mysql'",
      '[Note] [Entrypoint]: Initializing database files',
      '[Note] [Entrypoint]: Database files initialized',
      '[Note] [Entrypoint]: Temporary server started.',
      '[Note] [Entrypoint]: Securing system users (equivalent to running mysql_secure_installation)',
      '[Note] [Entrypoint]: MariaDB init process done. Ready for start up.',
    ])
      expect(out.some((l) => l.endsWith(step))).toBe(true);
    expect(out).toContain('PLEASE REMEMBER TO SET A PASSWORD FOR THE MariaDB root USER !');
    // the temporary server listens on no port, the real one on 3306; the log ends with the real one
    expect(out.filter((l) => l.startsWith("Version: '11.3.2"))).toEqual([
      READY_3306.replace('port: 3306', 'port: 0'),
      READY_3306,
    ]);
    expect(out.at(-2)).toBe(READY_3306);
    // the skip-name-resolve warnings name the pod's hostname
    expect(
      out.some((l) =>
        l.endsWith("[Warning] 'user' entry 'root@mariadb-sts-0' ignored in --skip-name-resolve mode."),
      ),
    ).toBe(true);
    expect(out.some((l) => l.includes('upgrade not required'))).toBe(false);
  });

  it('the recreated pod finds the populated volume: no initialisation, "MariaDB upgrade not required"', async () => {
    const screen = await runScript([
      ...CHAPTER,
      'kubectl delete pod mariadb-sts-0',
      'sleep 60',
      'kubectl logs mariadb-sts-0',
    ]);
    const out = outputOf(screen, 'kubectl logs mariadb-sts-0').split('\n');
    expect(out[4]).toMatch(/ \[Note\] \[Entrypoint\]: MariaDB upgrade not required$/);
    expect(out.some((l) => l.includes('Initializing database files'))).toBe(false);
    expect(out.some((l) => l.includes('as process 1'))).toBe(true);
    expect(out.at(-2)).toBe(READY_3306);
  });

  it('--tail, --timestamps and --since select and stamp lines as kubectl does', async () => {
    const screen = await runScript([
      ...CHAPTER,
      'kubectl logs mariadb-sts-0',
      'kubectl logs mariadb-sts-0 --tail=2 --timestamps',
      'kubectl logs mariadb-sts-0 --since=5s',
    ]);
    const all = outputOf(screen, 'kubectl logs mariadb-sts-0').trimEnd().split('\n');
    const tail = outputOf(screen, 'kubectl logs mariadb-sts-0 --tail=2 --timestamps').trimEnd().split('\n');
    expect(tail).toHaveLength(2);
    tail.forEach((line, i) => {
      expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z /);
      expect(line.slice(31)).toBe(all[all.length - 2 + i]);
    });
    // the server was ready long before the last 5 s: nothing was written since
    expect(outputOf(screen, 'kubectl logs mariadb-sts-0 --since=5s')).toBe('');
  });
});

describe('kubectl logs of a crash-looping MariaDB pod', () => {
  it('-p and the CrashLoopBackOff container show the entrypoint refusing to initialise without a password', async () => {
    const screen = await runScript([
      'kubectl run nopw --image=mariadb:11.3.2-jammy',
      'sleep 90',
      'kubectl logs nopw -p',
      'kubectl logs nopw --tail=2',
    ]);
    const previous = outputOf(screen, 'kubectl logs nopw -p').split('\n');
    expect(previous[4]).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+00:00 \[ERROR\] \[Entrypoint\]: Database is uninitialized and password option is not specified$/,
    );
    expect(previous[5]).toBe(
      '\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD',
    );
    expect(previous).toHaveLength(7);
    expect(outputOf(screen, 'kubectl logs nopw --tail=2').split('\n').slice(0, 2)).toEqual(
      previous.slice(4, 6),
    );
  });
});

describe('kubectl logs -f', () => {
  it('prints lines as the container writes them and ends when that container instance stops', () => {
    const session = new Session({ seed: 3, commands: COMMANDS });
    let screen = '';
    session.onOutput((t) => {
      screen += t;
    });
    session.submitLine('kubectl run db --image=mariadb:11.3.2-jammy --env=MARIADB_ROOT_PASSWORD=secret');
    const sim = session.sim;
    const running = () =>
      sim.store.get<Pod>('Pod', 'default', 'db')?.status?.containerStatuses?.[0]?.state.running !== undefined;
    expect(sim.runUntil(running, 120_000)).toBe(true);
    session.tick();
    session.submitLine('kubectl logs -f db');
    expect(session.isBusy).toBe(true);
    const early = screen;
    expect(early).toContain(ENTRYPOINT_STARTED);
    expect(early).not.toContain(READY_3306);
    sim.advance(20_000);
    session.tick();
    expect(session.isBusy).toBe(true);
    expect(screen.slice(early.length)).toContain(READY_3306);
    const before = screen.length;
    expect(exitContainer(sim, 'default', 'db', 1)).toBe(true);
    sim.advance(100);
    session.tick();
    expect(session.isBusy).toBe(false);
    // nothing printed twice: every line appears once
    const lines = screen.slice(screen.indexOf('$ kubectl logs -f db\n')).split('\n');
    expect(lines.filter((l) => l === READY_3306)).toHaveLength(1);
    expect(screen.length).toBeGreaterThanOrEqual(before);
  });
});
