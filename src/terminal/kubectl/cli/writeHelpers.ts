/**
 * Pieces shared by the verbs that write objects from manifests (apply, create): the `--dry-run`
 * flag (kubernetes/kubectl pkg/cmd/util/helpers.go `GetDryRunStrategy`), the namespace an object
 * from a file goes to (cli-runtime builder `FilenameParam` with an enforced namespace), and the
 * name-printer line `<kind>[.<group>]/<name> <operation>` (cli-runtime pkg/printers/name.go).
 */
import { type KindInfo, qualifiedSingular } from '../../../core/api/kinds.ts';
import type { ObjectInput } from '../../../core/api/types.ts';
import { type KubectlError, plainError } from '../errors.ts';
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
