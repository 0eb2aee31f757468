/**
 * The MariaDB servers of the cluster as a client meets them: the server container behind an IP
 * address, whether it accepts connections yet, where its data directory lives, and the connection
 * ids it hands out. Pure reads of the store and `sim.state` (plus the connection counters in
 * `sim.state.counters`).
 *
 * A server serves once its container runs, its datadir is initialised and its start-up time (the
 * image's startSeconds, kept by the kubelet as `servingAt`) has passed; before that a connection is
 * refused (errno 111). An address no running pod holds does not answer at all (errno 115).
 * Connection ids: the server's own threads take the first ids, so the first client connection after
 * every server start is 3 (the textbook's banner shows 3 after the pod was recreated, too); each
 * container instance (containerID) counts on its own.
 */
import type { Container, Pod } from '../api/types.ts';
import { volumeForClaim } from '../controllers/storage/volumes.ts';
import type { Simulation } from '../simulation/simulation.ts';
import { isDatadirInitialised } from './mariadbDatadir.ts';
import { isMariadbServer, MARIADB_DATADIR, MARIADB_PORT, mariadbServerVersion } from './mariadbImage.ts';

/** A MariaDB server container that accepts connections. */
export interface MariadbServer {
  pod: Pod;
  container: Container;
  /** the server's `Server version:` text */
  version: string;
  /** the datadir's files (live state: writes change the volume) */
  files: Record<string, string>;
  /** the running container instance, for connection ids */
  containerID: string;
}

/** What connecting to `ip:port` finds. */
export type ServerProbe =
  | { kind: 'serving'; server: MariadbServer }
  /** a pod holds the address but nothing listens on the port (yet): ECONNREFUSED, 111 */
  | { kind: 'refused' }
  /** no pod holds the address: the SYN is never answered, EINPROGRESS/timeout, 115 */
  | { kind: 'unreachable' };

/** The volume-id under which a server without a mounted datadir keeps its files (its own layer). */
export function containerDatadirId(pod: Pod, container: string): string {
  return `container-datadir/${pod.metadata.uid}/${container}`;
}

/**
 * The datadir files of `container` in `pod`: the volume mounted at /var/lib/mysql (a claim's bound
 * volume), or the container's own layer when nothing is mounted there. Undefined while a claim is not
 * bound, or (for the container's layer) before the server first started.
 */
export function datadirFiles(
  sim: Simulation,
  pod: Pod,
  container: Container,
): Record<string, string> | undefined {
  const mount = (container.volumeMounts ?? []).find(
    (m) => m.mountPath.replace(/\/+$/, '') === MARIADB_DATADIR,
  );
  if (!mount) return sim.state.volumes[containerDatadirId(pod, container.name)]?.files;
  const volume = (pod.spec.volumes ?? []).find((v) => v.name === mount.name);
  const claim = volume?.persistentVolumeClaim?.claimName;
  if (claim) return volumeForClaim(sim, pod.metadata.namespace ?? 'default', claim)?.files;
  return sim.state.volumes[containerDatadirId(pod, container.name)]?.files;
}

interface MachineContainer {
  servingAt?: number;
}

/** When the kubelet's machine says the container's main process serves (undefined: unknown). */
function servingAt(sim: Simulation, pod: Pod, index: number): number | undefined {
  const ctx = sim.state.machines[pod.metadata.uid]?.context as
    | { containers?: MachineContainer[] }
    | undefined;
  return ctx?.containers?.[index]?.servingAt;
}

/** The running server container of `pod`, if it serves now. */
export function servingServer(sim: Simulation, pod: Pod): MariadbServer | undefined {
  if (pod.status?.phase !== 'Running' || pod.metadata.deletionTimestamp) return undefined;
  for (const [index, container] of pod.spec.containers.entries()) {
    if (!isMariadbServer(container)) continue;
    const status = pod.status.containerStatuses?.find((s) => s.name === container.name);
    if (!status?.state.running || !status.containerID) continue;
    const at = servingAt(sim, pod, index);
    if (at !== undefined && sim.now < at) continue;
    const files = datadirFiles(sim, pod, container);
    if (!files || !isDatadirInitialised(files)) continue;
    return {
      pod,
      container,
      version: mariadbServerVersion(container.image) ?? '',
      files,
      containerID: status.containerID,
    };
  }
  return undefined;
}

/** What a TCP connection to `ip:port` inside the cluster reaches. */
export function probeServer(sim: Simulation, ip: string, port: number = MARIADB_PORT): ServerProbe {
  const pods = sim.store
    .list<Pod>('Pod')
    .filter((p) => p.status?.podIP === ip && p.status.phase === 'Running');
  if (pods.length === 0) return { kind: 'unreachable' };
  if (port !== MARIADB_PORT) return { kind: 'refused' };
  for (const pod of pods) {
    const server = servingServer(sim, pod);
    if (server) return { kind: 'serving', server };
  }
  return { kind: 'refused' };
}

function counterKey(server: MariadbServer): string {
  return `mariadb-connection/${server.pod.metadata.uid}/${server.containerID}`;
}

/** Hands out the next connection id of the server (3 for the first client after a start). */
export function nextConnectionId(sim: Simulation, server: MariadbServer): number {
  const key = counterKey(server);
  const id = (sim.state.counters[key] ?? 2) + 1;
  sim.state.counters[key] = id;
  return id;
}

/** Forgets the connection counters of a pod (its containers are gone). */
export function forgetConnectionCounters(sim: Simulation, podUid: string): void {
  const prefix = `mariadb-connection/${podUid}/`;
  for (const key of Object.keys(sim.state.counters))
    if (key.startsWith(prefix)) delete sim.state.counters[key];
}
