/**
 * The `minikube` program (v1.33.1, docker driver): start, status, stop, delete, addons, version, ip and
 * --help, with minikube's texts and exit codes (see minikubeText.ts for sources); unknown commands get
 * cobra's `Error: unknown command` text with its "Did you mean this?" suggestions
 * (spf13/cobra command.go SuggestionsFor: Levenshtein distance <= 2 or a prefix match), exit 14.
 *
 * The cluster: `minikube delete` replaces the session's Simulation with an empty one whose
 * `state.minikube.host` is 'Absent' (kubectl then cannot connect); `minikube start` on it creates a new
 * minikube cluster with createSimulation and the session's seed, so runs stay deterministic; on a
 * stopped cluster it marks the host Running again. Lab differences: start/stop/delete take no virtual
 * time; while stopped, the cluster's controllers keep running (nothing can reach them); other real
 * commands (ssh, dashboard, service, ...) say they are not simulated.
 */

import { ADDONS, isAddonEnabled } from '../../core/cluster/addons.ts';
import { CLUSTER_MODULES, createSimulation } from '../../core/simulation/createSimulation.ts';
import { Simulation } from '../../core/simulation/simulation.ts';
import type { CommandDef, CommandEnv, Proc } from '../shell/process.ts';
import { addonsCommand } from './addonsCommand.ts';
import {
  DELETE_LINES,
  EXIT_GUEST_NOT_FOUND,
  EXIT_USAGE,
  MINIKUBE_COMMIT,
  MINIKUBE_VERSION,
  PROFILE_NOT_FOUND,
  ROOT_COMMANDS,
  ROOT_HELP,
  START_DONE,
  START_HEAD,
  STATUS_STOPPED_EXIT,
  STOP_LINES,
  statusText,
  VERIFYING_COMPONENTS,
} from './minikubeText.ts';

const lines = (ls: readonly string[]) => ls.map((l) => `${l}\n`).join('');

/** Addons in the order `Enabled addons:` lists them: the two defaults first, as minikube's goroutines finish. */
function enabledAddons(sim: Simulation): string[] {
  const first = ['storage-provisioner', 'default-storageclass'];
  const rest = ADDONS.map((a) => a.name).filter((n) => !first.includes(n));
  return [...first, ...rest].filter((n) => isAddonEnabled(sim, n));
}

/** The lines after "Preparing Kubernetes": verification, addon images, enabled addons, Done. */
function startTail(sim: Simulation): string {
  const names = enabledAddons(sim);
  let out = `${VERIFYING_COMPONENTS}\n`;
  for (const n of names) {
    for (const image of ADDONS.find((a) => a.name === n)?.images ?? []) out += `    ▪ Using image ${image}\n`;
  }
  return `${out}🌟  Enabled addons: ${names.join(', ')}\n${START_DONE}\n`;
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

// biome-ignore lint/correctness/useYield: minikube's lifecycle commands return at once in the lab
function* start({ io, session }: CommandEnv): Proc {
  const host = session.sim.state.minikube.host;
  if (host === 'Absent') {
    const sim = createSimulation({ seed: session.sim.state.seed });
    session.sim = sim;
    io.stdout(lines(START_HEAD.fresh) + startTail(sim));
    return 0;
  }
  const head = host === 'Running' ? START_HEAD.running : START_HEAD.stopped;
  session.sim.state.minikube.host = 'Running';
  session.sim.state.minikube.starts++;
  io.stdout(lines(head) + startTail(session.sim));
  return 0;
}

// biome-ignore lint/correctness/useYield: returns at once
function* status({ io, session }: CommandEnv): Proc {
  const host = session.sim.state.minikube.host;
  if (host === 'Absent') {
    io.stdout(PROFILE_NOT_FOUND);
    return EXIT_GUEST_NOT_FOUND;
  }
  io.stdout(statusText(host));
  return host === 'Running' ? 0 : STATUS_STOPPED_EXIT;
}

// biome-ignore lint/correctness/useYield: returns at once
function* stop({ io, session }: CommandEnv): Proc {
  if (session.sim.state.minikube.host === 'Absent') {
    io.stdout(PROFILE_NOT_FOUND);
    return EXIT_GUEST_NOT_FOUND;
  }
  session.sim.state.minikube.host = 'Stopped';
  io.stdout(lines(STOP_LINES));
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

function* minikube(args: readonly string[], env: CommandEnv): Proc {
  const { io, session } = env;
  // -p minikube / --profile=minikube name the only profile there is
  const rest = args.filter(
    (a, i) =>
      !(
        a === '-p' ||
        a === '--profile' ||
        a === '--profile=minikube' ||
        ((args[i - 1] === '-p' || args[i - 1] === '--profile') && a === 'minikube')
      ),
  );
  const [name, ...sub] = rest;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(ROOT_HELP);
    return 0;
  }
  switch (name) {
    case 'start':
      return yield* start(env);
    case 'status':
      return yield* status(env);
    case 'stop':
      return yield* stop(env);
    case 'delete':
      return yield* remove(sub, env);
    case 'addons':
      return yield* addonsCommand(sub, env);
    case 'version':
      io.stdout(`minikube version: ${MINIKUBE_VERSION}\ncommit: ${MINIKUBE_COMMIT}\n`);
      return 0;
    case 'ip':
      if (session.sim.state.minikube.host === 'Absent') {
        io.stdout(PROFILE_NOT_FOUND);
        return EXIT_GUEST_NOT_FOUND;
      }
      io.stdout('192.168.49.2\n');
      return 0;
  }
  if (ROOT_COMMANDS.includes(name)) {
    io.stderr(`"minikube ${name}" is not simulated in this lab\n`);
    return 1;
  }
  io.stderr(unknownCommandText(name));
  return EXIT_USAGE;
}

/** The `minikube` command for the shell's registry. */
export const minikubeCommand: CommandDef = { name: 'minikube', run: minikube };
