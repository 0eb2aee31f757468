/**
 * `kubectl set image`, following kubernetes/kubectl pkg/cmd/set/set_image.go (1.30):
 * `kubectl set image TYPE NAME CONTAINER=IMAGE...` (`*` for every container) changes the images of
 * the pod template (StatefulSet) or of the pod itself, init containers included, and prints
 * `statefulset.apps/web image updated`; an unchanged image prints nothing; an unknown container is
 * `error: unable to find container named "x"`. `set` itself only holds subcommands.
 */
import { qualifiedSingular } from '../../../core/api/kinds.ts';
import type { Container, KubeObject, PodSpec } from '../../../core/api/types.ts';
import type { Proc } from '../../shell/process.ts';
import type { FlagSpec } from '../cli/flags.ts';
import type { VerbContext, VerbModule } from '../cli/verbModule.ts';
import { flagBool, flagList, flagString } from '../cli/verbModule.ts';
import { DRY_RUN_FLAG, dryRunOf, dryRunSuffix, FILENAME_FLAG } from '../cli/writeHelpers.ts';
import { fail, type KubectlError, plainError, printErrors } from '../errors.ts';
import { getResourcesAndPairs, parsePairs } from './labelPairs.ts';
import { findTargets, writeObject } from './patchTargets.ts';

const FLAGS: FlagSpec[] = [
  { name: 'all', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
  { name: 'field-manager', type: 'string', default: 'kubectl-set' },
  { name: 'record', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  FILENAME_FLAG,
  DRY_RUN_FLAG,
];

/** The pod spec a kind carries (UpdatePodSpecForObject), or undefined when it has none. */
function podSpecPath(obj: KubeObject): 'pod' | 'template' | undefined {
  if (obj.kind === 'Pod') return 'pod';
  if (obj.spec?.template?.spec) return 'template';
  return undefined;
}

function setImages(
  list: Container[] | undefined,
  name: string,
  image: string,
): [Container[] | undefined, boolean] {
  if (!list) return [list, false];
  let found = false;
  const out = list.map((c) => {
    if (name !== '*' && c.name !== name) return c;
    found = true;
    return { ...c, image };
  });
  return [out, found];
}

// biome-ignore lint/correctness/useYield: a command that never waits
function* runSetImage(ctx: VerbContext): Proc {
  const { io } = ctx;
  const split = getResourcesAndPairs(ctx.args, 'image');
  if ('error' in split) return fail(io, plainError(split.error));
  const pairs = parsePairs(split.pairs, 'image', false);
  if ('error' in pairs) return fail(io, plainError(pairs.error));
  const images = pairs.set;
  const problems: string[] = [];
  if (split.resources.length < 1 && flagList(ctx, 'filename').length === 0)
    problems.push('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (Object.keys(images).length < 1) problems.push('at least one image update is required');
  else if (Object.keys(images).length > 1 && '*' in images)
    problems.push(
      'all containers are already specified by *, but saw more than one container_name=container_image pairs',
    );
  if (problems.length === 1) return fail(io, plainError(problems[0]));
  if (problems.length > 1) return fail(io, plainError(`[${problems.join(', ')}]`));
  if (flagBool(ctx, 'local')) return fail(io, plainError('--local is not supported by this lab'));
  const dry = dryRunOf(ctx);
  if ('error' in dry) return fail(io, dry.error);
  const found = findTargets(ctx, split.resources);
  if ('fatal' in found) return fail(io, found.fatal);
  const errors: KubectlError[] = [...found.errors];
  for (const { info, object } of found.targets) {
    const where = podSpecPath(object);
    if (!where) {
      errors.push(
        plainError(
          `${qualifiedSingular(info)}/${object.metadata.name} the object is not a pod or does not have a pod template: *v1.${info.kind}`,
        ),
      );
      continue;
    }
    let spec: PodSpec = where === 'pod' ? object.spec : object.spec.template.spec;
    for (const [name, image] of Object.entries(images)) {
      const [init, inInit] = setImages(spec.initContainers, name, image);
      const [main, inMain] = setImages(spec.containers, name, image);
      spec = { ...spec, containers: main ?? [], ...(init ? { initContainers: init } : {}) };
      if (!inInit && !inMain) errors.push(plainError(`unable to find container named "${name}"`));
    }
    const next: KubeObject =
      where === 'pod'
        ? { ...object, spec }
        : { ...object, spec: { ...object.spec, template: { ...object.spec.template, spec } } };
    if (JSON.stringify(next) === JSON.stringify(object)) continue;
    if (dry.value !== 'client') {
      const w = writeObject(ctx, object, next, dry.value === 'server');
      if (!w.ok) {
        const e = w.error;
        const why = e.type === 'api' ? e.status.message : e.type === 'raw' ? e.text.trim() : e.message;
        errors.push(plainError(`failed to patch image update to pod template: ${why}`));
        continue;
      }
    }
    io.stdout(
      flagString(ctx, 'output') === 'name'
        ? `${qualifiedSingular(info)}/${object.metadata.name}\n`
        : `${qualifiedSingular(info)}/${object.metadata.name} image updated${dryRunSuffix(dry.value)}\n`,
    );
  }
  return printErrors(io, errors);
}

const setImageVerb: VerbModule = {
  name: 'image',
  short: 'Update the image of a pod template',
  flags: FLAGS,
  run: runSetImage,
};

/** `kubectl set` with its `image` subcommand. */
export const setVerb: VerbModule = {
  name: 'set',
  short: 'Set specific features on objects',
  group: 'Basic Commands (Beginner)',
  subcommands: [setImageVerb],
};
