/**
 * Whether kubectl can reach the cluster, and what it prints when it cannot. After `minikube stop`
 * the kubeconfig context still points at the stopped node's apiserver (192.168.49.2:8443); after
 * `minikube delete` minikube removed the context and kubectl falls back to localhost:8080. kubectl
 * 1.30 first logs the failed API discovery through klog (`memcache.go:265`, five attempts for the
 * cached discovery client), then checkErr prints `The connection to the server ... was refused`
 * (kubernetes/kubectl pkg/cmd/util/helpers.go). The klog lines carry the wall time (here: the
 * virtual time) and the process id (here: a fixed number, as the lab has no processes).
 */
import { EPOCH_MS } from '../../../core/clock/virtualClock.ts';
import type { SessionServices } from '../../shell/process.ts';

/** What kubectl would connect to, or undefined when the cluster answers. */
export function unreachableServer(
  session: SessionServices,
): { host: string; url: string; dial: string } | undefined {
  const reachable = (session as SessionServices & { clusterReachable?: boolean }).clusterReachable;
  const host = session.sim.state.minikube.host;
  if (reachable !== false && host === 'Running') return undefined;
  if (host === 'Stopped')
    return { host: '192.168.49.2:8443', url: 'https://192.168.49.2:8443', dial: '192.168.49.2:8443' };
  return { host: 'localhost:8080', url: 'http://localhost:8080', dial: '127.0.0.1:8080' };
}

const KLOG_PID = 48213;
const DISCOVERY_ATTEMPTS = 5;

function klogTime(virtualMs: number): string {
  const d = new Date(EPOCH_MS + virtualMs);
  const two = (n: number) => String(n).padStart(2, '0');
  const micros = String(d.getUTCMilliseconds() * 1000).padStart(6, '0');
  return `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${micros}`;
}

/** The whole stderr text kubectl prints when the apiserver refuses connections. */
export function connectionRefusedText(
  server: { host: string; url: string; dial: string },
  now: number,
): string {
  const line = `E${klogTime(now)}   ${KLOG_PID} memcache.go:265] couldn't get current server API group list: Get "${server.url}/api?timeout=32s": dial tcp ${server.dial}: connect: connection refused\n`;
  return `${line.repeat(DISCOVERY_ATTEMPTS)}The connection to the server ${server.host} was refused - did you specify the right host or port?\n`;
}
