/**
 * `kubectl patch`, following kubernetes/kubectl pkg/cmd/patch/patch.go (1.30): `-p/--patch` (JSON
 * or YAML, converted to JSON first), `--patch-file`, `--type strategic|merge|json` (default
 * strategic); the patch is applied by the apiserver (patch/ library here) and printed as
 * `statefulset.apps/web patched`, or `patched (no change)` when the object came back unchanged.
 * Errors are the real ones: `must specify --patch or --patch-file containing the contents of the
 * patch`, `--type must be one of [json merge strategic], not "x"`, `unable to parse "<patch>": ...`
 * for text that is not YAML/JSON, and the apiserver's answers for patches that do not apply or make
 * the object invalid. A failed patch changes nothing. kubectl patch sends no fieldValidation, so the
 * apiserver's default (Warn) applies: unknown fields are dropped with a `Warning: unknown field`.
 */
import { parse as parseYaml } from 'yaml';
import { qualifiedSingular } from '../../../core/api/kinds.ts';
import type { KubeObject } from '../../../core/api/types.ts';
import type { Proc } from '../../shell/process.ts';
import type { FlagSpec } from '../cli/flags.ts';
import type { VerbContext, VerbModule } from '../cli/verbModule.ts';
import { flagBool, flagString } from '../cli/verbModule.ts';
import { DRY_RUN_FLAG, dryRunOf, dryRunSuffix, FILENAME_FLAG } from '../cli/writeHelpers.ts';
import { fail, type KubectlError, plainError, printErrors } from '../errors.ts';
import {
  formatPatchError,
  jsonMergePatch,
  jsonPatch,
  PatchError,
  patchedObjectError,
  strategicMergePatch,
} from '../patch/index.ts';
import { findTargets, writeObject } from './patchTargets.ts';

const FLAGS: FlagSpec[] = [
  { name: 'patch', short: 'p', type: 'string' },
  { name: 'patch-file', type: 'string' },
  { name: 'type', type: 'string', default: 'strategic' },
  { name: 'local', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
  { name: 'field-manager', type: 'string', default: 'kubectl-patch' },
  { name: 'subresource', type: 'string' },
  { name: 'record', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  FILENAME_FLAG,
  DRY_RUN_FLAG,
];

const PATCH_TYPES = ['json', 'merge', 'strategic'];

/** Parses the patch text as kubectl does (yaml.ToJSON accepts JSON and YAML). */
export function parsePatchText(text: string): { value: unknown } | { error: string } {
  try {
    return { value: parseYaml(text, { uniqueKeys: false }) ?? null };
  } catch (e) {
    const first = String((e as Error).message).split('\n')[0];
    const line = /line (\d+)/.exec(first)?.[1] ?? '1';
    return { error: `yaml: line ${line}: did not find expected node content` };
  }
}

/** Applies a patch of a type to an object as the apiserver would; throws PatchError. */
export function applyPatch(object: KubeObject, patch: unknown, type: string): KubeObject {
  const doc = object as unknown as Record<string, unknown>;
  if (type === 'json') return jsonPatch(doc, patch) as unknown as KubeObject;
  if (type === 'merge') {
    const out = jsonMergePatch(doc, patch);
    if (typeof out !== 'object' || out === null || Array.isArray(out)) throw patchedObjectError(out);
    return out as unknown as KubeObject;
  }
  return strategicMergePatch(doc, patch, object.kind) as unknown as KubeObject;
}

// biome-ignore lint/correctness/useYield: a command that never waits
function* runPatch(ctx: VerbContext): Proc {
  const { io } = ctx;
  const text = flagString(ctx, 'patch');
  const file = flagString(ctx, 'patch-file');
  if (text && file) return fail(io, plainError('cannot specify --patch and --patch-file together'));
  if (!text && !file)
    return fail(io, plainError('must specify --patch or --patch-file containing the contents of the patch'));
  if (flagBool(ctx, 'local') && ctx.args.length > 0)
    return fail(io, plainError('cannot specify --local and server resources'));
  const type = flagString(ctx, 'type').toLowerCase();
  if (!PATCH_TYPES.includes(type))
    return fail(
      io,
      plainError(`--type must be one of [${PATCH_TYPES.join(' ')}], not "${flagString(ctx, 'type')}"`),
    );
  const dry = dryRunOf(ctx);
  if ('error' in dry) return fail(io, dry.error);
  const body = file ? ctx.env.session.readFile(file) : text;
  if (body === undefined)
    return fail(io, plainError(`unable to read patch file: open ${file}: no such file or directory`));
  const parsed = parsePatchText(body);
  if ('error' in parsed) return fail(io, plainError(`unable to parse "${text}": ${parsed.error}`));
  const found = findTargets(ctx, ctx.args);
  if ('fatal' in found) return fail(io, found.fatal);
  const errors: KubectlError[] = [...found.errors];
  const outputName = flagString(ctx, 'output') === 'name';
  let count = 0;
  for (const { info, object } of found.targets) {
    count++;
    let next: KubeObject;
    try {
      next = applyPatch(object, parsed.value, type);
    } catch (e) {
      if (!(e instanceof PatchError)) throw e;
      errors.push({ type: 'raw', text: `${formatPatchError(e)}\n` });
      continue;
    }
    let changed = true;
    if (dry.value !== 'client') {
      const w = writeObject(ctx, object, next, dry.value === 'server', {
        fieldValidation: 'Warn',
        patch: parsed.value,
      });
      if (!w.ok) {
        errors.push(w.error);
        continue;
      }
      changed = w.changed;
    }
    const op = changed ? 'patched' : 'patched (no change)';
    io.stdout(
      outputName
        ? `${qualifiedSingular(info)}/${object.metadata.name}\n`
        : `${qualifiedSingular(info)}/${object.metadata.name} ${op}${dryRunSuffix(dry.value)}\n`,
    );
  }
  if (count === 0 && errors.length === 0) errors.push(plainError('no objects passed to patch'));
  return printErrors(io, errors);
}

export const patchVerb: VerbModule = {
  name: 'patch',
  short: 'Update fields of a resource',
  group: 'Advanced Commands',
  flags: FLAGS,
  run: runPatch,
};
