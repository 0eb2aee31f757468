/**
 * The one place the page's state touches the terminal engine's interactive driver
 * (src/terminal/shell/session.ts). The page needs only these members of it; main.tsx hands the real
 * session in, tests hand in a small fake. Keeping the shape here means a change to the engine's API
 * is fixed in one file.
 */
import type { Simulation } from '../core/simulation/simulation.ts';

/** The members of the terminal engine's interactive session the page uses. */
export interface InteractiveSession {
  /**
   * Types `line` + Enter at the prompt shown (the session echoes it, or only a newline at a prompt that
   * does not echo). Returns false and does nothing while no prompt is shown (a command runs).
   */
  submitLine(line: string): boolean;
  /** Ctrl-C: prints `^C`, ends the running command (a watch, a wait) or drops the typed line. */
  interrupt(): void;
  /** Called after the page moved virtual time: resumes processes whose wait is met. */
  tick(): void;
  /** Registers a listener for everything the session prints (prompts included). */
  onOutput(cb: (text: string) => void): unknown;
  /** The prompt the session shows now (`$ `, `> `, a pod shell's prompt); undefined while busy. */
  readonly currentPrompt: string | undefined;
  /** True while a command runs. */
  readonly isBusy: boolean;
}

/**
 * What the app store drives: the cluster (which the session may replace, e.g. on `minikube delete`
 * then `minikube start`, hence a getter) and the terminal session, absent until the engine is wired.
 */
export interface LabHost {
  getSim(): Simulation;
  readonly session?: InteractiveSession;
  /** the kubelet's fault helpers (src/core/lifecycle), absent until wired */
  readonly faults?: PodFaults;
}

/**
 * Faults with no kubectl equivalent, done by the simulated kubelet (src/core/lifecycle exports them):
 * make a pod's readiness probe fail or pass again, kill its container's main process.
 */
export interface PodFaults {
  failReadiness(sim: Simulation, namespace: string, name: string, failing: boolean): void;
  crashContainer(sim: Simulation, namespace: string, name: string): void;
}
