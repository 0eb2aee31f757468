/**
 * `minikube node add|list|delete`, `minikube start --nodes N` and multi-node `status`/`stop` through
 * the headless runner. Expected texts: kubernetes/minikube (v1.33) node_add.go, node_list.go,
 * node_delete.go, node/start.go and real transcripts of `minikube node add` / `start --nodes`.
 */
import { describe, expect, it } from 'vitest';
import { HOST_COMMANDS } from '../commands.ts';
import { runScript } from '../shell/session.ts';

const run = (lines: string[]) => runScript(lines, { commands: HOST_COMMANDS });

const ADD_M02 = [
  '😄  Adding node m02 to cluster minikube as [worker]',
  '❗  Cluster was created without any CNI, adding a node to it might cause broken networking.',
  '👍  Starting "minikube-m02" worker node in "minikube" cluster',
  '🚜  Pulling base image v0.0.44 ...',
  '🔥  Creating docker container (CPUs=2, Memory=2200MB) ...',
  '🐳  Preparing Kubernetes v1.30.0 on Docker 26.1.1 ...',
  '🔎  Verifying Kubernetes components...',
  '🏄  Successfully added m02 to minikube!',
];

describe('minikube node', () => {
  it('add prints the worker transcript; the CNI warning only for the first added node', async () => {
    const screen = await run(['minikube node add', 'minikube node add']);
    expect(screen.startsWith(['$ minikube node add', ...ADD_M02, '$ minikube node add', ''].join('\n'))).toBe(
      true,
    );
    expect(screen).toContain(
      '😄  Adding node m03 to cluster minikube as [worker]\n👍  Starting "minikube-m03"',
    );
  });

  it('list prints each machine and its address; kubectl sees the worker with ROLES <none>', async () => {
    const screen = await run(['minikube node add', 'minikube node list', 'kubectl get nodes']);
    expect(screen).toContain('$ minikube node list\nminikube\t192.168.49.2\nminikube-m02\t192.168.49.3\n');
    expect(screen).toContain('\nminikube-m02   Ready    <none>          0s    v1.30.0\n');
  });

  it('status shows a block per worker', async () => {
    const screen = await run(['minikube node add', 'minikube status']);
    expect(screen).toContain(
      '$ minikube status\nminikube\ntype: Control Plane\nhost: Running\nkubelet: Running\napiserver: Running\nkubeconfig: Configured\n\nminikube-m02\ntype: Worker\nhost: Running\nkubelet: Running\n\n',
    );
  });

  it('delete drains the node and removes it; kubectl no longer lists it', async () => {
    const screen = await run(['minikube node add', 'minikube node delete minikube-m02', 'kubectl get nodes']);
    expect(screen).toContain(
      [
        '$ minikube node delete minikube-m02',
        '🔥  Deleting node minikube-m02 from cluster minikube',
        '✋  Stopping node "minikube-m02"  ...',
        '🛑  Powering off "minikube-m02" via SSH ...',
        '🔥  Deleting "minikube-m02" in docker ...',
        '💀  Node minikube-m02 was successfully deleted.',
        '$ kubectl get nodes',
        '',
      ].join('\n'),
    );
    expect(screen).not.toMatch(/\nminikube-m02 +Ready/);
  });

  it('delete without a name is a usage error (exit 14) and changes nothing', async () => {
    const screen = await run(['minikube node delete; echo $?', 'minikube node list']);
    expect(screen).toContain('\n❌  Exiting due to MK_USAGE: Usage: minikube node delete [name]\n\n14\n');
    expect(screen).toContain('$ minikube node list\nminikube\t192.168.49.2\n');
  });

  it('start --nodes 3 on a deleted profile brings up three nodes with the multi-node transcript', async () => {
    const screen = await run(['minikube delete', 'minikube start --nodes 3', 'minikube node list']);
    expect(screen).toContain('🔥  Creating docker container (CPUs=2, Memory=2200MB) ...\n');
    expect(screen).toContain('🔗  Configuring CNI (Container Networking Interface) ...\n');
    expect(screen).toContain(
      [
        '🌟  Enabled addons: storage-provisioner, default-storageclass',
        '',
        '👍  Starting "minikube-m02" worker node in "minikube" cluster',
        '🚜  Pulling base image v0.0.44 ...',
        '🔥  Creating docker container (CPUs=2, Memory=2200MB) ...',
        '🌐  Found network options:',
        '    ▪ NO_PROXY=192.168.49.2',
        '🐳  Preparing Kubernetes v1.30.0 on Docker 26.1.1 ...',
        '    ▪ env NO_PROXY=192.168.49.2',
        '🔎  Verifying Kubernetes components...',
        '',
        '👍  Starting "minikube-m03" worker node in "minikube" cluster',
        '🚜  Pulling base image v0.0.44 ...',
        '🔥  Creating docker container (CPUs=2, Memory=2200MB) ...',
        '🌐  Found network options:',
        '    ▪ NO_PROXY=192.168.49.2,192.168.49.3',
        '🐳  Preparing Kubernetes v1.30.0 on Docker 26.1.1 ...',
        '    ▪ env NO_PROXY=192.168.49.2',
        '    ▪ env NO_PROXY=192.168.49.2,192.168.49.3',
        '🔎  Verifying Kubernetes components...',
        '🏄  Done! kubectl is now configured to use "minikube" cluster and "default" namespace by default',
      ].join('\n'),
    );
    expect(screen).toContain(
      'minikube\t192.168.49.2\nminikube-m02\t192.168.49.3\nminikube-m03\t192.168.49.4\n',
    );
  });

  it('start --nodes on the existing profile warns and keeps its nodes', async () => {
    const screen = await run(['minikube start --nodes=2', 'minikube node list']);
    expect(screen).toContain(
      "✨  Using the docker driver based on existing profile\n❗  You cannot change the number of nodes for an existing minikube cluster. Please use 'minikube node add' to add nodes to an existing cluster.\n",
    );
    expect(screen.endsWith('$ minikube node list\nminikube\t192.168.49.2\n')).toBe(true);
  });

  it('stop stops every node', async () => {
    const screen = await run(['minikube node add', 'minikube stop']);
    expect(screen).toContain(
      '$ minikube stop\n✋  Stopping node "minikube"  ...\n🛑  Powering off "minikube" via SSH ...\n✋  Stopping node "minikube-m02"  ...\n🛑  Powering off "minikube-m02" via SSH ...\n🛑  2 nodes stopped.\n',
    );
  });

  it('stop powers a worker off (m02 or minikube-m02); a second stop only stops, start brings it back', async () => {
    const screen = await run([
      'minikube node add',
      'minikube node stop m02',
      'minikube node stop minikube-m02',
      'minikube node start m02',
      'minikube node start m02',
    ]);
    expect(screen).toContain(
      [
        '$ minikube node stop m02',
        '✋  Stopping node "minikube-m02"  ...',
        '🛑  Powering off "minikube-m02" via SSH ...',
        '🛑  Successfully stopped node minikube-m02',
        '$ minikube node stop minikube-m02',
        '✋  Stopping node "minikube-m02"  ...',
        '🛑  Successfully stopped node minikube-m02',
        '$ minikube node start m02',
        '👍  Starting "minikube-m02" worker node in "minikube" cluster',
        '🚜  Pulling base image v0.0.44 ...',
        '🔄  Restarting existing docker container for "minikube-m02" ...',
        '🐳  Preparing Kubernetes v1.30.0 on Docker 26.1.1 ...',
        '🔎  Verifying Kubernetes components...',
        '😄  Successfully started node minikube-m02!',
        '$ minikube node start m02',
        '✅  m02 is already running',
        '',
      ].join('\n'),
    );
  });

  it('a stopped node turns NotReady only after the grace period, and Ready again on start', async () => {
    const screen = await run([
      'minikube node add',
      'minikube node stop m02',
      'sleep 30',
      'kubectl get nodes',
      'sleep 30',
      'kubectl get nodes',
      'minikube node start m02',
      'kubectl get nodes',
    ]);
    const tables = screen.split('$ kubectl get nodes\n').slice(1);
    expect(tables[0]).toMatch(/\nminikube-m02 +Ready +<none>/);
    expect(tables[1]).toMatch(/\nminikube-m02 +NotReady +<none>/);
    expect(tables[2]).toMatch(/\nminikube-m02 +Ready +<none>/);
  });

  it('stop and start refuse unknown nodes and a missing name, and change nothing', async () => {
    const screen = await run([
      'minikube node stop m05',
      'echo $?',
      'minikube node stop',
      'echo $?',
      'kubectl get nodes',
    ]);
    expect(screen).toContain(
      '$ minikube node stop m05\n\n❌  Exiting due to GUEST_NODE_RETRIEVE: retrieving node: Could not find node m05\n',
    );
    expect(screen).toContain('$ echo $?\n85\n');
    expect(screen).toContain(
      '$ minikube node stop\n\n❌  Exiting due to MK_USAGE: Usage: minikube node stop [name]\n\n$ echo $?\n14\n',
    );
    expect(screen).toMatch(/\nminikube +Ready +control-plane/);
  });
});
