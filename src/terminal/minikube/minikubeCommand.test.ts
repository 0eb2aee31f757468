/**
 * minikube transcripts through the headless runner, expected texts written from
 * shared/spec/kubectl-output.md §9 (real minikube v1.33.1 transcripts and source strings).
 */
import { describe, expect, it } from 'vitest';
import { ADDONS } from '../../core/cluster/addons.ts';
import { kubectlCommand } from '../kubectl/kubectlCommand.ts';
import { FILTER_COMMANDS } from '../shell/filters.ts';
import { runScript, Session } from '../shell/session.ts';
import { TOOL_COMMANDS } from '../shell/tools.ts';
import { minikubeCommand } from './minikubeCommand.ts';

const COMMANDS = [...TOOL_COMMANDS, ...FILTER_COMMANDS, minikubeCommand, kubectlCommand];
const run = (lines: string[]) => runScript(lines, { commands: COMMANDS });

const RUNNING_STATUS =
  'minikube\ntype: Control Plane\nhost: Running\nkubelet: Running\napiserver: Running\nkubeconfig: Configured\n\n';
const NOT_FOUND =
  '🤷  Profile "minikube" not found. Run "minikube profile list" to view all profiles.\n👉  To start a cluster, run: "minikube start"\n';

describe('minikube', () => {
  it('status of the running cluster ends with a blank line, exit 0', async () => {
    expect(await run(['minikube status; echo $?'])).toBe(`$ minikube status; echo $?\n${RUNNING_STATUS}0\n`);
  });

  it('start on the running cluster prints the existing-profile transcript', async () => {
    expect(await run(['minikube start'])).toBe(
      [
        '$ minikube start',
        '😄  minikube v1.33.1 on Ubuntu 22.04 (amd64)',
        '✨  Using the docker driver based on existing profile',
        '👍  Starting "minikube" primary control-plane node in "minikube" cluster',
        '🚜  Pulling base image v0.0.44 ...',
        '🏃  Updating the running docker "minikube" container ...',
        '🐳  Preparing Kubernetes v1.30.0 on Docker 26.1.1 ...',
        '🔎  Verifying Kubernetes components...',
        '    ▪ Using image gcr.io/k8s-minikube/storage-provisioner:v5',
        '🌟  Enabled addons: storage-provisioner, default-storageclass',
        '🏄  Done! kubectl is now configured to use "minikube" cluster and "default" namespace by default',
        '',
      ].join('\n'),
    );
  });

  it("the chapter's addon steps print minikube's lines (disable's stray quote included)", async () => {
    const screen = await run([
      'minikube addons disable storage-provisioner',
      'minikube addons disable default-storageclass',
      'minikube addons enable volumesnapshots',
    ]);
    expect(screen).toBe(
      [
        '$ minikube addons disable storage-provisioner',
        `🌑  "The 'storage-provisioner' addon is disabled`,
        '$ minikube addons disable default-storageclass',
        `🌑  "The 'default-storageclass' addon is disabled`,
        '$ minikube addons enable volumesnapshots',
        '💡  volumesnapshots is an addon maintained by Kubernetes. For any concerns contact minikube on GitHub.',
        'You can view the list of minikube maintainers at: https://github.com/kubernetes/minikube/blob/master/OWNERS',
        '    ▪ Using image registry.k8s.io/sig-storage/snapshot-controller:v6.1.0',
        `🌟  The 'volumesnapshots' addon is enabled`,
        '',
      ].join('\n'),
    );
  });

  it('csi-hostpath-driver without volumesnapshots warns first, lists its images, verifies', async () => {
    const screen = await run(['minikube addons enable csi-hostpath-driver']);
    const csi = ADDONS.find((a) => a.name === 'csi-hostpath-driver');
    expect(csi?.images.length).toBe(8);
    expect(screen).toBe(
      [
        '$ minikube addons enable csi-hostpath-driver',
        '💡  csi-hostpath-driver is an addon maintained by Kubernetes. For any concerns contact minikube on GitHub.',
        'You can view the list of minikube maintainers at: https://github.com/kubernetes/minikube/blob/master/OWNERS',
        "❗  [WARNING] For full functionality, the 'csi-hostpath-driver' addon requires the 'volumesnapshots' addon to be enabled.",
        '',
        "You can enable 'volumesnapshots' addon by running: 'minikube addons enable volumesnapshots'",
        '',
        ...(csi?.images ?? []).map((i) => `    ▪ Using image ${i}`),
        '🔎  Verifying csi-hostpath-driver addon...',
        "🌟  The 'csi-hostpath-driver' addon is enabled",
        '',
      ].join('\n'),
    );
  });

  it('addons list marks enabled addons and follows the cluster', async () => {
    const screen = await run([
      'minikube addons disable storage-provisioner',
      'minikube addons list | grep storage-provisioner',
    ]);
    expect(screen).toContain(
      '| storage-provisioner         | minikube | disabled     | minikube                       |\n',
    );
    const first = await run(['minikube addons list | grep default-storageclass']);
    expect(first).toContain(
      '| default-storageclass        | minikube | enabled ✅   | Kubernetes                     |\n',
    );
  });

  it("an unknown addon is minikube's MK_ADDON_ENABLE error and changes nothing", async () => {
    const s = new Session({ commands: COMMANDS, headless: true });
    const before = JSON.stringify(s.sim.state);
    let out = '';
    s.onOutput((t) => {
      out += t;
    });
    s.submitLine('minikube addons enable metric-server; echo $?');
    expect(out).toContain(
      '\n❌  Exiting due to MK_ADDON_ENABLE: enable failed: run callbacks: metric-server is not a valid addon\n',
    );
    expect(out).toContain('\n10\n');
    expect(JSON.stringify(s.sim.state)).toBe(before);
  });

  it('stop: status exit 7, kubectl refused; start restarts the same cluster', async () => {
    const screen = await run([
      'minikube stop',
      'minikube status; echo $?',
      'kubectl get pods 2>&1 | tail -n 1',
      'minikube start | head -n 5 | tail -n 1',
      'minikube status | grep host',
    ]);
    expect(screen).toContain(
      '$ minikube stop\n✋  Stopping node "minikube"  ...\n🛑  Powering off "minikube" via SSH ...\n🛑  1 node stopped.\n',
    );
    expect(screen).toContain(
      'host: Stopped\nkubelet: Stopped\napiserver: Stopped\nkubeconfig: Stopped\n\n7\n',
    );
    expect(screen).toContain(
      'The connection to the server 192.168.49.2:8443 was refused - did you specify the right host or port?\n',
    );
    expect(screen).toContain('🔄  Restarting existing docker container for "minikube" ...\n');
    expect(screen.endsWith('host: Running\n')).toBe(true);
  });

  it('delete removes the cluster until the next start, which builds a fresh one', async () => {
    const s = new Session({ commands: COMMANDS, headless: true });
    const original = s.sim;
    const changes: unknown[] = [];
    s.onClusterChange((sim) => changes.push(sim));
    let out = '';
    s.onOutput((t) => {
      out += t;
    });
    s.submitLine('minikube delete');
    expect(out).toContain(
      '🔥  Deleting "minikube" in docker ...\n🔥  Deleting container "minikube" ...\n🔥  Removing /home/learner/.minikube/machines/minikube ...\n💀  Removed all traces of the "minikube" cluster.\n',
    );
    expect(s.services.clusterReachable).toBe(false);
    s.submitLine('minikube status; echo $?');
    expect(out).toContain(`${NOT_FOUND}85\n`);
    s.submitLine('minikube start');
    expect(out).toContain('✨  Automatically selected the docker driver. Other choices: none, ssh\n');
    expect(out).toContain('🌟  Enabled addons: storage-provisioner, default-storageclass\n');
    expect(s.services.clusterReachable).toBe(true);
    expect(changes.length).toBe(2);
    expect(s.sim).not.toBe(original);
    expect(s.sim.state.seed).toBe(original.state.seed);
  });

  it("the book's `minikube deletels` typo gets cobra's suggestion", async () => {
    expect(await run(['minikube deletels; echo $?'])).toBe(
      '$ minikube deletels; echo $?\nError: unknown command "deletels" for "minikube"\n\nDid you mean this?\n\tdelete\n\nRun \'minikube --help\' for usage.\n14\n',
    );
  });

  it('version and help', async () => {
    const screen = await run(['minikube version', 'minikube --help | head -n 3']);
    expect(screen).toBe(
      '$ minikube version\nminikube version: v1.33.1\ncommit: 5883c09216182566a63dff4c326a6fc9ed2982ff\n$ minikube --help | head -n 3\nminikube provisions and manages local Kubernetes clusters optimized for development workflows.\n\nBasic Commands:\n',
    );
  });
});
