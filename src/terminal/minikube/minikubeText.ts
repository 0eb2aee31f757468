/**
 * The texts minikube v1.33.1 (docker driver, Kubernetes v1.30.0, Docker 26.1.1, kicbase v0.0.44) prints,
 * as data. Sources: kubernetes/minikube cmd/minikube/cmd/{start,status,stop,delete,root}.go,
 * cmd/config/{enable,disable,addons_list}.go, pkg/minikube/style/style.go, pkg/minikube/mustload and
 * real transcripts of that release (see shared/spec/kubectl-output.md §9). Emoji + two spaces start a
 * step; four spaces + `▪ ` start a sub-step.
 * Lab choices: the host is "Ubuntu 22.04 (amd64)" and the learner's home /home/learner.
 */

export const MINIKUBE_VERSION = 'v1.33.1';
export const MINIKUBE_COMMIT = '5883c09216182566a63dff4c326a6fc9ed2982ff';
export const HOST_OS = 'Ubuntu 22.04 (amd64)';
export const MINIKUBE_HOME = '/home/learner/.minikube';

/** `minikube start` steps before the Kubernetes preparation, by the state the profile is in. */
export const START_HEAD = {
  fresh: [
    `😄  minikube ${MINIKUBE_VERSION} on ${HOST_OS}`,
    '✨  Automatically selected the docker driver. Other choices: none, ssh',
    '📌  Using Docker driver with root privileges',
    '👍  Starting "minikube" primary control-plane node in "minikube" cluster',
    '🚜  Pulling base image v0.0.44 ...',
    '💾  Downloading Kubernetes v1.30.0 preload ...',
    '    > preloaded-images-k8s-v18-v1...:  342.90 MiB / 342.90 MiB  100.00% 15.65 M',
    '    > gcr.io/k8s-minikube/kicbase...:  481.58 MiB / 481.58 MiB  100.00% 14.06 M',
    '🔥  Creating docker container (CPUs=2, Memory=3900MB) ...',
    '🐳  Preparing Kubernetes v1.30.0 on Docker 26.1.1 ...',
    '    ▪ Generating certificates and keys ...',
    '    ▪ Booting up control plane ...',
    '    ▪ Configuring RBAC rules ...',
    '🔗  Configuring bridge CNI (Container Networking Interface) ...',
  ],
  running: [
    `😄  minikube ${MINIKUBE_VERSION} on ${HOST_OS}`,
    '✨  Using the docker driver based on existing profile',
    '👍  Starting "minikube" primary control-plane node in "minikube" cluster',
    '🚜  Pulling base image v0.0.44 ...',
    '🏃  Updating the running docker "minikube" container ...',
    '🐳  Preparing Kubernetes v1.30.0 on Docker 26.1.1 ...',
  ],
  stopped: [
    `😄  minikube ${MINIKUBE_VERSION} on ${HOST_OS}`,
    '✨  Using the docker driver based on existing profile',
    '👍  Starting "minikube" primary control-plane node in "minikube" cluster',
    '🚜  Pulling base image v0.0.44 ...',
    '🔄  Restarting existing docker container for "minikube" ...',
    '🐳  Preparing Kubernetes v1.30.0 on Docker 26.1.1 ...',
    '🔗  Configuring bridge CNI (Container Networking Interface) ...',
  ],
} as const;

export const VERIFYING_COMPONENTS = '🔎  Verifying Kubernetes components...';
export const START_DONE =
  '🏄  Done! kubectl is now configured to use "minikube" cluster and "default" namespace by default';

export const STOP_LINES = [
  '✋  Stopping node "minikube"  ...',
  '🛑  Powering off "minikube" via SSH ...',
  '🛑  1 node stopped.',
];

/**
 * `minikube stop` of every node, in node order (cmd/minikube/cmd/stop.go stopProfile and
 * pkg/minikube/machine/stop.go StopHost): `Stopping node` for each, `Powering off ... via SSH` only for
 * a machine that runs (trySSHPowerOff skips one in another state), then the count, which includes
 * machines that were already stopped (only a nonexistent one is not counted).
 */
export function stopLines(nodes: readonly string[], stopped: ReadonlySet<string> = new Set()): string[] {
  const out = nodes.flatMap((n) =>
    stopped.has(n)
      ? [`✋  Stopping node "${n}"  ...`]
      : [`✋  Stopping node "${n}"  ...`, `🛑  Powering off "${n}" via SSH ...`],
  );
  out.push(`🛑  ${nodes.length} node${nodes.length === 1 ? '' : 's'} stopped.`);
  return out;
}

/** How a worker's machine is brought up: created, found running, or restarted. */
export type MachineStart = 'create' | 'running' | 'stopped';

/**
 * The steps minikube prints for one worker node (pkg/minikube/node/start.go): the node line, the
 * base image, the container, the NO_PROXY of the nodes before it (only when started together with
 * them by `minikube start`), Kubernetes, verification.
 */
export function workerStartLines(name: string, machine: MachineStart, noProxy: readonly string[]): string[] {
  const out = [
    `👍  Starting "${name}" worker node in "minikube" cluster`,
    '🚜  Pulling base image v0.0.44 ...',
  ];
  if (machine === 'create') out.push('🔥  Creating docker container (CPUs=2, Memory=2200MB) ...');
  else if (machine === 'running') out.push(`🏃  Updating the running docker "${name}" container ...`);
  else out.push(`🔄  Restarting existing docker container for "${name}" ...`);
  if (noProxy.length) out.push('🌐  Found network options:', `    ▪ NO_PROXY=${noProxy.join(',')}`);
  out.push('🐳  Preparing Kubernetes v1.30.0 on Docker 26.1.1 ...');
  for (let i = 1; i <= noProxy.length; i++) out.push(`    ▪ env NO_PROXY=${noProxy.slice(0, i).join(',')}`);
  out.push(VERIFYING_COMPONENTS);
  return out;
}

/** mustload.Healthy on a stopped cluster (then exitTip "start" with ExGuestNotRunning). */
export const HOST_NOT_RUNNING =
  '🤷  The control-plane node minikube host is not running: state=Stopped\n👉  To start a cluster, run: "minikube start"\n';
/** minikube's ExGuestNotRunning */
export const EXIT_GUEST_NOT_RUNNING = 83;

/** start.go: `--nodes` on an existing profile is ignored with this warning. */
export const NODES_ON_EXISTING =
  "❗  You cannot change the number of nodes for an existing minikube cluster. Please use 'minikube node add' to add nodes to an existing cluster.";

export const DELETE_LINES = [
  '🔥  Deleting "minikube" in docker ...',
  '🔥  Deleting container "minikube" ...',
  `🔥  Removing ${MINIKUBE_HOME}/machines/minikube ...`,
  '💀  Removed all traces of the "minikube" cluster.',
];

/** `minikube delete` when there is no cluster (delete.go: deleteProfile on a missing profile). */
export const DELETE_ABSENT_LINES = [
  '🤷  Profile "minikube" not found. Run "minikube profile list" to view all profiles.',
];

/** mustload.Partial on a missing profile, then exitTip("start") with ExGuestNotFound. */
export const PROFILE_NOT_FOUND =
  '🤷  Profile "minikube" not found. Run "minikube profile list" to view all profiles.\n👉  To start a cluster, run: "minikube start"\n';
export const EXIT_GUEST_NOT_FOUND = 85;
/** minikube's ExProgramUnsupported (pkg/minikube/reason/exitcodes.go), the exit of MK_UNIMPLEMENTED */
export const EXIT_UNSUPPORTED = 16;
/**
 * minikube's answer for a real command the lab does not run: the MK_UNIMPLEMENTED exit minikube itself
 * gives for a feature a setup cannot provide (reason.Unimplemented, exit EXIT_UNSUPPORTED, e.g. "minikube
 * service is not currently implemented with the builtin network on QEMU"), worded for the lab, which
 * runs in the browser with no minikube machine behind it. Written to stderr.
 */
export function unimplementedText(what: string): string {
  return `\n❌  Exiting due to MK_UNIMPLEMENTED: minikube ${what} is not currently implemented in this browser lab: it simulates the cluster, there is no minikube machine, network or host to reach\n\n`;
}
/** minikube's ExProgramUsage (cobra usage errors) */
export const EXIT_USAGE = 14;

/** What `minikube status` reports for one node (cluster.Status in pkg/minikube/cluster/status.go). */
export interface NodeStatus {
  name: string;
  worker: boolean;
  host: string;
  kubelet: string;
  apiserver: string;
  kubeconfig: string;
}

/**
 * One node's status (NodeStatus): a machine that does not run reports its state for every component
 * ("host is not running, skipping remaining checks"); a running worker's apiserver and kubeconfig are
 * `Irrelevant`, a running control plane's are `Running` and `Configured`.
 */
export function nodeStatus(name: string, worker: boolean, running: boolean): NodeStatus {
  if (!running)
    return { name, worker, host: 'Stopped', kubelet: 'Stopped', apiserver: 'Stopped', kubeconfig: 'Stopped' };
  return {
    name,
    worker,
    host: 'Running',
    kubelet: 'Running',
    apiserver: worker ? 'Irrelevant' : 'Running',
    kubeconfig: worker ? 'Irrelevant' : 'Configured',
  };
}

/**
 * `minikube status`'s exit code (status.go exitCode): over every node, bit 1 when a host does not run,
 * bit 2 when a kubelet (or a control plane's apiserver) does not run, bit 4 when a kubeconfig is
 * neither Configured nor Irrelevant. A stopped cluster, or a stopped worker alone, gives 7.
 */
export function statusExitCode(statuses: readonly NodeStatus[]): number {
  let code = 0;
  for (const st of statuses) {
    if (st.host !== 'Running') code |= 1;
    if ((st.apiserver !== 'Running' && st.apiserver !== 'Irrelevant') || st.kubelet !== 'Running') code |= 2;
    if (st.kubeconfig !== 'Configured' && st.kubeconfig !== 'Irrelevant') code |= 4;
  }
  return code;
}

/**
 * `minikube status`: the control plane's block, then one block per worker (status.go statusFormat and
 * workerStatusFormat: a worker shows only its host and kubelet).
 */
export function statusText(statuses: readonly NodeStatus[]): string {
  return statuses
    .map((st) =>
      st.worker
        ? `${st.name}\ntype: Worker\nhost: ${st.host}\nkubelet: ${st.kubelet}\n\n`
        : `${st.name}\ntype: Control Plane\nhost: ${st.host}\nkubelet: ${st.kubelet}\napiserver: ${st.apiserver}\nkubeconfig: ${st.kubeconfig}\n\n`,
    )
    .join('');
}

/** The box minikube draws under an internal error (out.go displayError, no log file to attach). */
export const ISSUE_BOX = [
  '',
  '╭───────────────────────────────────────────────────────────────────────────────────────────╮',
  '│                                                                                           │',
  '│    😿  If the above advice does not help, please let us know:                             │',
  '│    👉  https://github.com/kubernetes/minikube/issues/new/choose                           │',
  '│                                                                                           │',
  '│    Please run `minikube logs --file=logs.txt` and attach logs.txt to the GitHub issue.    │',
  '│                                                                                           │',
  '╰───────────────────────────────────────────────────────────────────────────────────────────╯',
  '',
].join('\n');

export const ROOT_HELP = `minikube provisions and manages local Kubernetes clusters optimized for development workflows.

Basic Commands:
  start            Starts a local Kubernetes cluster
  status           Gets the status of a local Kubernetes cluster
  stop             Stops a running local Kubernetes cluster
  delete           Deletes a local Kubernetes cluster
  dashboard        Access the Kubernetes dashboard running within the minikube cluster
  pause            pause Kubernetes
  unpause          unpause Kubernetes

Images Commands:
  docker-env       Provides instructions to point your terminal's docker-cli to the Docker Engine inside minikube. (Useful for building docker images directly inside minikube)
  podman-env       Configure environment to use minikube's Podman service
  cache            Manage cache for images
  image            Manage images

Configuration and Management Commands:
  addons           Enable or disable a minikube addon
  config           Modify persistent configuration values
  profile          Get or list the current profiles (clusters)
  update-context   Update kubeconfig in case of an IP or port change

Networking and Connectivity Commands:
  service          Returns a URL to connect to a service
  tunnel           Connect to LoadBalancer services

Advanced Commands:
  mount            Mounts the specified directory into minikube
  ssh              Log into the minikube environment (for debugging)
  kubectl          Run a kubectl binary matching the cluster version
  node             Add, remove, or list additional nodes
  cp               Copy the specified file into minikube

Troubleshooting Commands:
  ssh-key          Retrieve the ssh identity key path of the specified node
  ssh-host         Retrieve the ssh host key of the specified node
  ip               Retrieves the IP address of the specified node
  logs             Returns logs to debug a local Kubernetes cluster
  update-check     Print current and latest version number
  version          Print the version of minikube
  options          Show a list of global command-line options (applies to all commands).

Other Commands:
  completion       Generate command completion for a shell
  license          Outputs the licenses of dependencies to a directory

Use "minikube <command> --help" for more information about a given command.
`;

/** Every top-level command name (for cobra's "Did you mean this?" suggestions). */
export const ROOT_COMMANDS = [
  'addons',
  'cache',
  'completion',
  'config',
  'cp',
  'dashboard',
  'delete',
  'docker-env',
  'help',
  'image',
  'ip',
  'kubectl',
  'license',
  'logs',
  'mount',
  'node',
  'options',
  'pause',
  'podman-env',
  'profile',
  'service',
  'ssh',
  'ssh-host',
  'ssh-key',
  'start',
  'status',
  'stop',
  'tunnel',
  'unpause',
  'update-check',
  'update-context',
  'version',
];
