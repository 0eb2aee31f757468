/**
 * The MariaDB server's data lives on the pod's volume: it survives the pod, each replica has its own,
 * a Delete retention policy loses it with the claim, and the client's connection errors read as the
 * real client prints them. Driven through the headless runner, as a learner would type it.
 */
import { describe, expect, it } from 'vitest';
import { HOST_COMMANDS } from '../commands.ts';
import { runScript } from '../shell/session.ts';

const run = (lines: readonly string[]) => runScript(lines, { commands: HOST_COMMANDS });

const SETUP = [
  'minikube addons enable csi-hostpath-driver',
  'kubectl apply -f minimal-sts.yaml',
  'kubectl wait --for=condition=Ready pod/mariadb-sts-0 --timeout=2m',
  'sleep 10',
];

const sql = (pod: string, statement: string) =>
  `kubectl exec ${pod} -- mariadb -uroot -psecret -e "${statement}"`;

/** What the command typed as `typed` printed (up to the next host prompt). */
function outputOf(screen: string, typed: string): string {
  const at = screen.indexOf(`$ ${typed}\n`);
  if (at < 0) throw new Error(`"${typed}" not on screen:\n${screen}`);
  const rest = screen.slice(at + typed.length + 3);
  const end = rest.indexOf('$ ');
  return end < 0 ? rest : rest.slice(0, end);
}

const scaleTo = (n: number) => [
  `kubectl scale sts mariadb-sts --replicas=${n}`,
  n === 0
    ? 'kubectl wait --for=delete pod/mariadb-sts-0 --timeout=2m'
    : 'kubectl rollout status sts mariadb-sts --timeout=3m',
  'sleep 10',
];

describe('MariaDB data on the volume', () => {
  it('survives deleting the pod, and stays with the claim under the default Retain policy', async () => {
    const show = sql('mariadb-sts-0', 'show databases');
    const screen = await run([
      ...SETUP,
      sql('mariadb-sts-0', 'create database shop'),
      'kubectl delete pod mariadb-sts-0',
      'kubectl wait --for=condition=Ready pod/mariadb-sts-0 --timeout=2m',
      'sleep 10',
      show,
      ...scaleTo(0),
      ...scaleTo(1),
      `${show} `,
    ]);
    // batch output without a terminal: a header line and one line per row
    const expected = 'Database\ninformation_schema\nmysql\nperformance_schema\nshop\nsys\n';
    expect(outputOf(screen, show)).toBe(expected);
    expect(outputOf(screen, `${show} `)).toBe(expected);
  });

  it('is lost with the claim when whenScaled is Delete, after a scale-down and back up', async () => {
    const show = sql('mariadb-sts-0', 'show databases');
    const screen = await run([
      ...SETUP,
      sql('mariadb-sts-0', 'create database shop'),
      `kubectl patch sts mariadb-sts -p '{"spec":{"persistentVolumeClaimRetentionPolicy":{"whenScaled":"Delete"}}}'`,
      ...scaleTo(0),
      'sleep 30',
      ...scaleTo(1),
      show,
    ]);
    expect(outputOf(screen, show)).toBe('Database\ninformation_schema\nmysql\nperformance_schema\nsys\n');
  });

  it('is separate per replica (no replication)', async () => {
    const on0 = sql('mariadb-sts-0', "show databases like 'only%'");
    const on1 = sql('mariadb-sts-1', "show databases like 'only%'");
    const screen = await run([
      ...SETUP,
      ...scaleTo(2),
      sql('mariadb-sts-0', 'create database only0'),
      on0,
      on1,
    ]);
    expect(outputOf(screen, on0)).toBe('Database (only%)\nonly0\n');
    expect(outputOf(screen, on1)).toBe('');
  });

  it('keeps tables and rows in files under /var/lib/mysql/<db>/', async () => {
    const screen = await run([
      ...SETUP,
      sql(
        'mariadb-sts-0',
        "create database shop; use shop; create table items (id int primary key, name varchar(20)); insert into items values (1, 'tea')",
      ),
      'kubectl exec mariadb-sts-0 -- ls /var/lib/mysql/shop',
      'kubectl exec mariadb-sts-0 -- ls /var/lib/mysql',
      'kubectl delete pod mariadb-sts-0',
      'kubectl wait --for=condition=Ready pod/mariadb-sts-0 --timeout=2m',
      'sleep 10',
      sql('mariadb-sts-0', 'select * from shop.items'),
    ]);
    expect(outputOf(screen, 'kubectl exec mariadb-sts-0 -- ls /var/lib/mysql/shop')).toBe(
      'db.opt\nitems.frm\nitems.ibd\n',
    );
    const datadir = outputOf(screen, 'kubectl exec mariadb-sts-0 -- ls /var/lib/mysql').split('\n');
    for (const name of [
      'aria_log.00000001',
      'ib_logfile0',
      'ibdata1',
      'mysql',
      'performance_schema',
      'sys',
      'shop',
    ])
      expect(datadir).toContain(name);
    expect(outputOf(screen, sql('mariadb-sts-0', 'select * from shop.items'))).toBe('id\tname\n1\ttea\n');
  });
});

describe('connecting', () => {
  it('a wrong password is refused for the client pod address; a missing password says NO', async () => {
    const screen = await run([
      ...SETUP,
      'kubectl run -it my-client --image=mariadb:11.3.2-jammy -- bash',
      'mariadb -h mariadb-svc -pwrong',
      'mariadb -h mariadb-svc',
      'exit',
      'kubectl get pod my-client -o wide',
    ]);
    const line =
      screen.split('\n').find((l) => l.startsWith('my-client ') && /\d+\.\d+\.\d+\.\d+/.test(l)) ?? '';
    const clientIp = line.match(/\b(\d+\.\d+\.\d+\.\d+)\b/)?.[1];
    expect(clientIp).toBeDefined();
    expect(screen).toContain(
      `root@my-client:/# mariadb -h mariadb-svc -pwrong\nERROR 1045 (28000): Access denied for user 'root'@'${clientIp}' (using password: YES)\n`,
    );
    expect(screen).toContain(
      `root@my-client:/# mariadb -h mariadb-svc\nERROR 1045 (28000): Access denied for user 'root'@'${clientIp}' (using password: NO)\n`,
    );
  });

  it('a server that is not Ready yet is not in DNS; an unknown name fails to resolve', async () => {
    const screen = await run([
      'minikube addons enable csi-hostpath-driver',
      'kubectl apply -f minimal-sts.yaml',
      'kubectl run -it my-client --image=mariadb:11.3.2-jammy -- bash',
      'mariadb -h mariadb-svc -psecret',
      'mariadb -h nosuch -psecret',
      'mariadb -psecret',
    ]);
    expect(screen).toContain(
      "mariadb -h mariadb-svc -psecret\nERROR 2005 (HY000): Unknown server host 'mariadb-svc' (-2)\n",
    );
    expect(screen).toContain(
      "mariadb -h nosuch -psecret\nERROR 2005 (HY000): Unknown server host 'nosuch' (-2)\n",
    );
    expect(screen).toContain(
      "mariadb -psecret\nERROR 2002 (HY000): Can't connect to local server through socket '/run/mysqld/mysqld.sock' (2)\n",
    );
  });

  it('the mysql name warns that it is deprecated, and unknown databases are refused', async () => {
    const screen = await run([...SETUP, 'kubectl exec -it mariadb-sts-0 -- mysql -uroot -psecret nodb']);
    expect(outputOf(screen, 'kubectl exec -it mariadb-sts-0 -- mysql -uroot -psecret nodb')).toBe(
      "mysql: Deprecated program name. It will be removed in a future release, use '/usr/bin/mariadb' instead\n" +
        "ERROR 1049 (42000): Unknown database 'nodb'\ncommand terminated with exit code 1\n",
    );
  });
});
