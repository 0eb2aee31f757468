/**
 * Pieces shared by the verbs that write objects from manifests (apply, create): the `--dry-run`
 * flag (kubernetes/kubectl pkg/cmd/util/helpers.go `GetDryRunStrategy`), the namespace an object
 * from a file goes to (cli-runtime builder `FilenameParam` with an enforced namespace), and the
 * name-printer line `<kind>[.<group>]/<name> <operation>` (cli-runtime pkg/printers/name.go).
 */
import { type KindInfo, qualifiedSingular } from '../../../core/api/kinds.ts';
import type { ObjectInput } from '../../../core/api/types.ts';
import type { FieldValidation } from '../../../core/apiserver/decode/decodeObject.ts';
import type { Io } from '../../shell/process.ts';
import { fail, type KubectlError, plainError } from '../errors.ts';
import { type ManifestObject, readManifests } from '../manifests.ts';
import type { FlagSpec } from './flags.ts';
import { flagString, type VerbContext } from './verbModule.ts';

export type DryRun = 'none' | 'client' | 'server';

/** The `--dry-run` flag as kubectl 1.30 defines it. */
export const DRY_RUN_FLAG: FlagSpec = {
  name: 'dry-run',
  type: 'string',
  default: 'none',
  noOptDefault: 'unset',
};

/** `--dry-run` value, or kubectl's error for a bad one. */
export function dryRunOf(ctx: VerbContext): { value: DryRun } | { error: KubectlError } {
  const v = flagString(ctx, 'dry-run');
  if (v === '' || v === 'none') return { value: 'none' };
  if (v === 'client' || v === 'server') return { value: v };
  return { error: plainError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`) };
}

/** The suffix the name printer adds for a dry run. */
export function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '';
}

/** `statefulset.apps/web created`, or `statefulset.apps/web` with `-o name`. */
export function nameLine(info: KindInfo, name: string, operation: string, outputName = false): string {
  return outputName
    ? `${qualifiedSingular(info)}/${name}\n`
    : `${qualifiedSingular(info)}/${name} ${operation}\n`;
}

/**
 * The namespace an object from a file is written to: its own, else the command's. With `-n` given,
 * a different namespace in the file is kubectl's error.
 */
export function targetNamespace(
  ctx: VerbContext,
  info: KindInfo,
  obj: ObjectInput,
): { namespace: string | undefined } | { error: KubectlError } {
  if (!info.namespaced) return { namespace: undefined };
  const own = typeof obj.metadata?.namespace === 'string' ? obj.metadata.namespace : '';
  if (own && ctx.namespaceExplicit && own !== ctx.namespace)
    return {
      error: plainError(
        `the namespace from the provided object "${own}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${own}' to perform this operation.`,
      ),
    };
  return { namespace: own || ctx.namespace };
}

/** cli-runtime Info.String(): how apply names an object in its patch errors. */
export function infoString(info: KindInfo, name: string, namespace: string | undefined): string {
  const gv = info.group ? `${info.group}/${info.version}` : info.version;
  return `Resource: "${gv}, Resource=${info.plural}", GroupVersionKind: "${gv}, Kind=${info.kind}"\nName: "${name}", Namespace: "${namespace ?? ''}"`;
}

/** The `-f/--filename` flag of the verbs that read manifests. */
export const FILENAME_FLAG: FlagSpec = { name: 'filename', short: 'f', type: 'stringSlice' };

/**
 * The fieldValidation a `--validate` value asks for (cmdutil.GetValidationDirective): strict/true,
 * warn, ignore/false (and the other spellings strconv.ParseBool accepts), or kubectl's error.
 */
export function validationDirective(ctx: VerbContext): { value: FieldValidation } | { error: KubectlError } {
  const flag = flagString(ctx, 'validate');
  if (['1', 't', 'T', 'TRUE', 'true', 'True', 'strict'].includes(flag)) return { value: 'Strict' };
  if (['0', 'f', 'F', 'FALSE', 'false', 'False', 'ignore'].includes(flag)) return { value: 'Ignore' };
  if (flag === 'warn') return { value: 'Warn' };
  return {
    error: plainError(
      `invalid - validate option "${flag}"; must be one of: strict (or true), warn, ignore (or false)`,
    ),
  };
}

/** Prints the apiserver's warnings as client-go's deduplicating WarningWriter does. */
export function printWarnings(io: Io, seen: Set<string>, warnings: readonly string[] | undefined): void {
  for (const w of warnings ?? []) {
    if (seen.has(w)) continue;
    seen.add(w);
    io.stderr(`Warning: ${w}\n`);
  }
}

/** What apply and create have decided before they write the objects of their `-f` files. */
export interface ManifestWrite {
  dry: DryRun;
  /** ` (dry run)`, ` (server dry run)` or '' */
  suffix: string;
  fieldValidation: FieldValidation;
  /** `-o name` */
  outputName: boolean;
  objects: ManifestObject[];
}

/**
 * Reads `--dry-run`, `--validate`, `-o` and the `-f` files, in kubectl's order of checks. On a bad
 * flag or an unreadable manifest it prints kubectl's error and returns the exit status instead.
 */
export function prepareManifestWrite(ctx: VerbContext, files: readonly string[]): ManifestWrite | number {
  const { io } = ctx;
  const dry = dryRunOf(ctx);
  if ('error' in dry) return fail(io, dry.error);
  const validation = validationDirective(ctx);
  if ('error' in validation) return fail(io, validation.error);
  const output = flagString(ctx, 'output');
  if (output !== '' && output !== 'name')
    return fail(
      io,
      plainError(
        `unable to match a printer suitable for the output format "${output}", allowed formats are: name`,
      ),
    );
  const read = readManifests(files, ctx.env.session, io.stdin);
  if (!read.ok) return fail(io, plainError(read.error));
  return {
    dry: dry.value,
    suffix: dryRunSuffix(dry.value),
    fieldValidation: validation.value,
    outputName: output === 'name',
    objects: read.objects,
  };
}
