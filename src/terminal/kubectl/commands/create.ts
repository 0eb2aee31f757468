/**
 * `kubectl create -f`, following kubernetes/kubectl pkg/cmd/create/create.go (1.30): every object of
 * the manifests is created in order (`<kind>/<name> created`); an existing one is the apiserver's
 * AlreadyExists error with the file named (`error when creating "f.yaml": ...`); errors are printed
 * after the other objects were created. `--save-config` stores the last-applied annotation as apply
 * would; `--validate` is the request's fieldValidation, as for apply. Lab difference: the `create <kind>` generator subcommands are not simulated.
 */

import type { FlagSpec } from '../cli/flags.ts';
import type { VerbContext, VerbModule } from '../cli/verbModule.ts';
import { flagBool, flagList } from '../cli/verbModule.ts';
import {
  DRY_RUN_FLAG,
  FILENAME_FLAG,
  nameLine,
  prepareManifestWrite,
  printWarnings,
  targetNamespace,
} from '../cli/writeHelpers.ts';
import { addSource, apiError, fail, type KubectlError, printErrors, usageError } from '../errors.ts';
import { CREATE_HELP } from '../help/verbHelp.ts';
import { withLastApplied } from './apply.ts';

const FLAGS: FlagSpec[] = [
  FILENAME_FLAG,
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  DRY_RUN_FLAG,
  { name: 'save-config', type: 'bool' },
  { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' },
  { name: 'edit', type: 'bool' },
  { name: 'raw', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-manager', type: 'string', default: 'kubectl-create' },
  { name: 'windows-line-endings', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'template', type: 'string' },
];

function runCreate(ctx: VerbContext): number {
  const { io, sim } = ctx;
  const files = flagList(ctx, 'filename');
  if (files.length === 0) {
    // create.go: without -f the command prints this line, then cmdutil.DefaultSubCommandRun: words
    // that name no sub-command are a usage error (RequireNoArguments), otherwise its help, on stderr.
    if (ctx.args.length > 0) {
      io.stderr('Error: must specify one of -f and -k\n\n');
      return fail(io, usageError('kubectl create', `unknown command "${ctx.args.join(' ')}"`));
    }
    io.stderr(`Error: must specify one of -f and -k\n\n${CREATE_HELP ?? ''}`);
    return 1;
  }
  const prepared = prepareManifestWrite(ctx, files);
  if (typeof prepared === 'number') return prepared;
  const { dry, suffix, fieldValidation, outputName } = prepared;
  const errors: KubectlError[] = [];
  const warned = new Set<string>();
  for (const { object, info, source } of prepared.objects) {
    const target = targetNamespace(ctx, info, object);
    if ('error' in target) {
      errors.push(target.error);
      continue;
    }
    const name = typeof object.metadata?.name === 'string' ? object.metadata.name : '';
    const body = flagBool(ctx, 'save-config') ? withLastApplied(object, target.namespace) : object;
    if (dry === 'client') {
      io.stdout(nameLine(info, name, `created${suffix}`, outputName));
      continue;
    }
    const r = sim.api.create(body, {
      namespace: target.namespace,
      dryRun: dry === 'server',
      fieldValidation,
    });
    printWarnings(io, warned, r.warnings);
    if (!r.ok) errors.push(addSource('creating', source, apiError(r.error)));
    else io.stdout(nameLine(info, r.value.metadata.name, `created${suffix}`, outputName));
  }
  return printErrors(io, errors);
}

export const createVerb: VerbModule = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  group: 'Basic Commands (Beginner)',
  flags: FLAGS,
  help: CREATE_HELP,
  run: runCreate,
};
