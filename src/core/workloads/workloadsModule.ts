/**
 * The server side of the workloads pods run: when a MariaDB server container starts, its
 * entrypoint initialises an empty data directory (docker-library/mariadb docker-entrypoint.sh
 * `_main`: `if [ -z "$DATABASE_ALREADY_EXISTS" ]` -> docker_init_database_dir, docker_setup_db), with
 * the root password taken from the container's environment at that moment; a datadir that exists
 * is used as it is, whatever the environment says now. Runs as a controller on pod watch events
 * (handle only enqueues; sync re-reads the pod and is idempotent).
 *
 * Lab differences: initialisation happens in the instant the container is seen running (the real
 * entrypoint takes a few seconds, which the image's startSeconds already accounts for before the
 * server serves); the environment is resolved as the kubelet does (containerEnv.ts: values from
 * Secrets and ConfigMaps included); MARIADB_RANDOM_ROOT_PASSWORD derives the password from the pod's uid instead of
 * drawing it from the generator, so adding this module does not change any other random draw.
 */
import type { Pod } from '../api/types.ts';
import type { Controller, Simulation, SimulationModule } from '../simulation/simulation.ts';
import type { WatchEvent } from '../store/objectStore.ts';
import { containerEnvMap } from './containerEnv.ts';
import { initialiseDatadir } from './mariadbDatadir.ts';
import { isMariadbServer, mariadbServerVersion } from './mariadbImage.ts';
import { containerDatadirId, datadirFiles, forgetConnectionCounters } from './mariadbServers.ts';
import { sha1Hex } from './sha1.ts';

/** The controller's name (work-queue prefix). */
export const WORKLOADS_CONTROLLER = 'workloads';

function envValue(env: Readonly<Record<string, string>>, ...names: string[]): string | undefined {
  for (const name of names) if (Object.hasOwn(env, name)) return env[name];
  return undefined;
}

/**
 * The root password the entrypoint would set from the container's resolved environment
 * (containerEnvMap: plain values and Secret/ConfigMap references alike).
 */
export function rootPasswordFromEnv(env: Readonly<Record<string, string>>, podUid: string): string {
  const given = envValue(env, 'MARIADB_ROOT_PASSWORD', 'MYSQL_ROOT_PASSWORD');
  if (given !== undefined) return given;
  if (envValue(env, 'MARIADB_RANDOM_ROOT_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD') !== undefined)
    return sha1Hex(`random-root:${podUid}`).slice(0, 32);
  return '';
}

/** The default collation of the server release (11.4 switched to the UCA 14.0 collation). */
export function defaultCollation(serverVersion: string): string {
  const [major, minor] = serverVersion.split('.').map(Number);
  return major > 11 || (major === 11 && minor >= 4) ? 'utf8mb4_uca1400_ai_ci' : 'utf8mb4_general_ci';
}

/** Initialises the datadirs of the pod's running MariaDB server containers that have none yet. */
export function syncMariadbPod(sim: Simulation, pod: Pod): void {
  for (const container of pod.spec.containers) {
    if (!isMariadbServer(container)) continue;
    const status = pod.status?.containerStatuses?.find((s) => s.name === container.name);
    if (!status?.state.running) continue;
    let files = datadirFiles(sim, pod, container);
    const mounted = (container.volumeMounts ?? []).some(
      (m) => m.mountPath.replace(/\/+$/, '') === '/var/lib/mysql',
    );
    if (!files && !mounted) {
      const id = containerDatadirId(pod, container.name);
      sim.state.volumes[id] ??= { files: {} };
      files = sim.state.volumes[id].files;
    }
    if (!files) continue;
    const version = mariadbServerVersion(container.image) ?? '';
    initialiseDatadir(files, {
      rootPassword: rootPasswordFromEnv(containerEnvMap(sim.store, pod, container), pod.metadata.uid ?? ''),
      version: version.replace(/^(\d+\.\d+\.\d+-MariaDB).*$/, '$1'),
      salt: `${pod.metadata.uid}/${status.containerID ?? ''}`,
      collation: defaultCollation(version),
    });
  }
}

function hasMariadbServer(pod: Pod): boolean {
  return (pod.spec?.containers ?? []).some(isMariadbServer);
}

/** Watches pods running MariaDB servers (see the file comment). */
export const mariadbController: Controller = {
  name: WORKLOADS_CONTROLLER,
  handle(event: WatchEvent, sim: Simulation): void {
    if (event.object.kind !== 'Pod') return;
    const pod = event.object as Pod;
    if (!hasMariadbServer(pod)) return;
    if (event.type === 'DELETED') {
      // the pod's own container layers go with it; volumes of claims stay
      for (const c of pod.spec.containers) delete sim.state.volumes[containerDatadirId(pod, c.name)];
      forgetConnectionCounters(sim, pod.metadata.uid ?? '');
      return;
    }
    sim.enqueue(WORKLOADS_CONTROLLER, `${pod.metadata.namespace}/${pod.metadata.name}`);
  },
  sync(key: string, sim: Simulation): void {
    const slash = key.indexOf('/');
    const pod = sim.store.get<Pod>('Pod', key.slice(0, slash), key.slice(slash + 1));
    if (pod) syncMariadbPod(sim, pod);
  },
};

/** The workloads part of the cluster, registered in createSimulation's CLUSTER_MODULES. */
export const workloadsModule: SimulationModule = { controllers: [mariadbController] };
