/**
 * What the inspector shows for an object: exactly what `kubectl get KIND NAME -o yaml` and
 * `kubectl describe KIND NAME` print in the terminal, produced by running the same kubectl command
 * code (src/terminal/kubectl) against the cluster with a captured output, so the inspector can never
 * disagree with the terminal. Read-only verbs finish without waiting; if one ever waited, the capture
 * stops there and returns what was printed.
 */
import type { Simulation } from '../core/simulation/simulation.ts';
import { kubectlCommand } from '../terminal/kubectl/kubectlCommand.ts';
import type { CommandDef, SessionServices } from '../terminal/shell/process.ts';

export interface Captured {
  stdout: string;
  stderr: string;
  /** exit status, or undefined when the command waited (and was not resumed) */
  status: number | undefined;
}

export interface CaptureOptions {
  namespace?: string;
  /** standard input, as with `-f -` and a here-document */
  stdin?: string;
  /** files the command may read with `-f NAME` */
  readFile?: (path: string) => string | undefined;
}

/** Runs a command to completion with its output captured. Changes the cluster only as the command does. */
export function captureCommand(
  def: CommandDef,
  args: readonly string[],
  sim: Simulation,
  opts: CaptureOptions = {},
): Captured {
  let stdout = '';
  let stderr = '';
  const session: SessionServices = {
    sim,
    namespace: opts.namespace ?? 'default',
    readFile: opts.readFile ?? (() => undefined),
    history: [],
    headless: true,
    clusterReachable: sim.state.minikube.host === 'Running',
  };
  const proc = def.run(args, {
    io: {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
      stdin: opts.stdin,
    },
    session,
  });
  const step = proc.next();
  if (!step.done) {
    proc.return(130);
    return { stdout, stderr, status: undefined };
  }
  return { stdout, stderr, status: step.value };
}

/** The kubectl resource word of a kind (`statefulset`, `pod`, `persistentvolumeclaim`...). */
export function resourceWord(kind: string): string {
  return kind.toLowerCase();
}

/** `kubectl get KIND NAME -o yaml`, as the terminal would print it. */
export function inspectYaml(sim: Simulation, kind: string, name: string, namespace?: string): Captured {
  return captureCommand(kubectlCommand, ['get', resourceWord(kind), name, '-o', 'yaml'], sim, { namespace });
}

/** `kubectl describe KIND NAME`, as the terminal would print it. */
export function inspectDescribe(sim: Simulation, kind: string, name: string, namespace?: string): Captured {
  return captureCommand(kubectlCommand, ['describe', resourceWord(kind), name], sim, { namespace });
}
