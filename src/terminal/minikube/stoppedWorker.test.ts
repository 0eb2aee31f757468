/**
 * `minikube status`, `stop` and `start` with a worker that `minikube node stop` powered off.
 * Expected texts: kubernetes/minikube (v1.33) cmd/minikube/cmd/status.go (workerStatusFormat, exitCode:
 * 1 host + 2 kubelet + 4 kubeconfig), pkg/minikube/cluster NodeStatus (a machine that does not run
 * reports its state for every component), pkg/minikube/machine/stop.go (no `Powering off` for a
 * machine already stopped) and pkg/minikube/node/start.go (a stopped worker's container is restarted).
 */
import { describe, expect, it } from 'vitest';
import { HOST_COMMANDS } from '../commands.ts';
import { runScript } from '../shell/session.ts';

const run = (lines: string[]) => runScript(lines, { commands: HOST_COMMANDS });

const CONTROL_PLANE_RUNNING =
  'minikube\ntype: Control Plane\nhost: Running\nkubelet: Running\napiserver: Running\nkubeconfig: Configured\n\n';
const WORKER_RUNNING = 'minikube-m02\ntype: Worker\nhost: Running\nkubelet: Running\n\n';
const WORKER_STOPPED = 'minikube-m02\ntype: Worker\nhost: Stopped\nkubelet: Stopped\n\n';

/** The worker section of `minikube start` for a worker whose container was stopped. */
const RESTARTED_M02 = [
  '👍  Starting "minikube-m02" worker node in "minikube" cluster',
  '🚜  Pulling base image v0.0.44 ...',
  '🔄  Restarting existing docker container for "minikube-m02" ...',
  '🌐  Found network options:',
  '    ▪ NO_PROXY=192.168.49.2',
  '🐳  Preparing Kubernetes v1.30.0 on Docker 26.1.1 ...',
  '    ▪ env NO_PROXY=192.168.49.2',
  '🔎  Verifying Kubernetes components...',
].join('\n');

describe('minikube with a stopped worker', () => {
  it('status reports the stopped worker as Stopped and exits 7', async () => {
    const screen = await run(['minikube node add', 'minikube node stop m02', 'minikube status; echo $?']);
    expect(screen).toContain(`$ minikube status; echo $?\n${CONTROL_PLANE_RUNNING}${WORKER_STOPPED}7\n`);
  });

  it('status is Running again, exit 0, once the worker is started', async () => {
    const screen = await run([
      'minikube node add',
      'minikube node stop m02',
      'minikube node start m02',
      'minikube status; echo $?',
    ]);
    expect(screen).toContain(`$ minikube status; echo $?\n${CONTROL_PLANE_RUNNING}${WORKER_RUNNING}0\n`);
  });

  it('stop does not power off the worker that is already stopped, but counts it', async () => {
    const screen = await run(['minikube node add', 'minikube node stop m02', 'minikube stop']);
    expect(screen).toContain(
      [
        '$ minikube stop',
        '✋  Stopping node "minikube"  ...',
        '🛑  Powering off "minikube" via SSH ...',
        '✋  Stopping node "minikube-m02"  ...',
        '🛑  2 nodes stopped.',
        '',
      ].join('\n'),
    );
  });

  it('stop then start restarts the stopped worker too: Ready, and status Running with exit 0', async () => {
    const screen = await run([
      'minikube node add',
      'minikube node stop m02',
      'minikube stop',
      'minikube start',
      'minikube status; echo $?',
      'kubectl get nodes',
    ]);
    const start = screen.slice(screen.indexOf('$ minikube start\n'), screen.indexOf('$ minikube status'));
    expect(start).toContain('🔄  Restarting existing docker container for "minikube" ...\n');
    expect(start).toContain(`\n\n${RESTARTED_M02}\n🏄  Done!`);
    expect(screen).toContain(`$ minikube status; echo $?\n${CONTROL_PLANE_RUNNING}${WORKER_RUNNING}0\n`);
    expect(screen).toMatch(/\nminikube-m02 +Ready +<none>/);
  });

  it('start on the running cluster restarts only the stopped worker', async () => {
    const screen = await run([
      'minikube node add',
      'minikube node add',
      'minikube node stop m03',
      'minikube start',
      'minikube status; echo $?',
    ]);
    const start = screen.slice(screen.indexOf('$ minikube start\n'), screen.indexOf('$ minikube status'));
    expect(start).toContain('🏃  Updating the running docker "minikube" container ...\n');
    expect(start).toContain('🏃  Updating the running docker "minikube-m02" container ...\n');
    expect(start).toContain('🔄  Restarting existing docker container for "minikube-m03" ...\n');
    expect(start).not.toContain('Restarting existing docker container for "minikube-m02"');
    expect(screen).toContain('minikube-m03\ntype: Worker\nhost: Running\nkubelet: Running\n\n0\n');
  });
});
