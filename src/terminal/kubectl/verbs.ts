/**
 * The kubectl verbs the lab simulates: a plain list of verb modules (see cli/verbModule.ts for the
 * shape). To add a verb, import its module and append it to the list; the entry point
 * (kubectlCommand.ts) finds verbs by name or alias, parses their flags and prints their help.
 */
import type { VerbModule } from './cli/verbModule.ts';
import { apiResourcesVerb } from './commands/apiResources.ts';
import { applyVerb } from './commands/apply.ts';
import { createVerb } from './commands/create.ts';
import { deleteVerb } from './commands/delete.ts';
import { describeVerb } from './commands/describe.ts';
import { eventsVerb } from './commands/events.ts';
import { getVerb } from './commands/get.ts';
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
];
