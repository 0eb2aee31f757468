/**
 * The programs of the learner's host machine, as one list for sessions: the shell's small tools and
 * pipe filters, `minikube`, and `kubectl`. The page and the headless runner both create their sessions
 * with this list; pod-shell programs are not here (they run inside `kubectl exec` / `kubectl run -it`).
 */
import { kubectlCommand } from './kubectl/kubectlCommand.ts';
import { minikubeCommand } from './minikube/minikubeCommand.ts';
import { FILTER_COMMANDS } from './shell/filters.ts';
import type { CommandDef } from './shell/process.ts';
import { TOOL_COMMANDS } from './shell/tools.ts';

/** Every program the host shell can run by name. */
export const HOST_COMMANDS: readonly CommandDef[] = [
  ...TOOL_COMMANDS,
  ...FILTER_COMMANDS,
  minikubeCommand,
  kubectlCommand,
];
