/**
 * `minikube node add|list|delete|stop|start` (v1.33.1, docker driver) over the core's node functions
 * (src/core/cluster/nodes.ts). Texts from kubernetes/minikube cmd/minikube/cmd/node_add.go
 * (`Adding node m02 to cluster minikube as [worker]`, the multi-node CNI warning on the first added
 * node, `Successfully added m02 to minikube!`), node_list.go (`<machine>\t<ip>`), node_delete.go and
 * pkg/minikube/node/node.go teardown (drain, then the machine's stop and delete lines), node_stop.go
 * (machine.StopHost's `Stopping node` and, for a running machine, `Powering off ... via SSH`, then
 * `Successfully stopped node <machine>`), node_start.go (`<name> is already running`, the worker
 * start steps of pkg/minikube/node/start.go for an existing container, `Successfully started node
 * <machine>!`), node.Retrieve (a node is named `m02` or `minikube-m02`; an unknown one exits with
 * GUEST_NODE_RETRIEVE), and real transcripts of those releases.
 *
 * Lab differences: adding takes no virtual time (a real add takes about half a minute); deleting
 * waits, in virtual time, for the drained pods to go, as `kubectl drain` does; the primary node
 * cannot be deleted or stopped here (that stops the control plane: use `minikube stop`); starting
 * takes no virtual time; `--control-plane` (HA clusters only) is refused as minikube refuses it on a
 * non-HA cluster; help exits with MK_UNIMPLEMENTED (minikubeText.ts).
 */
import {
  addNode,
  clusterNodes,
  deleteNode,
  drainablePods,
  drainNode,
  isNodeRunning,
  nodeDeleteProblem,
  resolveNodeName,
  startNode,
  stopNode,
} from '../../core/cluster/nodes.ts';
import { nodeInternalIP, PRIMARY_NODE } from '../../core/cluster/podNetwork.ts';
import { type CommandEnv, type Proc, waitUntil } from '../shell/process.ts';
import {
  EXIT_GUEST_NOT_FOUND,
  EXIT_GUEST_NOT_RUNNING,
  EXIT_UNSUPPORTED,
  EXIT_USAGE,
  HOST_NOT_RUNNING,
  ISSUE_BOX,
  PROFILE_NOT_FOUND,
  unimplementedText,
  workerStartLines,
} from './minikubeText.ts';

/** minikube's ExGuestError, the exit code of GUEST_NODE_* failures. */
const EXIT_GUEST_ERROR = 80;
/** How long drain waits for the pods before the lab gives up on them (the pod GC removes them). */
const DRAIN_WAIT_MS = 60_000;

/** mustload.Healthy: the cluster must exist and run. Returns the exit code when it does not. */
function unhealthy({ io, session }: CommandEnv): number | undefined {
  const host = session.sim.state.minikube.host;
  if (host === 'Absent') {
    io.stdout(PROFILE_NOT_FOUND);
    return EXIT_GUEST_NOT_FOUND;
  }
  if (host === 'Stopped') {
    io.stdout(HOST_NOT_RUNNING);
    return EXIT_GUEST_NOT_RUNNING;
  }
  return undefined;
}

function* add(args: readonly string[], env: CommandEnv): Proc {
  const { io, session } = env;
  const bad = args.find((a) => !['--worker', '--worker=true', '--control-plane=false'].includes(a));
  if (bad === '--control-plane' || bad === '--control-plane=true') {
    io.stdout(
      `❌  Adding a control-plane node to a non-HA (non-multi-control plane) cluster is not currently supported. Please first delete the cluster and use 'minikube start --ha' to create new one.\n`,
    );
    return EXIT_GUEST_ERROR;
  }
  if (bad !== undefined) {
    io.stderr(`Error: unknown flag: ${bad}\nSee 'minikube node add --help' for usage.\n`);
    return EXIT_USAGE;
  }
  const down = unhealthy(env);
  if (down !== undefined) return down;
  const sim = session.sim;
  const firstWorker = clusterNodes(sim).length === 1;
  const node = addNode(sim);
  const name = node.metadata.name;
  const short = name.slice('minikube-'.length);
  let out = `😄  Adding node ${short} to cluster minikube as [worker]\n`;
  if (firstWorker)
    out += '❗  Cluster was created without any CNI, adding a node to it might cause broken networking.\n';
  out += workerStartLines(name, 'create', []).join('\n');
  io.stdout(`${out}\n🏄  Successfully added ${short} to minikube!\n`);
  return 0;
}

// biome-ignore lint/correctness/useYield: returns at once
function* list(args: readonly string[], { io, session }: CommandEnv): Proc {
  if (args.length > 0) {
    io.stderr('\n❌  Exiting due to MK_USAGE: Usage: minikube node list\n\n');
    return EXIT_USAGE;
  }
  if (session.sim.state.minikube.host === 'Absent') {
    io.stdout(PROFILE_NOT_FOUND);
    return EXIT_GUEST_NOT_FOUND;
  }
  for (const n of clusterNodes(session.sim))
    io.stdout(`${n.metadata.name}\t${nodeInternalIP(n.metadata.name)}\n`);
  return 0;
}

function* remove(args: readonly string[], env: CommandEnv): Proc {
  const { io, session } = env;
  const name = args[0];
  if (name === undefined) {
    io.stderr('\n❌  Exiting due to MK_USAGE: Usage: minikube node delete [name]\n\n');
    return EXIT_USAGE;
  }
  const down = unhealthy(env);
  if (down !== undefined) return down;
  const sim = session.sim;
  const problem = nodeDeleteProblem(sim, name);
  if (problem === 'primary') {
    io.stderr(unimplementedText(`node delete ${name}`));
    return EXIT_UNSUPPORTED;
  }
  io.stdout(`🔥  Deleting node ${name} from cluster minikube\n`);
  if (problem === 'not-found') {
    io.stderr(
      `\n❌  Exiting due to GUEST_NODE_DELETE: deleting node: retrieve node: Could not find node ${name}\n${ISSUE_BOX}\n`,
    );
    return EXIT_GUEST_ERROR;
  }
  drainNode(sim, name);
  yield* waitUntil(() => drainablePods(sim, name).length === 0, DRAIN_WAIT_MS);
  deleteNode(sim, name);
  io.stdout(
    [
      `✋  Stopping node "${name}"  ...`,
      `🛑  Powering off "${name}" via SSH ...`,
      `🔥  Deleting "${name}" in docker ...`,
      `💀  Node ${name} was successfully deleted.`,
      '',
    ].join('\n'),
  );
  return 0;
}

/**
 * The node a `stop`/`start` argument names, or the exit code after printing why there is none
 * (usage, cluster down, GUEST_NODE_RETRIEVE, the primary node).
 */
function retrieve(verb: 'stop' | 'start', args: readonly string[], env: CommandEnv): string | number {
  const { io, session } = env;
  const arg = args[0];
  if (arg === undefined) {
    io.stderr(`\n❌  Exiting due to MK_USAGE: Usage: minikube node ${verb} [name]\n\n`);
    return EXIT_USAGE;
  }
  const bad = args.slice(1).find((a) => a.startsWith('-'));
  if (bad !== undefined) {
    io.stderr(`Error: unknown flag: ${bad}\nSee 'minikube node ${verb} --help' for usage.\n`);
    return EXIT_USAGE;
  }
  const down = unhealthy(env);
  if (down !== undefined) return down;
  const name = resolveNodeName(session.sim, arg);
  if (name === undefined) {
    io.stderr(
      `\n❌  Exiting due to GUEST_NODE_RETRIEVE: retrieving node: Could not find node ${arg}\n${ISSUE_BOX}\n`,
    );
    return EXIT_GUEST_NOT_FOUND;
  }
  if (name === PRIMARY_NODE) {
    io.stderr(unimplementedText(`node ${verb} ${arg}`));
    return EXIT_UNSUPPORTED;
  }
  return name;
}

// biome-ignore lint/correctness/useYield: powering off takes no virtual time in the lab
function* stop(args: readonly string[], env: CommandEnv): Proc {
  const name = retrieve('stop', args, env);
  if (typeof name === 'number') return name;
  const sim = env.session.sim;
  const lines = [`✋  Stopping node "${name}"  ...`];
  // machine.StopHost powers off over SSH only a machine that runs.
  if (isNodeRunning(sim, name)) lines.push(`🛑  Powering off "${name}" via SSH ...`);
  stopNode(sim, name);
  lines.push(`🛑  Successfully stopped node ${name}`);
  env.io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

// biome-ignore lint/correctness/useYield: starting takes no virtual time in the lab
function* start(args: readonly string[], env: CommandEnv): Proc {
  const name = retrieve('start', args, env);
  if (typeof name === 'number') return name;
  const sim = env.session.sim;
  if (isNodeRunning(sim, name)) {
    env.io.stdout(`✅  ${args[0]} is already running\n`);
    return 0;
  }
  startNode(sim, name);
  env.io.stdout(
    `${[...workerStartLines(name, 'stopped', []), `😄  Successfully started node ${name}!`].join('\n')}\n`,
  );
  return 0;
}

/** `minikube node ...`: dispatches to add, list, delete, stop and start. */
export function* nodeCommand(args: readonly string[], env: CommandEnv): Proc {
  const [sub, ...rest] = args;
  const { io } = env;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stderr(unimplementedText('node --help'));
    return EXIT_UNSUPPORTED;
  }
  switch (sub) {
    case 'add':
      return yield* add(rest, env);
    case 'list':
      return yield* list(rest, env);
    case 'delete':
    case 'remove':
      return yield* remove(rest, env);
    case 'start':
      return yield* start(rest, env);
    case 'stop':
      return yield* stop(rest, env);
  }
  io.stderr(`Error: unknown command "${sub}" for "minikube node"\nRun 'minikube node --help' for usage.\n`);
  return EXIT_USAGE;
}
