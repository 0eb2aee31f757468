/**
 * `kubectl label` and `kubectl annotate`, following kubernetes/kubectl pkg/cmd/label/label.go and
 * pkg/cmd/annotate/annotate.go (1.30): `key=value` sets, `key-` removes; without `--overwrite`
 * a key that already has a different value is an error (label: `'app' already has a value (web),
 * and --overwrite is false`; annotate: `--overwrite is false but found the following declared
 * annotation(s): 'k' already has a value (v)`); removing a missing label prints `label "x" not
 * found.`; the result line is `pod/web-0 labeled`, `... not labeled` (nothing changed) or
 * `... unlabeled` (only removals, no --overwrite), and always `... annotated` for annotate.
 * `--list` prints a label per line. Lab difference: `--list` sorts keys (Go's map order is random).
 */
import { qualifiedSingular } from '../../../core/api/kinds.ts';
import type { KubeObject } from '../../../core/api/types.ts';
import type { Proc } from '../../shell/process.ts';
import type { FlagSpec } from '../cli/flags.ts';
import type { VerbContext, VerbModule } from '../cli/verbModule.ts';
import { flagBool, flagList, flagString } from '../cli/verbModule.ts';
import { DRY_RUN_FLAG, dryRunOf, FILENAME_FLAG } from '../cli/writeHelpers.ts';
import { fail, type KubectlError, plainError, printErrors } from '../errors.ts';
import { getResourcesAndPairs, labelValueErrors, parsePairs } from './labelPairs.ts';
import { findTargets, writeObject } from './patchTargets.ts';

/** The flags label and annotate share. */
export const LABEL_FLAGS: FlagSpec[] = [
  { name: 'overwrite', type: 'bool' },
  { name: 'list', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'resource-version', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
  { name: 'field-manager', type: 'string' },
  { name: 'record', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  FILENAME_FLAG,
  DRY_RUN_FLAG,
];

export type Mode = 'label' | 'annotation';

interface Request {
  set: Record<string, string>;
  remove: string[];
}

function parseRequest(mode: Mode, pairs: string[]): Request | { error: string } {
  const parsed = parsePairs(pairs, mode, true);
  if ('error' in parsed) return parsed;
  if (mode === 'label') {
    for (const p of pairs)
      if (p.includes('=')) {
        const parts = p.split('=');
        if (parts.length !== 2) return { error: `invalid label spec: ${p}` };
        const errs = labelValueErrors(parts[1]);
        if (errs.length) return { error: `invalid label value: "${p}": ${errs.join('; ')}` };
      }
    if (parsed.remove.some((k) => k in parsed.set))
      return { error: 'can not both modify and remove a label in the same command' };
  } else {
    const both = parsed.remove.filter((k) => k in parsed.set);
    if (both.length)
      return {
        error: `can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`,
      };
  }
  return parsed;
}

function overwriteError(
  mode: Mode,
  current: Record<string, string>,
  set: Record<string, string>,
): string | undefined {
  const clashes = Object.keys(set).filter((k) => k in current && current[k] !== set[k]);
  if (clashes.length === 0) return undefined;
  if (mode === 'label')
    return clashes
      .map((k) => `'${k}' already has a value (${current[k]}), and --overwrite is false`)
      .join('\n');
  return `--overwrite is false but found the following declared annotation(s): ${clashes.map((k) => `'${k}' already has a value (${current[k]})`).join('; ')}`;
}

/** The shared run of `kubectl label` (mode `label`) and `kubectl annotate` (mode `annotation`). */
// biome-ignore lint/correctness/useYield: a command that never waits
export function* runLabelOrAnnotate(ctx: VerbContext, mode: Mode): Proc {
  const { io } = ctx;
  const field = mode === 'label' ? 'labels' : 'annotations';
  const split = getResourcesAndPairs(ctx.args, mode);
  if ('error' in split) return fail(io, plainError(split.error));
  const req = parseRequest(mode, split.pairs);
  if ('error' in req) return fail(io, plainError(req.error));
  const list = flagBool(ctx, 'list');
  if (list && flagString(ctx, 'output'))
    return fail(io, plainError('--list and --output may not be specified together'));
  if (flagBool(ctx, 'all') && flagString(ctx, 'selector'))
    return fail(io, plainError('cannot set --all and --selector at the same time'));
  if (split.resources.length === 0 && flagList(ctx, 'filename').length === 0)
    return fail(
      io,
      plainError('one or more resources must be specified as <resource> <name> or <resource>/<name>'),
    );
  if (Object.keys(req.set).length === 0 && req.remove.length === 0 && !list)
    return fail(io, plainError(`at least one ${mode} update is required`));
  const dry = dryRunOf(ctx);
  if ('error' in dry) return fail(io, dry.error);
  const found = findTargets(ctx, split.resources);
  if ('fatal' in found) return fail(io, found.fatal);
  const errors: KubectlError[] = [...found.errors];
  const overwrite = flagBool(ctx, 'overwrite');
  for (const { info, object } of found.targets) {
    const current = { ...((object.metadata[field] as Record<string, string> | undefined) ?? {}) };
    if (list) {
      for (const k of Object.keys(current).sort()) io.stdout(`${k}=${current[k]}\n`);
      continue;
    }
    if (mode === 'label')
      for (const k of req.remove) if (!(k in current)) io.stdout(`label "${k}" not found.\n`);
    const clash = overwrite ? undefined : overwriteError(mode, current, req.set);
    if (clash) {
      errors.push(plainError(clash));
      continue;
    }
    const next = { ...current, ...req.set };
    for (const k of req.remove) delete next[k];
    const meta = { ...object.metadata, [field]: next };
    const updated = { ...object, metadata: meta } as KubeObject;
    const oldSize = JSON.stringify(object).length;
    let changed = JSON.stringify(current) !== JSON.stringify(next);
    if (dry.value !== 'client') {
      const w = writeObject(ctx, object, updated, dry.value === 'server');
      if (!w.ok) {
        errors.push(w.error);
        continue;
      }
      changed = w.changed;
    }
    let op = mode === 'annotation' ? 'annotated' : changed ? 'labeled' : 'not labeled';
    if (mode === 'label' && changed && !overwrite && JSON.stringify(updated).length < oldSize)
      op = 'unlabeled';
    const suffix = dry.value === 'none' ? '' : ' (dry run)';
    io.stdout(
      flagString(ctx, 'output') === 'name'
        ? `${qualifiedSingular(info)}/${object.metadata.name}\n`
        : `${qualifiedSingular(info)}/${object.metadata.name} ${op}${suffix}\n`,
    );
  }
  return printErrors(io, errors);
}

export const labelVerb: VerbModule = {
  name: 'label',
  short: 'Update the labels on a resource',
  group: 'Settings Commands',
  flags: LABEL_FLAGS,
  run: (ctx) => runLabelOrAnnotate(ctx, 'label'),
};
