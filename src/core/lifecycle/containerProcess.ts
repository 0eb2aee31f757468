/**
 * What a container's main process does, from its image and its command: create and start it (the
 * `container.started` timer), let it exit on its own when that is what it would do (a shell without
 * stdin, `sleep N`, a database image without its required password variable), and stop it on
 * SIGTERM within the grace period — or not at all when PID 1 ignores SIGTERM (a shell, `sleep`), in
 * which case it is killed (exit 137) when the grace period ends.
 *
 * Follows kubernetes/kubernetes (release-1.30) pkg/kubelet/kuberuntime/kuberuntime_container.go
 * (startContainer: create then start; killContainer: SIGTERM, then SIGKILL at the grace deadline).
 * Where the lab differs: what a process does is decided from the image catalogue and the command,
 * not by running anything: small scripts and programs are interpreted (commandScript.ts); for any
 * other command the first word decides.
 */
import type { Container, Pod } from '../api/types.ts';
import { resolveImage } from '../images/resolveImage.ts';
import type { Simulation } from '../simulation/simulation.ts';
import { commandPlan } from './commandScript.ts';
import type { PodMachineContext } from './podRuntime.ts';

const SHELLS = new Set(['bash', 'sh', 'ash', 'dash', 'zsh']);
/** A program that only exits (or a script once its last sleep ends) is gone within a few ms. */
const PROGRAM_EXIT_MS = 50;
/** docker create + start on minikube: a few hundred ms. */
const CREATE_START_MS = 600;
/** The exit code of a process killed by SIGKILL (128 + 9). */
export const KILLED_EXIT_CODE = 137;

/** How the main process of `container` behaves. */
export interface ProcessBehaviour {
  /** ms after start when it exits on its own, or null when it stays up */
  exitsAfterMs: number | null;
  /**
   * The part of `exitsAfterMs` that varies from run to run (jittered by 20 %); the rest is exact (a
   * script's `sleep`). Absent: all of it varies.
   */
  exitSpreadMs?: number;
  exitCode: number;
  /** ms it needs to exit on SIGTERM, or null when it ignores SIGTERM */
  stopMs: number | null;
  /** ms after start when it serves (readiness probes pass) */
  servingMs: number;
}

function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/**
 * Decides the main process's behaviour from the container's command when commandScript.ts knows it
 * (`sh -c "exit 1"` exits 1 at once), else from the image traits and the command's first word. Pure.
 */
export function processBehaviour(container: Container): ProcessBehaviour {
  const resolved = resolveImage(container.image);
  const traits = resolved.ok ? resolved.traits : undefined;
  const words = [...(container.command ?? []), ...(container.args ?? [])];
  const program = words.length ? basename(words[0]) : undefined;
  const servingMs = (traits?.startSeconds ?? 0.5) * 1000;
  const stopServer = traits?.stopSeconds == null ? null : traits.stopSeconds * 1000;
  const plan = commandPlan(container);
  if (plan) {
    // a shell or a plain program as PID 1 has no SIGTERM handler: it is killed at the grace deadline
    if (plan.exitsAfterMs === null) return { exitsAfterMs: null, exitCode: 0, stopMs: null, servingMs };
    return {
      exitsAfterMs: plan.exitsAfterMs + PROGRAM_EXIT_MS,
      exitSpreadMs: PROGRAM_EXIT_MS,
      exitCode: plan.exitCode,
      stopMs: null,
      servingMs,
    };
  }
  // `sh -c "<script>"`: the script's first command decides.
  const script =
    program && SHELLS.has(program) && words[1] === '-c' ? (words[2] ?? '').trim().split(/\s+/) : undefined;
  const effective = script ? basename(script[0] ?? '') : program;
  const effectiveArgs = script ? script.slice(1) : words.slice(1);
  if (effective === 'sleep') {
    const n = Number(effectiveArgs[0]);
    return { exitsAfterMs: Number.isFinite(n) ? n * 1000 : null, exitCode: 0, stopMs: null, servingMs };
  }
  if (effective === 'tail' && effectiveArgs.includes('-f'))
    return { exitsAfterMs: null, exitCode: 0, stopMs: null, servingMs };
  if (script) return { exitsAfterMs: 100, exitCode: 0, stopMs: null, servingMs };
  const isShell = program ? SHELLS.has(program) : traits?.main === 'shell';
  if (isShell)
    // An interactive shell waits for its stdin; without one it reads EOF and exits at once.
    return { exitsAfterMs: container.stdin ? null : 100, exitCode: 0, stopMs: null, servingMs };
  if (!program && traits?.requiredEnv) {
    const env = new Set((container.env ?? []).map((e) => e.name));
    if (!traits.requiredEnv.every((group) => group.some((name) => env.has(name))))
      return { exitsAfterMs: 800, exitCode: 1, stopMs: stopServer, servingMs };
  }
  return { exitsAfterMs: null, exitCode: 0, stopMs: stopServer, servingMs };
}

/**
 * Creates and starts container `index` (a new instance): schedules `container.started` and, if the
 * process will end by itself, its `container.exited`. Draws the container ID and jitter from the
 * simulation's generator.
 */
export function createContainer(
  sim: Simulation,
  pod: Pod,
  ctx: PodMachineContext,
  index: number,
  timerKey: string,
): void {
  const container = pod.spec.containers[index];
  const instance = ctx.containers[index].instance;
  const behaviour = processBehaviour(container);
  const startIn = sim.random.jitter(CREATE_START_MS, 0.3);
  const servingAt = sim.now + startIn + sim.random.jitter(behaviour.servingMs, 0.2);
  sim.after(startIn, 'kubelet', timerKey, {
    event: {
      type: 'container.started',
      index,
      instance,
      containerID: `docker://${sim.random.hex(64)}`,
      servingAt,
    },
  });
  if (behaviour.exitsAfterMs !== null) {
    const spread = behaviour.exitSpreadMs ?? behaviour.exitsAfterMs;
    const exitIn = behaviour.exitsAfterMs - spread + sim.random.jitter(spread, 0.2);
    sim.after(startIn + exitIn, 'kubelet', timerKey, {
      event: { type: 'container.exited', index, exitCode: behaviour.exitCode, instance },
    });
  }
}

/**
 * Sends SIGTERM to every running container: each stops after its own time, or is killed when the
 * grace period ends. With nothing running, the pod is done almost at once.
 */
export function stopContainers(
  sim: Simulation,
  pod: Pod,
  ctx: PodMachineContext,
  graceMs: number,
  timerKey: string,
): void {
  let any = false;
  ctx.containers.forEach((c, index) => {
    if (c.state !== 'running') return;
    any = true;
    const { stopMs } = processBehaviour(pod.spec.containers[index]);
    const graceful = stopMs !== null ? sim.random.jitter(stopMs, 0.3) : null;
    const event =
      graceful !== null && graceful < graceMs
        ? { type: 'container.stopped' as const, index, exitCode: 0, at: graceful }
        : { type: 'container.stopped' as const, index, exitCode: KILLED_EXIT_CODE, at: graceMs };
    sim.after(event.at, 'kubelet', timerKey, {
      event: { type: event.type, index: event.index, exitCode: event.exitCode },
    });
  });
  if (!any)
    sim.after(sim.random.jitter(300, 0.3), 'kubelet', timerKey, {
      event: { type: 'container.stopped', index: -1, exitCode: 0 },
    });
}
