/**
 * The textbook chapter (shared/seed/000_832488ea48ebe21f.txt) end to end through the headless runner:
 * every command of the chapter that runs inside a pod, with the screen checked line by line. What the
 * book trimmed or what the simulation decides (pod IPs, ages) is read from the screen's own
 * `kubectl get pod -o wide` output, never written into the expectation.
 */
import { describe, expect, it } from 'vitest';
import { HOST_COMMANDS } from '../commands.ts';
import { runScript } from '../shell/session.ts';

const run = (lines: readonly string[]) => runScript(lines, { commands: HOST_COMMANDS });

const SETUP = [
  'minikube addons disable storage-provisioner',
  'minikube addons disable default-storageclass',
  'minikube addons enable csi-hostpath-driver',
  'kubectl apply -f minimal-sts.yaml',
  'sleep 70',
];

/** The IP column of `kubectl get pod NAME -o wide` on the screen. */
function ipOf(screen: string, pod: string): string {
  const line = screen.split('\n').find((l) => l.startsWith(`${pod} `) && /\d+\.\d+\.\d+\.\d+/.test(l));
  const ip = line?.match(/\b(\d+\.\d+\.\d+\.\d+)\b/)?.[1];
  if (!ip) throw new Error(`no IP for ${pod} on screen:\n${screen}`);
  return ip;
}

/** The part of the screen from the line typed as `from` (inclusive) up to the next host prompt. */
function section(screen: string, from: string): string {
  const at = screen.indexOf(from);
  if (at < 0) throw new Error(`"${from}" not on screen:\n${screen}`);
  const rest = screen.slice(at);
  const end = rest.indexOf('\n$ ');
  return end < 0 ? rest : rest.slice(0, end + 1);
}

describe('the chapter inside the pods', () => {
  it('resolves the headless service, the pod name and the reverse address (内部DNSの確認)', async () => {
    const first = await run([...SETUP, 'kubectl get pod mariadb-sts-0 -o wide']);
    const ip = ipOf(first, 'mariadb-sts-0');
    const reversed = ip.split('.').reverse().join('.');
    const screen = await run([
      ...SETUP,
      'kubectl get pod mariadb-sts-0 -o wide',
      'kubectl run -it my-pod --image=ghcr.io/takara9/my-ubuntu:0.3 -- bash',
      'nslookup mariadb-svc',
      `nslookup ${ip}`,
      'nslookup mariadb-sts-0.mariadb-svc.default.svc.cluster.local',
      'nslookup no-such-name',
      'exit',
    ]);
    expect(section(screen, '$ kubectl run -it my-pod')).toBe(
      [
        '$ kubectl run -it my-pod --image=ghcr.io/takara9/my-ubuntu:0.3 -- bash',
        "If you don't see a command prompt, try pressing enter.",
        'nobody@my-pod:/$ nslookup mariadb-svc',
        'Server:\t\t10.96.0.10',
        'Address:\t10.96.0.10#53',
        '',
        'Name:\tmariadb-svc.default.svc.cluster.local',
        `Address: ${ip}`,
        '',
        `nobody@my-pod:/$ nslookup ${ip}`,
        `${reversed}.in-addr.arpa\tname = mariadb-sts-0.mariadb-svc.default.svc.cluster.local.`,
        '',
        'nobody@my-pod:/$ nslookup mariadb-sts-0.mariadb-svc.default.svc.cluster.local',
        'Server:\t\t10.96.0.10',
        'Address:\t10.96.0.10#53',
        '',
        'Name:\tmariadb-sts-0.mariadb-svc.default.svc.cluster.local',
        `Address: ${ip}`,
        '',
        'nobody@my-pod:/$ nslookup no-such-name',
        'Server:\t\t10.96.0.10',
        'Address:\t10.96.0.10#53',
        '',
        "** server can't find no-such-name: NXDOMAIN",
        '',
        'nobody@my-pod:/$ exit',
        'exit',
        "Session ended, resume using 'kubectl attach my-pod -c my-pod -i -t' command when the pod is running",
        '',
      ].join('\n'),
    );
  });

  it('creates a database from a client pod, and finds it again after the server pod was recreated', async () => {
    const screen = await run([
      ...SETUP,
      'kubectl run -it my-client --image=mariadb:11.3.2-jammy -- bash',
      'mariadb --host mariadb-svc --password',
      'secret',
      'create database test1;',
      'show databases;',
      'exit',
      'exit',
      'sleep 20',
      'kubectl get pod',
      'kubectl delete pod mariadb-sts-0',
      'kubectl wait --for=condition=Ready pod/mariadb-sts-0 --timeout=2m',
      'sleep 10',
      'kubectl exec -it my-client -- bash',
      'mariadb --host mariadb-svc --password',
      'secret',
      'show databases;',
      'exit',
      'exit',
    ]);
    const banner = [
      'Enter password: ',
      'Welcome to the MariaDB monitor.  Commands end with ; or \\g.',
      'Your MariaDB connection id is 3',
      'Server version: 11.3.2-MariaDB-1:11.3.2+maria~ubu2204 mariadb.org binary distribution',
      '',
      'Copyright (c) 2000, 2018, Oracle, MariaDB Corporation Ab and others.',
      '',
      "Type 'help;' or '\\h' for help. Type '\\c' to clear the current input statement.",
      '',
    ];
    const databases = [
      'MariaDB [(none)]> show databases;',
      '+--------------------+',
      '| Database           |',
      '+--------------------+',
      '| information_schema |',
      '| mysql              |',
      '| performance_schema |',
      '| sys                |',
      '| test1              |',
      '+--------------------+',
      '5 rows in set (0.001 sec)',
      '',
    ];
    expect(section(screen, '$ kubectl run -it my-client')).toBe(
      [
        '$ kubectl run -it my-client --image=mariadb:11.3.2-jammy -- bash',
        "If you don't see a command prompt, try pressing enter.",
        'root@my-client:/# mariadb --host mariadb-svc --password',
        ...banner,
        'MariaDB [(none)]> create database test1;',
        'Query OK, 1 row affected (0.001 sec)',
        '',
        ...databases,
        'MariaDB [(none)]> exit',
        'Bye',
        'root@my-client:/# exit',
        'exit',
        "Session ended, resume using 'kubectl attach my-client -c my-client -i -t' command when the pod is running",
        '',
      ].join('\n'),
    );
    // the shell's exit ended the container; restartPolicy Always restarted it once
    expect(section(screen, '$ kubectl get pod\n')).toMatch(
      /\nmy-client +1\/1 +Running +1 \(\d+s ago\) +\d+s\n/,
    );
    expect(section(screen, '$ kubectl exec -it my-client -- bash')).toBe(
      [
        '$ kubectl exec -it my-client -- bash',
        'root@my-client:/# mariadb --host mariadb-svc --password',
        ...banner,
        ...databases,
        'MariaDB [(none)]> exit',
        'Bye',
        'root@my-client:/# exit',
        'exit',
        '',
      ].join('\n'),
    );
  });
});
