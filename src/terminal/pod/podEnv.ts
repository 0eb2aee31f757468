/**
 * Where a pod-shell command runs: the pod and container, what the image provides (user, shell,
 * prompt, tools), whether the session has a terminal, and the shell's working directory and
 * variables. Commands reach it through the session they get (`podEnvOf(env)`), so the programs of a
 * pod shell are ordinary CommandDefs. Also the identity a container sees: its hostname, FQDN,
 * the environment the kubelet gives it (kubernetes/kubernetes pkg/kubelet/kubelet_pods.go
 * `makeEnvironmentVariables`, pkg/kubelet/envvars/envvars.go `FromServices`; the container's own
 * variables, Secret and ConfigMap references included, from core/workloads/containerEnv.ts), and its
 * prompt.
 */
import type { Container, Pod, Service } from '../../core/api/types.ts';
import { CLUSTER_DOMAIN } from '../../core/dns/clusterDns.ts';
import type { ImageTraits } from '../../core/images/catalogue.ts';
import { resolveImage } from '../../core/images/resolveImage.ts';
import type { Simulation } from '../../core/simulation/simulation.ts';
import { resolveContainerEnv } from '../../core/workloads/containerEnv.ts';
import type { CommandEnv, SessionServices } from '../shell/process.ts';
import type { PodFs } from './podFiles.ts';

/** A shell session (or a single command) inside one container. */
export interface PodEnv {
  namespace: string;
  podName: string;
  /** the pod instance the session belongs to (a recreated pod with the same name is another one) */
  podUid: string;
  container: string;
  /** the container's image as the spec names it */
  image: string;
  traits: ImageTraits;
  /** the session has a terminal (`-t`): prompts and the interactive client's formats */
  tty: boolean;
  /** the working directory */
  cwd: string;
  /** the shell's variables, starting with the container's environment */
  vars: Record<string, string>;
}

/** The session a pod command gets: the host's services plus its pod. */
export interface PodSessionServices extends SessionServices {
  readonly pod: PodEnv;
  readonly fs: PodFs;
}

/** The container's files as the command sees them, or undefined on the host. */
export function podFsOf(env: CommandEnv): PodFs | undefined {
  return (env.session as Partial<PodSessionServices>).fs;
}

/** The pod environment of a command, or undefined when it runs on the host. */
export function podEnvOf(env: CommandEnv): PodEnv | undefined {
  return (env.session as Partial<PodSessionServices>).pod;
}

/** The image traits of a container (a bash root shell when the image is unknown). */
export function traitsOf(container: Container): ImageTraits {
  const r = resolveImage(container.image);
  if (r.ok) return r.traits;
  return {
    user: 'root',
    shell: 'bash',
    prompt: 'bash',
    home: '/root',
    workdir: '/',
    tools: {
      nslookup: 'none',
      mariadbClient: false,
      mysqlClient: false,
      psql: false,
      redisCli: false,
      curl: false,
      hostname: true,
    },
    main: 'server',
    startSeconds: 0,
    stopSeconds: 0,
  };
}

/** The pod the session belongs to, while that very pod (same uid) still exists. */
export function currentPod(sim: Simulation, p: PodEnv): Pod | undefined {
  const pod = sim.store.get<Pod>('Pod', p.namespace, p.podName);
  return pod?.metadata.uid === p.podUid ? pod : undefined;
}

/** The container's hostname: spec.hostname or the pod name (truncated to 63 characters). */
export function podHostname(pod: Pod): string {
  return (pod.spec.hostname || pod.metadata.name).slice(0, 63);
}

/** `<hostname>.<subdomain>.<ns>.svc.cluster.local` when the pod has a subdomain, else the hostname. */
export function podFqdn(pod: Pod): string {
  const host = podHostname(pod);
  return pod.spec.subdomain
    ? `${host}.${pod.spec.subdomain}.${pod.metadata.namespace}.svc.${CLUSTER_DOMAIN}`
    : host;
}

/** The kubelet-managed /etc/hosts of the pod (kubelet_pods.go managedHostsFileContent). */
export function hostsFile(pod: Pod): string {
  const ip = pod.status?.podIP ?? '';
  const host = podHostname(pod);
  const own = pod.spec.subdomain ? `${ip}\t${podFqdn(pod)}\t${host}` : `${ip}\t${host}`;
  return [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
    own,
    '',
  ].join('\n');
}

/** `FOO_BAR` for service `foo-bar` (envvars.go makeEnvVariableName). */
const envName = (s: string) => s.toUpperCase().replace(/-/g, '_');

/**
 * The service variables the kubelet injects (envvars.FromServices): for each service of the pod's
 * namespace that has a cluster IP (headless ones have none) and existed when the pod was created,
 * plus the `kubernetes` service of `default`. Lab difference: kubelet emits them in map order; the
 * lab sorts them by name.
 */
export function serviceEnv(sim: Simulation, pod: Pod): Record<string, string> {
  const out: Record<string, string> = {};
  const created = pod.metadata.creationTimestamp ?? '';
  const services = sim.store
    .list<Service>('Service', pod.metadata.namespace)
    .filter((s) => (s.metadata.creationTimestamp ?? '') <= created);
  const kube = sim.store.get<Service>('Service', 'default', 'kubernetes');
  if (kube && !services.includes(kube) && pod.spec.enableServiceLinks !== false) services.push(kube);
  for (const s of services) {
    const ip = s.spec.clusterIP;
    if (!ip || ip === 'None') continue;
    if (pod.spec.enableServiceLinks === false && s.metadata.name !== 'kubernetes') continue;
    const name = envName(s.metadata.name);
    const ports = s.spec.ports ?? [];
    if (ports.length === 0) continue;
    out[`${name}_SERVICE_HOST`] = ip;
    out[`${name}_SERVICE_PORT`] = String(ports[0].port);
    for (const p of ports) if (p.name) out[`${name}_SERVICE_PORT_${envName(p.name)}`] = String(p.port);
    const proto = (ports[0].protocol ?? 'TCP').toLowerCase();
    out[`${name}_PORT`] = `${proto}://${ip}:${ports[0].port}`;
    for (const p of ports) {
      const pr = (p.protocol ?? 'TCP').toLowerCase();
      const prefix = `${name}_PORT_${p.port}_${pr.toUpperCase()}`;
      out[prefix] = `${pr}://${ip}:${p.port}`;
      out[`${prefix}_PROTO`] = pr;
      out[`${prefix}_PORT`] = String(p.port);
      out[`${prefix}_ADDR`] = ip;
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** PATH of Debian/Ubuntu based images (the Dockerfiles' default) and of busybox. */
const DEBIAN_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const BUSYBOX_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** The process environment of a new shell in the container (what `env` prints, in order). */
export function containerEnv(
  sim: Simulation,
  pod: Pod,
  container: Container,
  traits: ImageTraits,
  tty: boolean,
): Record<string, string> {
  const env: Record<string, string> = {};
  env.HOSTNAME = podHostname(pod);
  env.PATH = traits.prompt === 'busybox' ? BUSYBOX_PATH : DEBIAN_PATH;
  if (tty) env.TERM = 'xterm';
  const services = serviceEnv(sim, pod);
  Object.assign(env, services);
  const own = resolveContainerEnv(sim.store, pod, container, services);
  if (own.ok) for (const [k, v] of own.env) env[k] = v;
  env.HOME = traits.home;
  return env;
}

/** The prompt of the image's interactive shell in `cwd` (bash `\u@\h:\w\$ `, busybox `\w # `, dash). */
export function promptFor(p: PodEnv, hostname: string): string {
  const root = p.traits.user === 'root';
  const home = p.vars.HOME ?? p.traits.home;
  const shown = p.cwd === home ? '~' : p.cwd.startsWith(`${home}/`) ? `~${p.cwd.slice(home.length)}` : p.cwd;
  if (p.traits.prompt === 'bash') return `${p.traits.user}@${hostname}:${shown}${root ? '#' : '$'} `;
  if (p.traits.prompt === 'busybox') return `${shown} ${root ? '#' : '$'} `;
  return root ? '# ' : '$ ';
}
