/**
 * `kubectl logs`, following kubernetes/kubectl pkg/cmd/logs/logs.go (1.30) and the apiserver's
 * pod log validation (pkg/registry/core/pod/strategy.go `LogLocation`): `POD` or `TYPE/NAME`,
 * `-c`, `--tail`, `-p/--previous`, `-f/--follow`; errors as the server words them:
 * `container "x" in pod "y" is waiting to start: ContainerCreating` (BadRequest), `container x is
 * not valid for pod y`, `previous terminated container "x" in pod "y" not found`. The lines come
 * from `logHooks.lines` — the kubelet/image engineer's container log source. Lab gap: until that
 * source is plugged in, a running container's log is empty (the lab does not make up log lines).
 */
import type { Container, Pod } from '../../../core/api/types.ts';
import { kubeletTimestamp } from '../../../core/images/logs/logTime.ts';
import { type ContainerLog, containerLog, type TimedLine } from '../../../core/images/logs/podLog.ts';
import { type Proc, waitUntil } from '../../shell/process.ts';
import { parseGoDuration } from '../cli/flags.ts';
import type { VerbContext, VerbModule } from '../cli/verbModule.ts';
import { flagBool, flagInt, flagString } from '../cli/verbModule.ts';
import { fail, usageError } from '../errors.ts';
import { attachablePod, pickContainer } from './exec.ts';

/**
 * Where log lines come from. By default the image log source (`containerLog`); `lines`, when set,
 * replaces it with fixed lines (tests, course authors), which carry the virtual now as their time.
 */
export const logHooks: {
  lines?: (pod: Pod, container: Container, previous: boolean, now: number) => string[];
} = {};

/** The log of the container instance, through `logHooks.lines` when it is set. */
function readLog(ctx: VerbContext, pod: Pod, container: Container, previous: boolean): ContainerLog {
  const { sim } = ctx;
  if (!logHooks.lines) return containerLog(sim, pod, container.name, previous);
  const lines = logHooks
    .lines(pod, container, previous, sim.now)
    .map((text) => ({ at: sim.now, nanos: 0, text }));
  return { lines, running: !previous, containerID: pod.metadata.uid };
}

/**
 * How the kubelet words a waiting container in a log request (pkg/kubelet/kubelet_pods.go
 * validateContainerLogStatus, 1.30): the two image-pull reasons get their own text, others print as is.
 */
function waitingText(reason: string): string {
  if (reason === 'ErrImagePull') return "image can't be pulled";
  if (reason === 'ImagePullBackOff') return 'trying and failing to pull image';
  return reason;
}

const badRequest = (message: string) => ({
  type: 'raw' as const,
  text: `Error from server (BadRequest): ${message}\n`,
});

function* runLogs(ctx: VerbContext): Proc {
  const { io, sim } = ctx;
  if (ctx.args.length === 0)
    return fail(
      io,
      usageError(
        ctx.commandPath,
        "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command",
      ),
    );
  let target = ctx.args[0];
  let containerFlag = flagString(ctx, 'container');
  if (ctx.args.length === 2 && !containerFlag && !target.includes('/')) containerFlag = ctx.args[1];
  else if (ctx.args.length > 2 || (ctx.args.length === 2 && target.includes('/')))
    return fail(
      io,
      usageError(
        ctx.commandPath,
        "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command",
      ),
    );
  const found = attachablePod(ctx, target);
  if ('error' in found) return fail(io, found.error);
  const pod = found.pod;
  target = pod.metadata.name;
  const all = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])];
  if (containerFlag && !all.some((c) => c.name === containerFlag))
    return fail(io, badRequest(`container ${containerFlag} is not valid for pod ${target}`));
  const picked = pickContainer(ctx, pod, containerFlag);
  if ('error' in picked) return fail(io, badRequest(picked.error));
  const container = all.find((c) => c.name === picked.name) as Container;
  const status = pod.status?.containerStatuses?.find((s) => s.name === picked.name);
  // validateContainerLogStatus: a container waiting after a run (CrashLoopBackOff) serves the last run's log
  const lastRunOnly =
    !status?.state.running && !status?.state.terminated && status?.lastState?.terminated !== undefined;
  const previous = flagBool(ctx, 'previous') || lastRunOnly;
  if (previous) {
    if (!status?.lastState?.terminated)
      return fail(
        io,
        badRequest(`previous terminated container "${picked.name}" in pod "${target}" not found`),
      );
  } else if (!status || (!status.state.running && !status.state.terminated)) {
    const reason = status?.state.waiting?.reason ?? 'ContainerCreating';
    return fail(
      io,
      badRequest(`container "${picked.name}" in pod "${target}" is waiting to start: ${waitingText(reason)}`),
    );
  }
  const tail = flagInt(ctx, 'tail');
  const sinceMs = parseGoDuration(flagString(ctx, 'since') || '0s') ?? 0;
  let bytesLeft = flagInt(ctx, 'limit-bytes') > 0 ? flagInt(ctx, 'limit-bytes') : Number.POSITIVE_INFINITY;
  const stamps = flagBool(ctx, 'timestamps');
  const print = (lines: readonly TimedLine[]) => {
    for (const l of lines) {
      if (bytesLeft <= 0) return;
      const text = `${stamps ? `${kubeletTimestamp(l.at, l.nanos)} ` : ''}${l.text}\n`;
      // --limit-bytes counts bytes of the stream, so a line may be cut in the middle
      const bytes = new TextEncoder().encode(text);
      io.stdout(bytes.length <= bytesLeft ? text : new TextDecoder().decode(bytes.slice(0, bytesLeft)));
      bytesLeft -= bytes.length;
    }
  };
  const first = readLog(ctx, pod, container, previous);
  let shown = sinceMs > 0 ? first.lines.filter((l) => l.at >= sim.now - sinceMs) : first.lines;
  if (tail >= 0) shown = shown.slice(Math.max(0, shown.length - tail));
  print(shown);
  if (!flagBool(ctx, 'follow') || previous || !first.running) return 0;
  let printed = first.lines.length;
  const followed = first.containerID;
  const uid = pod.metadata.uid;
  const current = () => sim.store.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name);
  for (;;) {
    const before = current();
    const log = before && before.metadata.uid === uid ? readLog(ctx, before, container, false) : undefined;
    const next = log?.nextAt;
    yield* waitUntil(
      () => {
        const p = current();
        if (!p || p.metadata.uid !== uid) return true;
        const now = readLog(ctx, p, container, false);
        return now.containerID !== followed || !now.running || now.lines.length > printed;
      },
      next === undefined ? undefined : Math.max(1, next - sim.now),
    );
    const p = current();
    if (!p || p.metadata.uid !== uid) return 0;
    const now = readLog(ctx, p, container, false);
    if (now.containerID !== followed) {
      // the followed instance ended and the container restarted: its last lines are now "previous"
      const last = readLog(ctx, p, container, true);
      if (last.containerID === followed) print(last.lines.slice(printed));
      return 0;
    }
    print(now.lines.slice(printed));
    printed = now.lines.length;
    if (!now.running) return 0;
  }
}

export const logsVerb: VerbModule = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  group: 'Troubleshooting and Debugging Commands',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'follow', short: 'f', type: 'bool' },
    { name: 'previous', short: 'p', type: 'bool' },
    { name: 'tail', type: 'int', default: -1 },
    { name: 'timestamps', type: 'bool' },
    { name: 'since', type: 'duration', default: '0s' },
    { name: 'all-containers', type: 'bool' },
    { name: 'prefix', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'pod-running-timeout', type: 'duration', default: '20s' },
    { name: 'max-log-requests', type: 'int', default: 5 },
    { name: 'ignore-errors', type: 'bool' },
    { name: 'limit-bytes', type: 'int', default: 0 },
    { name: 'since-time', type: 'string' },
    { name: 'insecure-skip-tls-verify-backend', type: 'bool' },
  ],
  run: runLogs,
};
