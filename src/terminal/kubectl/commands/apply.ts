/**
 * `kubectl apply -f` (client-side apply), following kubernetes/kubectl pkg/cmd/apply/apply.go and
 * pkg/cmd/apply/patcher.go (1.30): for each object of the manifests in order, create it with the
 * `kubectl.kubernetes.io/last-applied-configuration` annotation when it does not exist (`created`),
 * otherwise compute the three-way strategic merge patch between the last applied configuration, the
 * new manifest and the live object: `{}` prints `unchanged`, anything else is applied (`configured`).
 * Errors are collected and printed after the other objects were processed, as kubectl does.
 * `--validate` (cmdutil.GetValidationDirective) becomes the request's fieldValidation: unknown fields
 * fail the request (strict, the default), come back as `Warning: ...` lines (warn), or are dropped
 * (ignore); the apiserver's warnings are printed on stderr once each (client-go's WarningWriter).
 * Lab difference: server-side apply, pruning and kustomize are not simulated.
 */
import type { KubeObject } from '../../../core/api/types.ts';
import type { FlagSpec } from '../cli/flags.ts';
import type { VerbContext, VerbModule } from '../cli/verbModule.ts';
import { flagList } from '../cli/verbModule.ts';
import {
  DRY_RUN_FLAG,
  FILENAME_FLAG,
  infoString,
  nameLine,
  prepareManifestWrite,
  printWarnings,
  targetNamespace,
} from '../cli/writeHelpers.ts';
import {
  addSource,
  apiError,
  fail,
  type KubectlError,
  plainError,
  printErrors,
  usageError,
} from '../errors.ts';
import { APPLY_HELP } from '../help/verbHelp.ts';
import { sortedJson } from '../manifests.ts';
import { formatPatchError, PatchError } from '../patch/patchErrors.ts';
import { createThreeWayMergePatch } from '../patch/strategicDiff.ts';
import { strategicMergePatch } from '../patch/strategicMerge.ts';

/** The annotation client-side apply keeps the applied manifest in. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const FLAGS: FlagSpec[] = [
  FILENAME_FLAG,
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  DRY_RUN_FLAG,
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'prune', type: 'bool' },
  { name: 'prune-allowlist', type: 'stringArray' },
  { name: 'all', type: 'bool' },
  { name: 'force', type: 'bool' },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'overwrite', type: 'bool', default: true },
  { name: 'server-side', type: 'bool' },
  { name: 'force-conflicts', type: 'bool' },
  { name: 'field-manager', type: 'string', default: 'kubectl-client-side-apply' },
  { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' },
  { name: 'wait', type: 'bool' },
  { name: 'timeout', type: 'duration', default: '0s' },
  { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background' },
  { name: 'openapi-patch', type: 'bool', default: true },
  { name: 'record', type: 'bool' },
  { name: 'save-config', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'template', type: 'string' },
];

/**
 * The object as apply sends it: the manifest with its namespace filled in and the annotation set
 * to the manifest's own JSON (without that annotation, keys sorted, newline-terminated), as
 * kubectl's GetModifiedConfiguration writes it.
 */
export function withLastApplied(obj: Record<string, unknown>, namespace: string | undefined): KubeObject {
  const meta = { ...((obj.metadata as Record<string, unknown>) ?? {}) };
  if (namespace) meta.namespace = namespace;
  const annotations = { ...((meta.annotations as Record<string, string>) ?? {}) };
  delete annotations[LAST_APPLIED];
  const original = { ...obj, metadata: { ...meta, annotations } };
  const json = `${sortedJson(original)}\n`;
  return {
    ...obj,
    metadata: { ...meta, annotations: { ...annotations, [LAST_APPLIED]: json } },
  } as unknown as KubeObject;
}

function runApply(ctx: VerbContext): number {
  const { io, sim } = ctx;
  if (ctx.args.length > 0)
    return fail(io, usageError(ctx.commandPath, `Unexpected args: [${ctx.args.join(' ')}]`));
  const files = flagList(ctx, 'filename');
  if (files.length === 0) return fail(io, plainError('must specify one of -f and -k'));
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
    const ns = target.namespace;
    const name = typeof object.metadata?.name === 'string' ? object.metadata.name : '';
    const modified = withLastApplied(object, ns);
    const live = sim.api.get(info.kind, ns, name);
    if (!live.ok) {
      if (live.error.reason !== 'NotFound') {
        errors.push(
          addSource(
            `retrieving current configuration of:\n${infoString(info, name, ns)}\nfrom server for:`,
            source,
            apiError(live.error),
          ),
        );
        continue;
      }
      if (dry === 'client') {
        io.stdout(nameLine(info, name, `created${suffix}`, outputName));
        continue;
      }
      const created = sim.api.create(modified, {
        namespace: ns,
        dryRun: dry === 'server',
        fieldValidation,
      });
      printWarnings(io, warned, created.warnings);
      if (!created.ok) errors.push(addSource('creating', source, apiError(created.error)));
      else io.stdout(nameLine(info, name, `created${suffix}`, outputName));
      continue;
    }
    const current = live.value;
    const lastText = current.metadata.annotations?.[LAST_APPLIED];
    if (lastText === undefined)
      io.stderr(
        `Warning: resource ${info.plural}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
      );
    let original: Record<string, unknown> | undefined;
    try {
      original = lastText ? (JSON.parse(lastText) as Record<string, unknown>) : undefined;
    } catch {
      original = undefined;
    }
    let patched: KubeObject;
    let patch: Record<string, unknown>;
    try {
      patch = createThreeWayMergePatch(
        original,
        modified as unknown as Record<string, unknown>,
        current as unknown as Record<string, unknown>,
        info.kind,
      );
      if (Object.keys(patch).length === 0) {
        io.stdout(nameLine(info, name, `unchanged${suffix}`, outputName));
        continue;
      }
      patched = strategicMergePatch(
        current as unknown as Record<string, unknown>,
        patch,
        info.kind,
      ) as unknown as KubeObject;
    } catch (e) {
      if (e instanceof PatchError) {
        errors.push({ type: 'raw', text: `${formatPatchError(e)}\n` });
        continue;
      }
      throw e;
    }
    if (dry !== 'client') {
      const updated = sim.api.update(patched, { dryRun: dry === 'server', fieldValidation, patch });
      printWarnings(io, warned, updated.warnings);
      if (!updated.ok) {
        const verb = `applying patch:\n${JSON.stringify(patch)}\nto:\n${infoString(info, name, ns)}\nfor:`;
        errors.push(addSource(verb, source, apiError(updated.error)));
        continue;
      }
    }
    io.stdout(nameLine(info, name, `configured${suffix}`, outputName));
  }
  return printErrors(io, errors);
}

export const applyVerb: VerbModule = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  group: 'Advanced Commands',
  flags: FLAGS,
  help: APPLY_HELP,
  run: runApply,
};
