/**
 * Composes one lab: a simulated minikube cluster (seeded), the chosen scenario applied to it, the
 * terminal session on it with the host's programs, the kubelet's fault helpers for the two controls
 * without a kubectl command, and the app store bridged to all of them.
 */
import { crashContainer, failReadiness } from '../core/lifecycle/podActions.ts';
import { createSimulation } from '../core/simulation/createSimulation.ts';
import { type AppStore, createAppStore } from '../state/createAppStore.ts';
import { HOST_COMMANDS } from '../terminal/commands.ts';
import { Session } from '../terminal/shell/session.ts';
import { applyScenario } from './scenarios.ts';

export interface LabOptions {
  seed: number;
  scenario: string | null;
}

/** The `?seed=` and `?scenario=` of a query string (seed 0 and the empty cluster by default). */
export function labOptionsFrom(search: string): LabOptions {
  const q = new URLSearchParams(search);
  const seed = Number(q.get('seed') ?? '0');
  return { seed: Number.isInteger(seed) ? seed : 0, scenario: q.get('scenario') };
}

/** A ready lab: cluster, scenario, session and store. */
export function createLab(opts: LabOptions): AppStore {
  const sim = createSimulation({ seed: opts.seed });
  applyScenario(sim, opts.scenario);
  const session = new Session({ sim, commands: HOST_COMMANDS });
  return createAppStore({ getSim: () => session.sim, session, faults: { failReadiness, crashContainer } });
}
