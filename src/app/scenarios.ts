/**
 * Named starting states for `?scenario=` (and for e2e and the benchmark): each is the chapter's
 * manifest, possibly changed, applied with kubectl before the page opens, then run until the cluster
 * settles — so the page starts where a learner would be after following those steps. Like the chapter,
 * they first enable minikube's csi-hostpath-driver addon, whose class csi-hostpath-sc the claims use.
 * `empty` (the default) is a freshly started minikube, as the chapter begins.
 */
import { enableAddon } from '../core/cluster/addons.ts';
import type { Simulation } from '../core/simulation/simulation.ts';
import { toClusterView } from '../state/clusterView.ts';
import { captureCommand } from '../state/inspect.ts';
import { isSettled } from '../state/selectors.ts';
import { readBuiltinExample } from '../terminal/examples/builtinExamples.ts';
import { kubectlCommand } from '../terminal/kubectl/kubectlCommand.ts';

export interface Scenario {
  /** what the learner would have applied (YAML); undefined for an empty cluster */
  manifest?: () => string;
}

const chapter = () => readBuiltinExample('minimal-sts.yaml') ?? '';

/** The chapter's manifest with another replica count and, optionally, the Parallel policy. */
export function chapterWith(replicas: number, parallel = false): string {
  let text = chapter().replace(/^( {2}replicas:) 1$/m, `$1 ${replicas}`);
  if (parallel) text = text.replace(/^( {2}serviceName: .*)$/m, '$1\n  podManagementPolicy: Parallel');
  return text;
}

export const SCENARIOS: Readonly<Record<string, Scenario>> = {
  empty: {},
  chapter: { manifest: chapter },
  'chapter-3': { manifest: () => chapterWith(3) },
  'parallel-200': { manifest: () => chapterWith(200, true) },
};

/** How long (virtual) a scenario may take to settle before the page opens anyway. */
const SETTLE_LIMIT_MS = 30 * 60_000;

/**
 * Applies a scenario to a new cluster and runs it until settled. Unknown names are the empty cluster.
 * Returns the kubectl output of the apply (for diagnostics).
 */
export function applyScenario(sim: Simulation, name: string | null): string {
  const sc = SCENARIOS[name ?? 'empty'] ?? SCENARIOS.empty;
  if (!sc.manifest) return '';
  enableAddon(sim, 'csi-hostpath-driver');
  const out = captureCommand(kubectlCommand, ['apply', '-f', '-'], sim, { stdin: sc.manifest() });
  sim.runUntil(() => isSettled(toClusterView(sim.state)), SETTLE_LIMIT_MS);
  return out.stdout + out.stderr;
}
