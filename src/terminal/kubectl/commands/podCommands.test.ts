import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../core/api/types.ts';
import { logHooks } from './logs.ts';
import { addPod, bareSim, kubectl, stateText } from './verbTestKit.ts';

describe('kubectl exec (no terminal)', () => {
  it('hostname is the pod name; -f gives the DNS name (statefulset-semantics §1.4)', () => {
    const sim = bareSim();
    addPod(sim, 'web-1');
    expect(kubectl(sim, 'exec web-1 -- hostname')).toEqual({ stdout: 'web-1\n', stderr: '', code: 0 });
    expect(kubectl(sim, 'exec web-1 -- hostname -f').stdout).toBe('web-1.nginx.default.svc.cluster.local\n');
  });

  it('a failing command ends with "command terminated with exit code N"', () => {
    const sim = bareSim();
    addPod(sim, 'web-0');
    expect(kubectl(sim, 'exec web-0 -- cat /nope')).toEqual({
      stdout: '',
      stderr: 'cat: /nope: No such file or directory\ncommand terminated with exit code 1\n',
      code: 1,
    });
  });

  it('needs a command and a started container', () => {
    const sim = bareSim();
    addPod(sim, 'web-0', 'ContainerCreating');
    expect(kubectl(sim, 'exec web-0').stderr).toBe(
      'error: you must specify at least one command for the container\n',
    );
    expect(kubectl(sim, 'exec web-0 -- hostname').stderr).toBe(
      'error: unable to upgrade connection: container not found ("nginx")\n',
    );
    expect(kubectl(sim, 'exec nope -- hostname').stderr).toBe(
      'Error from server (NotFound): pods "nope" not found\n',
    );
  });
});

describe('kubectl logs', () => {
  it('a waiting container is the apiserver BadRequest of kubectl-output §5', () => {
    const sim = bareSim();
    addPod(sim, 'mariadb-sts-0', 'ContainerCreating');
    expect(kubectl(sim, 'logs mariadb-sts-0')).toEqual({
      stdout: '',
      stderr:
        'Error from server (BadRequest): container "nginx" in pod "mariadb-sts-0" is waiting to start: ContainerCreating\n',
      code: 1,
    });
  });

  it('prints the container log lines, --tail keeps the last ones, -p needs a previous run', () => {
    const sim = bareSim();
    addPod(sim, 'web-0');
    const saved = logHooks.lines;
    logHooks.lines = () => ['one', 'two', 'three'];
    try {
      expect(kubectl(sim, 'logs web-0').stdout).toBe('one\ntwo\nthree\n');
      expect(kubectl(sim, 'logs web-0 --tail=1').stdout).toBe('three\n');
      expect(kubectl(sim, 'logs web-0 -p').stderr).toBe(
        'Error from server (BadRequest): previous terminated container "nginx" in pod "web-0" not found\n',
      );
      expect(kubectl(sim, 'logs web-0 -c foo').stderr).toBe(
        'Error from server (BadRequest): container foo is not valid for pod web-0\n',
      );
    } finally {
      logHooks.lines = saved;
    }
  });
});

describe('kubectl run (no terminal)', () => {
  it('creates the pod kubectl really creates and prints "pod/NAME created"', () => {
    const sim = bareSim();
    const r = kubectl(sim, 'run dns-test --image=busybox:1.28 --restart=Never --env=A=1 -- sleep 3600');
    expect(r).toEqual({ stdout: 'pod/dns-test created\n', stderr: '', code: 0 });
    const pod = sim.store.get<Pod>('Pod', 'default', 'dns-test') as Pod;
    expect(pod.metadata.labels).toEqual({ run: 'dns-test' });
    expect(pod.spec.restartPolicy).toBe('Never');
    expect(pod.spec.containers).toEqual([
      { name: 'dns-test', image: 'busybox:1.28', args: ['sleep', '3600'], env: [{ name: 'A', value: '1' }] },
    ]);
  });

  it('--labels replaces run=NAME', () => {
    const sim = bareSim();
    kubectl(sim, 'run web --image=nginx --labels=app=web,tier=fe');
    expect(sim.store.get('Pod', 'default', 'web')?.metadata.labels).toEqual({ app: 'web', tier: 'fe' });
  });

  it('errors change nothing', () => {
    const sim = bareSim();
    addPod(sim, 'web');
    const before = stateText(sim);
    expect(kubectl(sim, 'run web --image=nginx').stderr).toBe(
      'Error from server (AlreadyExists): pods "web" already exists\n',
    );
    expect(kubectl(sim, 'run x').stderr).toBe('error: --image is required\n');
    expect(kubectl(sim, 'run x --image=nginx --restart=Sometimes').stderr).toBe(
      'error: invalid restart policy: Sometimes\n',
    );
    expect(kubectl(sim, 'run x --image=Nginx').stderr).toBe(
      'error: Invalid image name "Nginx": invalid reference format\n',
    );
    expect(stateText(sim)).toBe(before);
  });
});
