/**
 * The deployment-controller of kube-controller-manager, reduced to what a learner sees, after
 * kubernetes/kubernetes v1.30 pkg/controller/deployment (sync.go getNewReplicaSet/scale/
 * syncDeploymentStatus/calculateStatus, util/deployment_util.go FindNewReplicaSet, SetNewReplicaSetAnnotations,
 * the `Scaled up replica set <rs> to <n>` / `Scaled <up|down> replica set <rs> to <n> from <m>` events,
 * the Available and Progressing conditions).
 * The new ReplicaSet is the owned one whose template equals the Deployment's without the
 * pod-template-hash label; it is named `<deployment>-<hash>` and carries the hash as a label.
 * Lab differences: the hash is FNV-1 of the template's JSON (upstream hashes a spew dump of the Go
 * struct, which the lab cannot reproduce), so a user Deployment's ReplicaSet name differs from a real
 * cluster's; every template change is rolled out at once (the new ReplicaSet scaled to
 * spec.replicas, older ones to 0) instead of by maxSurge/maxUnavailable steps; paused, rollback
 * and revision-history cleanup are not modelled.
 */
import type {
  Deployment,
  DeploymentStatus,
  PodTemplateSpec,
  ReplicaSet,
  WorkloadCondition,
} from '../../api/types.ts';
import { sameJson } from '../../apiserver/apiServer.ts';
import type { Controller, Simulation } from '../../simulation/simulation.ts';
import type { WatchEvent } from '../../store/objectStore.ts';
import { fnv1_32, goJson, safeEncodeString } from '../statefulset/revisions.ts';
import { controlledBy, controllerRefOf } from './workloadPods.ts';

export const DEPLOYMENT_CONTROLLER = 'deployment-controller';
export const POD_TEMPLATE_HASH = 'pod-template-hash';
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

/** The lab's pod-template-hash of a template (see the file comment). */
export function podTemplateHash(template: PodTemplateSpec, collisionCount = 0): string {
  return safeEncodeString(String(fnv1_32(goJson(template), collisionCount ? String(collisionCount) : '')));
}

function withoutHash(t: PodTemplateSpec | undefined): unknown {
  if (!t) return undefined;
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH];
  return { ...t, metadata: { ...(t.metadata ?? {}), labels } };
}

/** FindNewReplicaSet: the oldest owned ReplicaSet whose template equals the Deployment's. */
export function findNewReplicaSet(d: Deployment, owned: readonly ReplicaSet[]): ReplicaSet | undefined {
  const want = withoutHash(d.spec.template);
  return [...owned]
    .sort((a, b) => (a.metadata.creationTimestamp < b.metadata.creationTimestamp ? -1 : 1))
    .find((rs) => sameJson(withoutHash(rs.spec.template), want));
}

const revisionOf = (rs: ReplicaSet) => Number(rs.metadata.annotations?.[REVISION_ANNOTATION] ?? 0);

function newReplicaSet(sim: Simulation, d: Deployment, owned: readonly ReplicaSet[]): ReplicaSet | undefined {
  const hash = podTemplateHash(d.spec.template, d.status?.collisionCount ?? 0);
  const labels = { ...(d.spec.template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH]: hash };
  const replicas = d.spec.replicas ?? 1;
  const revision = Math.max(0, ...owned.map(revisionOf)) + 1;
  const input = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels,
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(replicas),
        'deployment.kubernetes.io/max-replicas': String(replicas + maxSurge(d)),
        [REVISION_ANNOTATION]: String(revision),
      },
      ownerReferences: [controllerRefOf(d)],
    },
    spec: {
      replicas,
      selector: {
        ...d.spec.selector,
        matchLabels: { ...(d.spec.selector.matchLabels ?? {}), [POD_TEMPLATE_HASH]: hash },
      },
      template: { ...d.spec.template, metadata: { ...(d.spec.template.metadata ?? {}), labels } },
    },
  };
  const created = sim.api.create<ReplicaSet>(input);
  if (!created.ok) return undefined;
  sim.event(
    d,
    'Normal',
    'ScalingReplicaSet',
    `Scaled up replica set ${created.value.metadata.name} to ${replicas}`,
    DEPLOYMENT_CONTROLLER,
  );
  return created.value;
}

/** MaxSurge resolved against spec.replicas (percentages round up). */
function maxSurge(d: Deployment): number {
  if (d.spec.strategy?.type !== 'RollingUpdate') return 0;
  const v = d.spec.strategy.rollingUpdate?.maxSurge ?? '25%';
  if (typeof v === 'number') return v;
  const pct = Number.parseInt(v, 10);
  return Math.ceil(((d.spec.replicas ?? 1) * (Number.isNaN(pct) ? 0 : pct)) / 100);
}

function scale(sim: Simulation, d: Deployment, rs: ReplicaSet, to: number): void {
  const from = rs.spec.replicas ?? 1;
  if (from === to) return;
  const r = sim.api.update<ReplicaSet>({
    ...rs,
    metadata: {
      ...rs.metadata,
      annotations: {
        ...(rs.metadata.annotations ?? {}),
        'deployment.kubernetes.io/desired-replicas': String(d.spec.replicas ?? 1),
        'deployment.kubernetes.io/max-replicas': String((d.spec.replicas ?? 1) + maxSurge(d)),
      },
    },
    spec: { ...rs.spec, replicas: to },
  });
  if (r.ok)
    sim.event(
      d,
      'Normal',
      'ScalingReplicaSet',
      `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} to ${to} from ${from}`,
      DEPLOYMENT_CONTROLLER,
    );
}

/** SetDeploymentCondition: a changed condition moves to the end; an unchanged one keeps its times. */
function setCondition(conds: WorkloadCondition[], c: WorkloadCondition): WorkloadCondition[] {
  const old = conds.find((x) => x.type === c.type);
  if (old && old.status === c.status && old.reason === c.reason && old.message === c.message) return conds;
  const next = { ...c };
  if (old && old.status === c.status) next.lastTransitionTime = old.lastTransitionTime;
  return [...conds.filter((x) => x.type !== c.type), next];
}

/** calculateStatus plus the Available and Progressing conditions (complete rollout texts). */
export function deploymentStatus(
  d: Deployment,
  all: readonly ReplicaSet[],
  newRS: ReplicaSet | undefined,
  ts: string,
): DeploymentStatus {
  const sum = (f: (rs: ReplicaSet) => number | undefined) => all.reduce((n, rs) => n + (f(rs) ?? 0), 0);
  const want = d.spec.replicas ?? 1;
  const available = sum((rs) => rs.status?.availableReplicas);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation ?? 1,
    replicas: sum((rs) => rs.status?.replicas),
    updatedReplicas: newRS?.status?.replicas ?? 0,
    readyReplicas: sum((rs) => rs.status?.readyReplicas),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, sum((rs) => rs.spec.replicas) - available),
  };
  let conds = d.status?.conditions ?? [];
  const minAvailable = want - Math.min(want, maxUnavailable(d));
  conds = setCondition(
    conds,
    available >= minAvailable
      ? cond('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', ts)
      : cond(
          'Available',
          'False',
          'MinimumReplicasUnavailable',
          'Deployment does not have minimum availability.',
          ts,
        ),
  );
  if (newRS) {
    const done = (newRS.status?.availableReplicas ?? 0) >= want && status.replicas === want;
    const progressing = done
      ? cond(
          'Progressing',
          'True',
          'NewReplicaSetAvailable',
          `ReplicaSet "${newRS.metadata.name}" has successfully progressed.`,
          ts,
        )
      : cond(
          'Progressing',
          'True',
          'ReplicaSetUpdated',
          `ReplicaSet "${newRS.metadata.name}" is progressing.`,
          ts,
        );
    conds = setCondition(conds, progressing);
  }
  status.conditions = conds;
  for (const k of [
    'replicas',
    'updatedReplicas',
    'readyReplicas',
    'availableReplicas',
    'unavailableReplicas',
  ] as const)
    if (status[k] === 0) delete status[k];
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  return status;
}

function cond(
  type: string,
  status: 'True' | 'False',
  reason: string,
  message: string,
  ts: string,
): WorkloadCondition {
  return { type, status, lastUpdateTime: ts, lastTransitionTime: ts, reason, message };
}

function maxUnavailable(d: Deployment): number {
  if (d.spec.strategy?.type !== 'RollingUpdate') return 0;
  const v = d.spec.strategy.rollingUpdate?.maxUnavailable ?? '25%';
  if (typeof v === 'number') return v;
  const pct = Number.parseInt(v, 10);
  return Math.floor(((d.spec.replicas ?? 1) * (Number.isNaN(pct) ? 0 : pct)) / 100);
}

function syncDeployment(sim: Simulation, key: string): void {
  const slash = key.indexOf('/');
  const d = sim.store.get<Deployment>('Deployment', key.slice(0, slash), key.slice(slash + 1));
  if (!d || d.metadata.deletionTimestamp) return;
  let owned = controlledBy<ReplicaSet>(sim, 'ReplicaSet', d);
  let newRS = findNewReplicaSet(d, owned) ?? newReplicaSet(sim, d, owned);
  if (newRS) scale(sim, d, newRS, d.spec.replicas ?? 1);
  for (const rs of owned) if (rs.metadata.uid !== newRS?.metadata.uid) scale(sim, d, rs, 0);
  owned = controlledBy<ReplicaSet>(sim, 'ReplicaSet', d);
  newRS = owned.find((rs) => rs.metadata.uid === newRS?.metadata.uid);
  // the Deployment carries its new ReplicaSet's revision (SetDeploymentRevision)
  const revision = newRS?.metadata.annotations?.[REVISION_ANNOTATION];
  let current = d;
  if (revision && d.metadata.annotations?.[REVISION_ANNOTATION] !== revision) {
    const annotations = { ...(d.metadata.annotations ?? {}), [REVISION_ANNOTATION]: revision };
    const r = sim.api.update<Deployment>({ ...d, metadata: { ...d.metadata, annotations } });
    if (r.ok) current = r.value;
  }
  const status = deploymentStatus(current, owned, newRS, sim.timestamp());
  if (!sameJson(status, current.status)) sim.api.updateStatus<Deployment>({ ...current, status });
}

/** Watches Deployments and the ReplicaSets they control (see the file comment). */
export const deploymentController: Controller = {
  name: DEPLOYMENT_CONTROLLER,
  handle(ev: WatchEvent, sim: Simulation) {
    const o = ev.object;
    if (o.kind === 'Deployment' && ev.type !== 'DELETED')
      sim.enqueue(DEPLOYMENT_CONTROLLER, `${o.metadata.namespace}/${o.metadata.name}`);
    if (o.kind !== 'ReplicaSet') return;
    for (const r of o.metadata.ownerReferences ?? [])
      if (r.controller && r.kind === 'Deployment')
        sim.enqueue(DEPLOYMENT_CONTROLLER, `${o.metadata.namespace}/${r.name}`);
  },
  sync: (key, sim) => syncDeployment(sim, key),
};
