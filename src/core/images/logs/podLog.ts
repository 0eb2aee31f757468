/**
 * A container's log as `kubectl logs` reads it through the kubelet (kubernetes 1.30
 * pkg/kubelet/kuberuntime/logs/logs.go ReadLogs): the lines one container instance — the current
 * one, or with `previous` the last terminated one — has written up to the virtual now, each with its
 * time. Decides from the simulation what really happened in that run: which image and command ran,
 * when the kubelet's machine started it, made it serve and saw it end (`state.machines[uid]`, in
 * virtual ms), and, for a MariaDB server, whether the datadir was empty when that run's entrypoint
 * looked. Pure reads; no random draws.
 *
 * Where the lab differs: the datadir test relies on workloadsModule.ts's initialisation, which
 * derives the `.my-healthcheck.cnf` password from the pod uid and the container ID of the run that
 * initialised it (the real entrypoint draws it with pwgen), so the run whose ID produces the stored
 * password is the one that found the datadir empty. Timestamps below the millisecond (the kubelet
 * prints nanoseconds) are derived from the container ID and the line number.
 */
import type { Container, KubeObject, Pod } from '../../api/types.ts';
import { fromTimestamp } from '../../clock/virtualClock.ts';
import { processBehaviour } from '../../lifecycle/containerProcess.ts';
import type { ContainerRuntime, PodMachineContext } from '../../lifecycle/podRuntime.ts';
import type { Simulation } from '../../simulation/simulation.ts';
import { containerEnvMap } from '../../workloads/containerEnv.ts';
import { isDatadirInitialised } from '../../workloads/mariadbDatadir.ts';
import { isMariadbServer, mariadbServerVersion } from '../../workloads/mariadbImage.ts';
import { datadirFiles } from '../../workloads/mariadbServers.ts';
import { sha1Hex } from '../../workloads/sha1.ts';
import { rootPasswordFromEnv } from '../../workloads/workloadsModule.ts';
import { resolveImage } from '../resolveImage.ts';
import { commandRunLog } from './commandLog.ts';
import { type LogLine, mariadbRunLog } from './mariadbLog.ts';
import { knownNginxTag, nginxRunLog } from './nginxLog.ts';

/** A written line: its virtual ms, the nanoseconds below it, and its text. */
export interface TimedLine extends LogLine {
  nanos: number;
}

/** What `containerLog` found. */
export interface ContainerLog {
  /** lines written up to the virtual now, oldest first */
  lines: TimedLine[];
  /** the instance whose lines these are (undefined: none has run) */
  containerID?: string;
  /** true while that instance still runs (a follower keeps reading) */
  running: boolean;
  /** when the instance writes its next line, if that is known already */
  nextAt?: number;
}

/** One container instance as the kubelet knew it. */
interface Instance {
  containerID: string;
  startedAt: number;
  servingAt?: number;
  finishedAt?: number;
  exitCode?: number;
}

function machineContainer(sim: Simulation, pod: Pod, index: number): ContainerRuntime | undefined {
  const ctx = sim.state.machines[pod.metadata.uid]?.context as PodMachineContext | undefined;
  return ctx?.containers?.[index];
}

/** The instance to read, from the kubelet's machine (ms precision) or, failing that, the pod status. */
function instanceOf(sim: Simulation, pod: Pod, index: number, previous: boolean): Instance | undefined {
  const name = pod.spec.containers[index]?.name;
  const m = machineContainer(sim, pod, index);
  if (m) {
    if (previous)
      return m.last
        ? {
            containerID: m.last.containerID,
            startedAt: m.last.startedAt,
            finishedAt: m.last.finishedAt,
            exitCode: m.last.exitCode,
          }
        : undefined;
    if (m.startedAt === undefined || !m.containerID) return undefined;
    const ended = m.state === 'terminated';
    return {
      containerID: m.containerID,
      startedAt: m.startedAt,
      servingAt: m.servingAt,
      finishedAt: ended ? m.finishedAt : undefined,
      exitCode: ended ? m.exitCode : undefined,
    };
  }
  const status = pod.status?.containerStatuses?.find((s) => s.name === name);
  const state = previous
    ? status?.lastState?.terminated
    : (status?.state.running ?? status?.state.terminated);
  if (!state?.startedAt) return undefined;
  const terminated = previous ? status?.lastState?.terminated : status?.state.terminated;
  return {
    containerID: (terminated?.containerID ?? status?.containerID ?? '') as string,
    startedAt: fromTimestamp(state.startedAt),
    finishedAt: terminated?.finishedAt ? fromTimestamp(terminated.finishedAt) : undefined,
    exitCode: terminated?.exitCode,
  };
}

/** Whether the run with `containerID` found the datadir empty (see the file comment). */
function datadirWhenStarted(
  sim: Simulation,
  pod: Pod,
  container: Container,
  containerID: string,
): { state: 'empty' | 'populated'; stored?: string } {
  const files = datadirFiles(sim, pod, container);
  if (!files || !isDatadirInitialised(files)) return { state: 'empty' };
  const mine = sha1Hex(`healthcheck:${pod.metadata.uid}/${containerID}`).slice(0, 32);
  if ((files['.my-healthcheck.cnf'] ?? '').includes(`password=${mine}\n`)) return { state: 'empty' };
  return { state: 'populated', stored: files.mariadb_upgrade_info };
}

function nodeFacts(sim: Simulation, pod: Pod): { kernel: string; cpus: number } {
  const node = pod.spec.nodeName
    ? sim.store.get<KubeObject>('Node', undefined, pod.spec.nodeName)
    : undefined;
  const status = (
    node as { status?: { nodeInfo?: { kernelVersion?: string }; capacity?: Record<string, string> } }
  )?.status;
  return {
    kernel: status?.nodeInfo?.kernelVersion ?? '5.15.0-107-generic',
    cpus: Number(status?.capacity?.cpu ?? 2) || 2,
  };
}

/** Every line the instance writes (also future ones: their `at` lies after now). */
function instanceLines(sim: Simulation, pod: Pod, container: Container, run: Instance): LogLine[] {
  const resolved = resolveImage(container.image);
  if (!resolved.ok) return [];
  const servingAt = run.servingAt ?? run.startedAt + resolved.traits.startSeconds * 1000;
  if (isMariadbServer(container)) {
    const env = containerEnvMap(sim.store, pod, container);
    const datadir = datadirWhenStarted(sim, pod, container, run.containerID);
    const behaviour = processBehaviour(container);
    const random =
      !env.MARIADB_ROOT_PASSWORD &&
      !env.MYSQL_ROOT_PASSWORD &&
      !!(env.MARIADB_RANDOM_ROOT_PASSWORD || env.MYSQL_RANDOM_ROOT_PASSWORD);
    return mariadbRunLog({
      server: mariadbServerVersion(container.image) ?? '',
      hostname: pod.spec.hostname ?? pod.metadata.name,
      env,
      datadir: datadir.state,
      storedVersion: datadir.stored,
      generatedPassword: random ? rootPasswordFromEnv(env, pod.metadata.uid ?? '') : undefined,
      missingPassword: behaviour.exitsAfterMs !== null && behaviour.exitCode === 1,
      startedAt: run.startedAt,
      servingAt,
      finishedAt: run.finishedAt,
      exitCode: run.exitCode,
    });
  }
  const commandLines = commandRunLog(container, run.startedAt, run.finishedAt, sim.now);
  if (commandLines) return commandLines;
  const words = [...(container.command ?? []), ...(container.args ?? [])];
  const defaultCommand =
    container.command === undefined && (words.length === 0 || /^nginx(-debug)?$/.test(words[0] ?? ''));
  if (resolved.entry.repository === 'nginx' && defaultCommand && knownNginxTag(resolved.reference.tag))
    return nginxRunLog({
      tag: resolved.reference.tag,
      ...nodeFacts(sim, pod),
      startedAt: run.startedAt,
      servingAt,
      finishedAt: run.finishedAt,
    });
  // other shells and commands, nginx-slim and the images without known texts write nothing
  return [];
}

/** FNV-1a of a text: the stable source of the sub-millisecond digits. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The log of container `containerName` of `pod` as the kubelet serves it now: the current
 * instance's lines, or with `previous` the last terminated instance's. Pure reads of `sim`.
 */
export function containerLog(
  sim: Simulation,
  pod: Pod,
  containerName: string,
  previous: boolean,
): ContainerLog {
  const index = pod.spec.containers.findIndex((c) => c.name === containerName);
  const container = pod.spec.containers[index];
  const run = container ? instanceOf(sim, pod, index, previous) : undefined;
  if (!container || !run) return { lines: [], running: false };
  const all = instanceLines(sim, pod, container, run);
  const written = all.filter((l) => l.at <= sim.now);
  return {
    containerID: run.containerID,
    running: !previous && run.finishedAt === undefined,
    nextAt: all.find((l) => l.at > sim.now)?.at,
    lines: stamped(written, run.containerID),
  };
}

/**
 * The lines with their sub-millisecond digits, so that `--timestamps` never goes backwards within a
 * run: the kubelet stamps each line as the runtime reads it, so lines written within one millisecond
 * carry rising nanoseconds. The digits drawn for such a group are handed out in ascending order.
 */
function stamped(lines: LogLine[], containerID: string): TimedLine[] {
  const out: TimedLine[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && lines[j].at === lines[i].at) j++;
    const digits: number[] = [];
    for (let k = i; k < j; k++) digits.push(fnv(`${containerID}/${k}`) % 1_000_000);
    digits.sort((a, b) => a - b);
    for (let k = i; k < j; k++) out.push({ ...lines[k], nanos: digits[k - i] });
    i = j;
  }
  return out;
}
