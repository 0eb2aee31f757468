/**
 * Test support for the transcript tests of the writing verbs (scale, patch, set image, label,
 * annotate, rollout, logs, exec, run): a bare simulation (no controllers, so the tests set the
 * exact cluster state the spec's transcripts start from), builders for StatefulSets, pods and
 * ControllerRevisions, and `kubectl(sim, line)` that runs one command line to its end, meeting its
 * waits on the virtual clock as the headless runner does. Imported only by *.test.ts files.
 */
import type { ControllerRevision, KubeObject, Pod, StatefulSet } from '../../../core/api/types.ts';
import { newRevision } from '../../../core/controllers/statefulset/revisions.ts';
import { Simulation } from '../../../core/simulation/simulation.ts';
import type { Proc, SessionServices, WaitResult } from '../../shell/process.ts';
import { parseFlags } from '../cli/flags.ts';
import { GLOBAL_FLAGS } from '../cli/globalFlags.ts';
import type { VerbContext, VerbModule } from '../cli/verbModule.ts';
import { annotateVerb } from './annotate.ts';
import { execVerb } from './exec.ts';
import { labelVerb } from './label.ts';
import { logsVerb } from './logs.ts';
import { patchVerb } from './patch.ts';
import { rolloutVerb } from './rollout.ts';
import { runVerb } from './run.ts';
import { scaleVerb } from './scale.ts';
import { setVerb } from './setImage.ts';

/** This engineer's verbs, driven without the entry point so other verbs' work in progress cannot break these tests. */
const MY_VERBS: VerbModule[] = [
  scaleVerb,
  patchVerb,
  setVerb,
  labelVerb,
  annotateVerb,
  rolloutVerb,
  logsVerb,
  execVerb,
  runVerb,
];

/** A simulation with the default namespace and a timer `test.put` that stores `data` (an object). */
export function bareSim(): Simulation {
  const sim = new Simulation({
    seed: 7,
    modules: [{ timers: { 'test.put': (t, s) => void s.store.put(t.data as KubeObject) } }],
  });
  sim.store.add({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'default', uid: '', resourceVersion: '', creationTimestamp: '' },
  } as KubeObject);
  return sim;
}

function meta(name: string, namespace: string | undefined = 'default') {
  return { name, namespace, uid: '', resourceVersion: '', creationTimestamp: '' };
}

/** A StatefulSet `name` of nginx pods, with a rolled-out status for `ready` of `replicas`. */
export function addStatefulSet(sim: Simulation, name = 'web', replicas = 3, ready = replicas): StatefulSet {
  return sim.store.add<StatefulSet>({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { ...meta(name), generation: 1 },
    spec: {
      replicas,
      serviceName: 'nginx',
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: {
          containers: [
            {
              name: 'nginx',
              image: 'registry.k8s.io/nginx-slim:0.8',
              ports: [{ containerPort: 80, name: 'web', protocol: 'TCP' }],
            },
          ],
        },
      },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      podManagementPolicy: 'OrderedReady',
      revisionHistoryLimit: 10,
    },
    status: {
      observedGeneration: 1,
      replicas,
      readyReplicas: ready,
      currentReplicas: replicas,
      updatedReplicas: replicas,
      availableReplicas: ready,
    },
  });
}

/** Stores the set's current template as ControllerRevision number `revision`. */
export function addRevision(sim: Simulation, set: StatefulSet, revision: number): ControllerRevision {
  return sim.store.add(newRevision(set, revision, 0));
}

/** A pod with one container `nginx` in the given state (running, or waiting with a reason). */
export function addPod(
  sim: Simulation,
  name: string,
  state: 'running' | string = 'running',
  extra: Partial<Pod['spec']> = {},
): Pod {
  const running = state === 'running';
  return sim.store.add<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...meta(name), labels: { app: 'nginx' } },
    spec: {
      containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.8' }],
      hostname: name,
      subdomain: 'nginx',
      nodeName: 'minikube',
      ...extra,
    },
    status: {
      phase: running ? 'Running' : 'Pending',
      containerStatuses: [
        {
          name: 'nginx',
          state: running
            ? { running: { startedAt: '2024-06-01T10:00:00Z' } }
            : { waiting: { reason: state } },
          lastState: {},
          ready: running,
          restartCount: 0,
          image: 'registry.k8s.io/nginx-slim:0.8',
          imageID: '',
        },
      ],
    },
  });
}

/** Splits a command line like a shell for the tests: spaces, and '...' or "..." quoting. */
export function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) {
    const prev = out.length > 0 && m.index !== undefined && line[m.index - 1] !== ' ' && m.index > 0;
    const text = m[1] ?? m[2] ?? m[3];
    if (prev) out[out.length - 1] += text;
    else out.push(text);
  }
  return out;
}

/** Runs `kubectl <line>` (one of this engineer's verbs, flags parsed as the entry point does) to its end; waits advance the virtual clock (at most 10 min each). */
export function kubectl(sim: Simulation, line: string): { stdout: string; stderr: string; code: number } {
  let stdout = '';
  let stderr = '';
  const session: SessionServices = {
    sim,
    namespace: 'default',
    readFile: () => undefined,
    history: [],
    headless: true,
  };
  const io = {
    stdout: (t: string) => {
      stdout += t;
    },
    stderr: (t: string) => {
      stderr += t;
    },
  };
  const args = words(line);
  let verb = MY_VERBS.find((v) => v.name === args[0]) as VerbModule;
  let rest = args.slice(1);
  let path = `kubectl ${verb.name}`;
  if (verb.subcommands) {
    verb = verb.subcommands.find((v) => v.name === rest[0]) as VerbModule;
    path = `${path} ${verb.name}`;
    rest = rest.slice(1);
  }
  const parsed = parseFlags(rest, [...(verb.flags ?? []), ...GLOBAL_FLAGS]);
  if (!parsed.ok) throw new Error(parsed.error);
  const p = parsed.parsed;
  const ns = typeof p.values.namespace === 'string' && p.values.namespace ? p.values.namespace : 'default';
  const ctx: VerbContext = {
    env: { io, session },
    io,
    sim,
    args: p.positional,
    argsLenAtDash: p.argsLenAtDash,
    flags: p.values,
    changed: new Set(p.changed),
    namespace: ns,
    namespaceExplicit: p.changed.includes('namespace'),
    commandPath: path,
  };
  const proc = (verb.run as (c: VerbContext) => Proc)(ctx);
  let step = proc.next();
  while (!step.done) {
    const w = step.value;
    let res: WaitResult;
    if (w.type === 'sleep') {
      sim.advance(w.ms);
      res = { type: 'sleep' };
    } else if (w.type === 'until') res = { type: 'until', met: sim.runUntil(w.done, w.timeoutMs ?? 600_000) };
    else if (w.type === 'input') res = { type: 'input', line: '' };
    else res = { type: 'load', value: undefined };
    step = proc.next(res);
  }
  return { stdout, stderr, code: step.value };
}

/** The whole cluster state as text, to check that a failed command changed nothing. */
export function stateText(sim: Simulation): string {
  return JSON.stringify(sim.state);
}
