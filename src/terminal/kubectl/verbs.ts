/**
 * The kubectl verbs the lab simulates: a plain list of verb modules (see cli/verbModule.ts for the
 * shape). To add a verb, import its module and append it to the list; the entry point
 * (kubectlCommand.ts) finds verbs by name or alias, parses their flags and prints their help.
 */
import type { VerbModule } from './cli/verbModule.ts';
import { annotateVerb } from './commands/annotate.ts';
import { apiResourcesVerb } from './commands/apiResources.ts';
import { applyVerb } from './commands/apply.ts';
import { attachVerb } from './commands/attach.ts';
import { createVerb } from './commands/create.ts';
import { deleteVerb } from './commands/delete.ts';
import { describeVerb } from './commands/describe.ts';
import { eventsVerb } from './commands/events.ts';
import { execVerb } from './commands/exec.ts';
import { getVerb } from './commands/get.ts';
import { labelVerb } from './commands/label.ts';
import { logsVerb } from './commands/logs.ts';
import { patchVerb } from './commands/patch.ts';
import { rolloutVerb } from './commands/rollout.ts';
import { runVerb } from './commands/run.ts';
import { scaleVerb } from './commands/scale.ts';
import { setVerb } from './commands/setImage.ts';
import { versionVerb } from './commands/version.ts';
import { waitVerb } from './commands/wait.ts';

export const VERBS: VerbModule[] = [
  applyVerb,
  createVerb,
  getVerb,
  describeVerb,
  deleteVerb,
  waitVerb,
  eventsVerb,
  apiResourcesVerb,
  versionVerb,
  scaleVerb,
  patchVerb,
  setVerb,
  labelVerb,
  annotateVerb,
  rolloutVerb,
  logsVerb,
  execVerb,
  runVerb,
  attachVerb,
];
