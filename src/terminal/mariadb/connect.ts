/**
 * Connecting the `mariadb` client to a server from inside a pod, as libmariadb does
 * (libmariadb/mariadb_lib.c `mthd_my_real_connect`, ma_pvio_socket.c): `localhost` (the default)
 * means the server's Unix socket in the same container; any other name is resolved with the pod's
 * resolver (cluster DNS with its search list) and reached over TCP. Failures read as the client
 * prints them: `ERROR 2002 (HY000): Can't connect to local server through socket
 * '/run/mysqld/mysqld.sock' (2)`, `ERROR 2005 (HY000): Unknown server host 'x' (-2)`, `ERROR 2002
 * (HY000): Can't connect to server on 'x' (111)` (refused) or `(115)` (no answer), and the server's
 * `ERROR 1045 (28000): Access denied for user 'u'@'h' (using password: YES|NO)`, where h is the
 * client's pod IP (the official image runs with skip-name-resolve) or `localhost` over the socket.
 * A refused login still used up a connection id, as a real server's thread does.
 */
import type { Pod } from '../../core/api/types.ts';
import { lookup } from '../../core/dns/clusterDns.ts';
import type { Simulation } from '../../core/simulation/simulation.ts';
import { authenticate } from '../../core/workloads/mariadbDatadir.ts';
import {
  type MariadbServer,
  nextConnectionId,
  probeServer,
  servingServer,
} from '../../core/workloads/mariadbServers.ts';
import { currentPod, type PodEnv } from '../pod/podEnv.ts';

export type ConnectResult =
  | { ok: true; server: MariadbServer; connectionId: number; clientHost: string }
  | { ok: false; text: string };

const isIPv4 = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s);

/** Opens a connection for `user` with `password` ('' for none) to `host:port` from the pod `p`. */
export function connect(
  sim: Simulation,
  p: PodEnv,
  host: string,
  port: number,
  user: string,
  password: string,
): ConnectResult {
  const pod = currentPod(sim, p);
  if (!pod)
    return {
      ok: false,
      text: "ERROR 2002 (HY000): Can't connect to local server through socket '/run/mysqld/mysqld.sock' (2)\n",
    };
  let server: MariadbServer | undefined;
  let clientHost: string;
  if (host === 'localhost' || host === '') {
    server = servingServer(sim, pod);
    if (!server)
      return {
        ok: false,
        text: "ERROR 2002 (HY000): Can't connect to local server through socket '/run/mysqld/mysqld.sock' (2)\n",
      };
    clientHost = 'localhost';
  } else {
    let ip = host;
    if (!isIPv4(host)) {
      const answer = lookup(sim, host, 'A', { namespace: p.namespace });
      const a = answer.status === 'NOERROR' ? answer.records.find((r) => r.type === 'A') : undefined;
      if (a?.type !== 'A')
        return { ok: false, text: `ERROR 2005 (HY000): Unknown server host '${host}' (-2)\n` };
      ip = a.address;
    }
    const own = pod.status?.podIP;
    const probe =
      ip === '127.0.0.1' || ip === own ? probeServer(sim, own ?? '', port) : probeServer(sim, ip, port);
    if (probe.kind !== 'serving') {
      const errno = probe.kind === 'refused' ? 111 : 115;
      return { ok: false, text: `ERROR 2002 (HY000): Can't connect to server on '${host}' (${errno})\n` };
    }
    server = probe.server;
    clientHost = ip === '127.0.0.1' ? '127.0.0.1' : (own ?? '');
  }
  const connectionId = nextConnectionId(sim, server);
  if (!authenticate(server.files, user, clientHost, password)) {
    const used = password === '' ? 'NO' : 'YES';
    return {
      ok: false,
      text: `ERROR 1045 (28000): Access denied for user '${user}'@'${clientHost}' (using password: ${used})\n`,
    };
  }
  return { ok: true, server, connectionId, clientHost };
}

/** True while the connection's server instance is still the one serving (same pod and container). */
export function stillServing(sim: Simulation, server: MariadbServer): boolean {
  const live = sim.store.get<Pod>('Pod', server.pod.metadata.namespace, server.pod.metadata.name);
  if (!live || live.metadata.uid !== server.pod.metadata.uid) return false;
  return servingServer(sim, live)?.containerID === server.containerID;
}
