import { describe, expect, it } from 'vitest';
import { HOST_COMMANDS } from '../commands.ts';
import { runScript } from '../shell/session.ts';
import { columns } from './tools/fileTools.ts';

const run = (lines: readonly string[]) => runScript(lines, { commands: HOST_COMMANDS });

/** What the line typed at `prompt` printed, up to the next prompt of that shell. */
function outputAfter(screen: string, prompt: string, typed: string): string {
  const at = screen.indexOf(`${prompt}${typed}\n`);
  if (at < 0) throw new Error(`"${prompt}${typed}" not on screen:\n${screen}`);
  const rest = screen.slice(at + prompt.length + typed.length + 1);
  return rest.slice(0, rest.indexOf(prompt) < 0 ? undefined : rest.indexOf(prompt));
}

describe('pod shells', () => {
  it('busybox: its prompt, its old nslookup, and ash texts for missing commands', async () => {
    const screen = await run([
      'kubectl run -it --rm --image=busybox:1.28 dns-test --restart=Never -- sh',
      'nslookup kubernetes.default',
      'nslookup nosuch',
      'bash',
      'cd /nope',
      'exit',
    ]);
    expect(screen).toContain(
      "If you don't see a command prompt, try pressing enter.\n/ # nslookup kubernetes.default\n",
    );
    expect(outputAfter(screen, '/ # ', 'nslookup kubernetes.default')).toBe(
      'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n' +
        'Name:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n',
    );
    expect(outputAfter(screen, '/ # ', 'nslookup nosuch')).toBe(
      "Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nnslookup: can't resolve 'nosuch'\n",
    );
    expect(outputAfter(screen, '/ # ', 'bash')).toBe('sh: bash: not found\n');
    expect(outputAfter(screen, '/ # ', 'cd /nope')).toBe(
      "sh: cd: can't cd to /nope: No such file or directory\n",
    );
    // --restart=Never: no resume hint; --rm deletes the pod; `exit` takes the failed cd's status 1,
    // so the container failed and kubectl reports it
    expect(
      screen.endsWith('/ # exit\npod "dns-test" deleted\npod default/dns-test terminated (Error)\n'),
    ).toBe(true);
  });

  it('bash: hostname, env with the container env and service variables, cd/pwd/ls, not found', async () => {
    const screen = await run([
      'kubectl run -it web --image=ubuntu:22.04 --env=GREETING=hello -- bash',
      'hostname',
      'hostname -i',
      'env | grep -e GREETING -e KUBERNETES_SERVICE_HOST -e HOSTNAME',
      'cd /etc',
      'pwd',
      'ls hostname hosts resolv.conf',
      'cat hostname',
      'nslookup web',
      'exit 3',
    ]);
    expect(outputAfter(screen, 'root@web:/# ', 'hostname')).toBe('web\n');
    expect(outputAfter(screen, 'root@web:/# ', 'hostname -i')).toMatch(/^10\.244\.0\.\d+\n$/);
    expect(
      outputAfter(screen, 'root@web:/# ', 'env | grep -e GREETING -e KUBERNETES_SERVICE_HOST -e HOSTNAME'),
    ).toBe('HOSTNAME=web\nKUBERNETES_SERVICE_HOST=10.96.0.1\nGREETING=hello\n');
    expect(outputAfter(screen, 'root@web:/etc# ', 'pwd')).toBe('/etc\n');
    expect(outputAfter(screen, 'root@web:/etc# ', 'ls hostname hosts resolv.conf')).toBe(
      'hostname  hosts  resolv.conf\n',
    );
    expect(outputAfter(screen, 'root@web:/etc# ', 'cat hostname')).toBe('web\n');
    // the plain ubuntu image has no dnsutils
    expect(outputAfter(screen, 'root@web:/etc# ', 'nslookup web')).toBe(
      'bash: nslookup: command not found\n',
    );
    expect(screen).toContain('root@web:/etc# exit 3\nexit\nSession ended, resume using');
  });

  it('kubectl exec without a terminal runs one program; a missing one is the runtime error', async () => {
    const screen = await run([
      'kubectl run web --image=ubuntu:22.04 -- sleep 3600',
      'sleep 20',
      "kubectl exec web -- sh -c 'echo $HOSTNAME; exit 4'",
      'kubectl exec web -- nslookup web',
    ]);
    expect(screen).toContain(
      "$ kubectl exec web -- sh -c 'echo $HOSTNAME; exit 4'\nweb\ncommand terminated with exit code 4\n",
    );
    expect(screen).toContain(
      '$ kubectl exec web -- nslookup web\nOCI runtime exec failed: exec failed: unable to start container process: exec: "nslookup": executable file not found in $PATH: unknown\r\ncommand terminated with exit code 126\n',
    );
  });

  it('lays names out in columns like GNU ls on 80 columns', () => {
    const names = [
      'bin',
      'boot',
      'dev',
      'etc',
      'home',
      'lib',
      'lib32',
      'lib64',
      'libx32',
      'media',
      'mnt',
      'opt',
      'proc',
      'root',
      'run',
      'sbin',
      'srv',
      'sys',
      'tmp',
      'usr',
      'var',
    ];
    const out = columns(names);
    for (const line of out.split('\n')) expect(line.length).toBeLessThan(80);
    expect(out.split('\n')[0].startsWith('bin')).toBe(true);
    // every name once, top to bottom then across
    expect(out.split(/\s+/).filter(Boolean)).toHaveLength(names.length);
  });
});
