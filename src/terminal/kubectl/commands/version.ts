/**
 * `kubectl version`, following kubernetes/kubectl pkg/cmd/version/version.go (1.30): the client
 * (kubectl v1.30.0 with its bundled kustomize) and the server (minikube 1.33's default Kubernetes
 * v1.30.0). `--client` skips the server; `-o json|yaml` prints the version.Info structs. The server
 * build facts are those the v1.30.0 apiserver reports on /version; the lab's kubectl reports the same
 * build (same release commit).
 */
import { stringify } from 'yaml';
import { connectionRefusedText, unreachableServer } from '../cli/cluster.ts';
import type { FlagSpec } from '../cli/flags.ts';
import type { VerbContext, VerbModule } from '../cli/verbModule.ts';
import { flagBool, flagString } from '../cli/verbModule.ts';
import { fail, plainError } from '../errors.ts';

/** version.Info of Kubernetes v1.30.0, fields in the struct's order. */
export const VERSION_INFO = {
  major: '1',
  minor: '30',
  gitVersion: 'v1.30.0',
  gitCommit: '7c48c2bd72b9bf5c44d21d7338cc7bea77d0ad2a',
  gitTreeState: 'clean',
  buildDate: '2024-04-17T17:27:03Z',
  goVersion: 'go1.22.2',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** The kustomize library version kubectl 1.30 is built with. */
export const KUSTOMIZE_VERSION = 'v5.0.4-0.20230601165947-6ce0bf390ce3';

const FLAGS: FlagSpec[] = [
  { name: 'client', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
];

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k] && typeof o[k] === 'object' ? sortKeys(o[k] as Record<string, unknown>) : o[k]]),
  );
}

function runVersion(ctx: VerbContext): number {
  const { io } = ctx;
  const output = flagString(ctx, 'output');
  if (output !== '' && output !== 'json' && output !== 'yaml')
    return fail(io, plainError("--output must be 'yaml' or 'json'"));
  const clientOnly = flagBool(ctx, 'client');
  const down = clientOnly ? undefined : unreachableServer(ctx.env.session);
  const doc: Record<string, unknown> = { clientVersion: VERSION_INFO, kustomizeVersion: KUSTOMIZE_VERSION };
  if (!clientOnly && !down) doc.serverVersion = VERSION_INFO;
  if (output === 'json') io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
  else if (output === 'yaml') io.stdout(stringify(sortKeys(doc), { lineWidth: 0 }));
  else {
    io.stdout(`Client Version: ${VERSION_INFO.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
    if (!clientOnly && !down) io.stdout(`Server Version: ${VERSION_INFO.gitVersion}\n`);
  }
  if (down) {
    io.stderr(connectionRefusedText(down, ctx.sim.now));
    return 1;
  }
  return 0;
}

export const versionVerb: VerbModule = {
  name: 'version',
  short: 'Print the client and server version information',
  group: 'Other Commands',
  flags: FLAGS,
  offline: true,
  run: runVersion,
};
