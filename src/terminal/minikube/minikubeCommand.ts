/**
 * The `minikube` program (v1.33.1, docker driver): start (with `--nodes N`), status, stop, delete,
 * node (nodeCommand.ts), addons, version, ip and --help, with minikube's texts and exit codes (see minikubeText.ts for sources); unknown commands get
 * cobra's `Error: unknown command` text with its "Did you mean this?" suggestions
 * (spf13/cobra command.go SuggestionsFor: Levenshtein distance <= 2 or a prefix match), exit 14.
 *
 * The cluster: `minikube delete` replaces the session's Simulation with an empty one whose
 * `state.minikube.host` is 'Absent' (kubectl then cannot connect); `minikube start` on it creates a new
 * minikube cluster with createSimulation and the session's seed, so runs stay deterministic; on a
 * stopped cluster it marks the host Running again; on an existing profile it also starts every worker
 * that `minikube node stop` left stopped (start.go starts all of a profile's nodes). `status` reports
 * each node's host and kubelet, a stopped worker's as Stopped, with status.go's exit bits; `stop`
 * powers off only machines that run (machine/stop.go). Lab differences: start/stop/delete take no virtual
 * time; while stopped, the cluster's controllers keep running (nothing can reach them). Flags are
 * parsed as cobra/pflag parse them (minikubeFlags.ts): unknown ones get pflag's error and exit 14.
 * Real commands the lab cannot run (ssh, dashboard, service, tunnel, mount, ...) exit as minikube does
 * for a feature a setup lacks: `❌  Exiting due to MK_UNIMPLEMENTED: ...` (exit 16), saying why.
 */

import { ADDONS, isAddonEnabled } from '../../core/cluster/addons.ts';
import { addNode, clusterNodes, isNodeRunning, startNode } from '../../core/cluster/nodes.ts';
import { nodeInternalIP } from '../../core/cluster/podNetwork.ts';
import { CLUSTER_MODULES, createSimulation } from '../../core/simulation/createSimulation.ts';
import { Simulation } from '../../core/simulation/simulation.ts';
import type { CommandDef, CommandEnv, Proc } from '../shell/process.ts';
import { ADDONS_HELP, addonsCommand } from './addonsCommand.ts';
import { COMMAND_FLAGS, flagErrorText, GLOBAL_FLAGS, parseMinikubeFlags } from './minikubeFlags.ts';
import {
  DELETE_LINES,
  EXIT_GUEST_NOT_FOUND,
  EXIT_UNSUPPORTED,
  EXIT_USAGE,
  type MachineStart,
  MINIKUBE_COMMIT,
  MINIKUBE_VERSION,
  NODES_ON_EXISTING,
  nodeStatus,
  PROFILE_NOT_FOUND,
  ROOT_COMMANDS,
  ROOT_HELP,
  START_DONE,
  START_HEAD,
  statusExitCode,
  statusText,
  stopLines,
  unimplementedText,
  VERIFYING_COMPONENTS,
  workerStartLines,
} from './minikubeText.ts';
import { nodeCommand } from './nodeCommand.ts';

const lines = (ls: readonly string[]) => ls.map((l) => `${l}\n`).join('');

/** Addons in the order `Enabled addons:` lists them: the two defaults first, as minikube's goroutines finish. */
function enabledAddons(sim: Simulation): string[] {
  const first = ['storage-provisioner', 'default-storageclass'];
  const rest = ADDONS.map((a) => a.name).filter((n) => !first.includes(n));
  return [...first, ...rest].filter((n) => isAddonEnabled(sim, n));
}

/** The lines after "Preparing Kubernetes": verification, addon images, enabled addons, workers, Done. */
function startTail(sim: Simulation, workers = ''): string {
  const names = enabledAddons(sim);
  let out = `${VERIFYING_COMPONENTS}\n`;
  for (const n of names) {
    for (const image of ADDONS.find((a) => a.name === n)?.images ?? []) out += `    ▪ Using image ${image}\n`;
  }
  return `${out}🌟  Enabled addons: ${names.join(', ')}\n${workers}${START_DONE}\n`;
}

/** The worker nodes' names, in node order. */
function workerNames(sim: Simulation): string[] {
  return clusterNodes(sim)
    .slice(1)
    .map((n) => n.metadata.name);
}

/** The nodes whose machine is not running: all of them while the cluster is stopped. */
function stoppedMachines(sim: Simulation): Set<string> {
  const host = sim.state.minikube.host;
  return new Set(
    clusterNodes(sim)
      .map((n) => n.metadata.name)
      .filter((name) => host !== 'Running' || !isNodeRunning(sim, name)),
  );
}

/** An empty cluster with no minikube host: what is left after `minikube delete`. */
export function absentCluster(seed: number): Simulation {
  const sim = new Simulation({ seed, modules: [...CLUSTER_MODULES] });
  sim.state.minikube = { host: 'Absent', starts: 0, addons: {} };
  return sim;
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** cobra's unknown-command error for `minikube NAME`. */
export function unknownCommandText(name: string): string {
  const typed = name.toLowerCase();
  const suggestions = ROOT_COMMANDS.filter(
    (c) => c !== 'help' && (levenshtein(typed, c) <= 2 || c.startsWith(typed)),
  );
  const hint =
    suggestions.length > 0 ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : '';
  return `Error: unknown command "${name}" for "minikube"${hint}\nRun 'minikube --help' for usage.\n`;
}

/** The `--nodes`/`-n` value of `minikube start` (1 when absent), or an error text for a bad one. */
export function nodesFlag(args: readonly string[]): number | string {
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const m = /^(?:--nodes|-n)=(.*)$/.exec(a);
    if (m) value = m[1];
    else if (a === '--nodes' || a === '-n') value = args[++i] ?? '';
  }
  if (value === undefined) return 1;
  const n = Number(value);
  if (!/^\d+$/.test(value))
    return `invalid argument "${value}" for "-n, --nodes" flag: strconv.ParseInt: parsing "${value}": invalid syntax`;
  return n;
}

/**
 * The worker sections `minikube start` prints after the control plane's (a blank line before each).
 * `machine` says how each worker's machine is brought up, by name.
 */
function workerSections(
  sim: Simulation,
  machine: (name: string) => MachineStart,
  multiStart: boolean,
): string {
  const nodes = clusterNodes(sim).map((n) => n.metadata.name);
  let out = '';
  for (let i = 1; i < nodes.length; i++) {
    const name = nodes[i] as string;
    const how = machine(name);
    const noProxy = multiStart || how !== 'create' ? nodes.slice(0, i).map(nodeInternalIP) : [];
    out += `\n${lines(workerStartLines(name, how, noProxy))}`;
  }
  return out;
}

function* start(args: readonly string[], { io, session }: CommandEnv): Proc {
  const nodes = nodesFlag(args);
  if (typeof nodes === 'string') {
    io.stderr(`Error: ${nodes}\nSee 'minikube start --help' for usage.\n`);
    return EXIT_USAGE;
  }
  const host = session.sim.state.minikube.host;
  if (host === 'Absent') {
    const sim = createSimulation({ seed: session.sim.state.seed });
    session.sim = sim;
    for (let i = 1; i < nodes; i++) addNode(sim);
    // minikube picks kindnet for a multi-node start and gives every node 2200MB.
    const head = nodes > 1 ? START_HEAD.fresh.map(multiNodeHead) : START_HEAD.fresh;
    io.stdout(
      lines(head) +
        startTail(
          sim,
          workerSections(sim, () => 'create', true),
        ),
    );
    return 0;
  }
  let head: string[] = [...(host === 'Running' ? START_HEAD.running : START_HEAD.stopped)];
  if (nodes > 1) head = [head[0] as string, head[1] as string, NODES_ON_EXISTING, ...head.slice(2)];
  const sim = session.sim;
  // start.go starts every node of the profile: a worker that `minikube node stop` stopped (or every
  // node of a stopped cluster) has its container restarted, the others are updated in place.
  const stopped = stoppedMachines(sim);
  sim.state.minikube.host = 'Running';
  sim.state.minikube.starts++;
  for (const name of workerNames(sim)) if (!isNodeRunning(sim, name)) startNode(sim, name);
  const machine = (name: string): MachineStart => (stopped.has(name) ? 'stopped' : 'running');
  io.stdout(lines(head) + startTail(sim, workerSections(sim, machine, false)));
  return 0;
}

function multiNodeHead(line: string): string {
  if (line.startsWith('🔥  Creating docker container'))
    return '🔥  Creating docker container (CPUs=2, Memory=2200MB) ...';
  if (line.startsWith('🔗  Configuring bridge CNI'))
    return '🔗  Configuring CNI (Container Networking Interface) ...';
  return line;
}

function* status({ io, session }: CommandEnv): Proc {
  const host = session.sim.state.minikube.host;
  if (host === 'Absent') {
    io.stdout(PROFILE_NOT_FOUND);
    return EXIT_GUEST_NOT_FOUND;
  }
  const stopped = stoppedMachines(session.sim);
  const statuses = clusterNodes(session.sim).map((n, i) =>
    nodeStatus(n.metadata.name, i > 0, !stopped.has(n.metadata.name)),
  );
  io.stdout(statusText(statuses));
  return statusExitCode(statuses);
}

function* stop({ io, session }: CommandEnv): Proc {
  if (session.sim.state.minikube.host === 'Absent') {
    io.stdout(PROFILE_NOT_FOUND);
    return EXIT_GUEST_NOT_FOUND;
  }
  const stopped = stoppedMachines(session.sim);
  session.sim.state.minikube.host = 'Stopped';
  io.stdout(
    lines(
      stopLines(
        clusterNodes(session.sim).map((n) => n.metadata.name),
        stopped,
      ),
    ),
  );
  return 0;
}

// biome-ignore lint/correctness/useYield: returns at once
function* remove(args: readonly string[], { io, session }: CommandEnv): Proc {
  const all = args.includes('--all');
  if (session.sim.state.minikube.host === 'Absent') {
    io.stdout(
      `🙄  "minikube" profile does not exist, trying anyways.\n💀  Removed all traces of the "minikube" cluster.\n`,
    );
  } else {
    session.sim = absentCluster(session.sim.state.seed);
    io.stdout(lines(DELETE_LINES));
  }
  if (all) io.stdout('🔥  Successfully deleted all profiles\n');
  return 0;
}

/** Global flags that take a value (so the word after them is not the subcommand's name). */
const VALUE_GLOBALS = new Set(
  GLOBAL_FLAGS.filter((f) => f.type !== 'bool').flatMap((f) => [
    `--${f.name}`,
    ...(f.short ? [`-${f.short}`] : []),
  ]),
);

/** The first positional word of `args` (pflag's value rules for the global flags before it). */
function commandWord(args: readonly string[]): number {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') return i + 1 < args.length ? i + 1 : -1;
    if (!a.startsWith('-') || a === '-') return i;
    if (VALUE_GLOBALS.has(a)) i++;
  }
  return -1;
}

function unimplemented(io: CommandEnv['io'], what: string): number {
  io.stderr(unimplementedText(what));
  return EXIT_UNSUPPORTED;
}

/** `minikube version`: the two lines, `--short`, or `-o json|yaml` (version.go). */
function version(io: CommandEnv['io'], values: Record<string, string | boolean | number>): number {
  const output = String(values.output ?? '');
  if (values.short === true) io.stdout(`${MINIKUBE_VERSION}\n`);
  else if (output === 'json')
    io.stdout(`${JSON.stringify({ commit: MINIKUBE_COMMIT, minikubeVersion: MINIKUBE_VERSION })}\n`);
  else if (output === 'yaml')
    io.stdout(`commit: ${MINIKUBE_COMMIT}\nminikubeVersion: ${MINIKUBE_VERSION}\n\n`);
  else if (output === '') io.stdout(`minikube version: ${MINIKUBE_VERSION}\ncommit: ${MINIKUBE_COMMIT}\n`);
  else {
    io.stderr(`\n❌  Exiting due to MK_USAGE: error: --output must be 'yaml' or 'json'\n\n`);
    return EXIT_USAGE;
  }
  return 0;
}

function* minikube(args: readonly string[], env: CommandEnv): Proc {
  const { io, session } = env;
  const at = commandWord(args);
  const name = at >= 0 ? (args[at] as string) : undefined;
  let rest = at >= 0 ? [...args.slice(0, at), ...args.slice(at + 1)] : [...args];
  if (name === undefined) {
    const root = parseMinikubeFlags(rest, []);
    if (!root.ok) {
      io.stderr(flagErrorText('', root.error).replace("'minikube  --help'", "'minikube --help'"));
      return EXIT_USAGE;
    }
    io.stdout(ROOT_HELP);
    return 0;
  }
  if (name === 'help') {
    io.stdout(ROOT_HELP);
    return 0;
  }
  if (!ROOT_COMMANDS.includes(name)) {
    io.stderr(unknownCommandText(name));
    return EXIT_USAGE;
  }
  // two-level commands: the first positional word after the name picks the subcommand
  let path = name;
  if (name === 'addons' || name === 'node' || name === 'profile') {
    const sub = commandWord(rest);
    const key = sub >= 0 ? `${name} ${rest[sub]}` : '';
    if (COMMAND_FLAGS[key]) {
      path = key;
      rest = [...rest.slice(0, sub), ...rest.slice(sub + 1)];
    }
  }
  const spec = COMMAND_FLAGS[path];
  if (!spec) return unimplemented(io, name);
  const parsed = parseMinikubeFlags(rest, spec);
  if (!parsed.ok) {
    io.stderr(flagErrorText(path, parsed.error));
    return EXIT_USAGE;
  }
  const { values } = parsed;
  const profile = String(values.profile ?? 'minikube');
  if (values.help === true) {
    if (path === 'addons') {
      io.stdout(ADDONS_HELP);
      return 0;
    }
    return unimplemented(io, `${path} --help`);
  }
  if (profile !== 'minikube' && name !== 'version') {
    io.stdout(
      `🤷  Profile "${profile}" not found. Run "minikube profile list" to view all profiles.\n👉  To start a cluster, run: "minikube start -p ${profile}"\n`,
    );
    return EXIT_GUEST_NOT_FOUND;
  }
  const words = [...path.split(' ').slice(1), ...parsed.args];
  switch (path) {
    case 'start':
      return yield* start(values.nodes === undefined ? [] : ['--nodes', String(values.nodes)], env);
    case 'node add':
      return yield* nodeCommand(
        [...words, ...(values['control-plane'] === true ? ['--control-plane'] : [])],
        env,
      );
    case 'node':
    case 'node list':
    case 'node delete':
      return yield* nodeCommand(words, env);
    case 'status':
      return yield* status(env);
    case 'stop':
      return yield* stop(env);
    case 'delete':
      return yield* remove(values.all === true ? ['--all'] : [], env);
    case 'addons':
    case 'addons list':
    case 'addons enable':
    case 'addons disable':
      return yield* addonsCommand(words, env);
    case 'version':
      return version(io, values);
    case 'profile':
      if (parsed.args.length === 0) {
        io.stdout('minikube\n');
        return 0;
      }
      return unimplemented(io, 'profile');
    case 'ip':
      if (session.sim.state.minikube.host === 'Absent') {
        io.stdout(PROFILE_NOT_FOUND);
        return EXIT_GUEST_NOT_FOUND;
      }
      io.stdout('192.168.49.2\n');
      return 0;
  }
  return unimplemented(io, path);
}

/** The `minikube` command for the shell's registry. */
export const minikubeCommand: CommandDef = { name: 'minikube', run: minikube };
