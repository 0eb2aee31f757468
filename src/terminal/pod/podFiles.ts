/**
 * The file tree a container shows: the image's top-level directories, the files the kubelet writes
 * into every container (/etc/hostname, /etc/hosts, /etc/resolv.conf, the service-account
 * namespace), the volumes mounted into it (a claim's volume is the live `sim.state.volumes` contents,
 * so what the MariaDB server wrote shows under /var/lib/mysql and what the shell writes there
 * persists), and files the session wrote elsewhere (the container's own layer, kept for the session).
 *
 * Lab differences: only these files exist; other directories of the image list as empty, and files
 * of the server's own formats hold readable text (see core/workloads/mariadbDatadir.ts).
 */
import type { Pod } from '../../core/api/types.ts';
import { volumeForClaim } from '../../core/controllers/storage/volumes.ts';
import { resolvConf } from '../../core/dns/clusterDns.ts';
import type { Simulation } from '../../core/simulation/simulation.ts';
import { DATADIR_FILE_SIZES } from '../../core/workloads/mariadbDatadir.ts';
import { MARIADB_DATADIR } from '../../core/workloads/mariadbImage.ts';
import { datadirFiles } from '../../core/workloads/mariadbServers.ts';
import { currentPod, hostsFile, type PodEnv, podHostname } from './podEnv.ts';

const DEBIAN_ROOT = [
  'bin',
  'boot',
  'dev',
  'etc',
  'home',
  'lib',
  'lib32',
  'lib64',
  'libx32',
  'media',
  'mnt',
  'opt',
  'proc',
  'root',
  'run',
  'sbin',
  'srv',
  'sys',
  'tmp',
  'usr',
  'var',
];
const BUSYBOX_ROOT = [
  'bin',
  'dev',
  'etc',
  'home',
  'lib',
  'lib64',
  'proc',
  'root',
  'sys',
  'tmp',
  'usr',
  'var',
];
const SA_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/** One directory entry. */
export interface FsEntry {
  name: string;
  dir: boolean;
  size: number;
}

/** Files written in the session outside any volume (the container layer), by absolute path. */
export type LayerFiles = Record<string, string>;

/** Resolves `path` against `cwd` (`.`, `..`, `~`, repeated slashes). */
export function resolvePath(cwd: string, path: string, home: string): string {
  const full = path.startsWith('~') ? home + path.slice(1) : path.startsWith('/') ? path : `${cwd}/${path}`;
  const out: string[] = [];
  for (const part of full.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

interface Mount {
  path: string;
  files: Record<string, string> | undefined;
}

/** The container's mounts with their files (undefined: an empty or unreadable volume). */
function mounts(sim: Simulation, pod: Pod, p: PodEnv): Mount[] {
  const container = pod.spec.containers.find((c) => c.name === p.container);
  const out: Mount[] = [{ path: SA_DIR, files: { namespace: pod.metadata.namespace ?? 'default' } }];
  for (const m of container?.volumeMounts ?? []) {
    const path = m.mountPath.replace(/\/+$/, '');
    if (path === SA_DIR) continue;
    const vol = (pod.spec.volumes ?? []).find((v) => v.name === m.name);
    const claim = vol?.persistentVolumeClaim?.claimName;
    out.push({
      path,
      files: claim ? volumeForClaim(sim, pod.metadata.namespace ?? 'default', claim)?.files : undefined,
    });
  }
  if (container && !out.some((m) => m.path === MARIADB_DATADIR)) {
    const files = datadirFiles(sim, pod, container);
    if (files) out.push({ path: MARIADB_DATADIR, files });
  }
  return out.sort((a, b) => b.path.length - a.path.length);
}

/** The pod's generated files by absolute path. */
function generated(pod: Pod): Record<string, string> {
  return {
    '/etc/hostname': `${podHostname(pod)}\n`,
    '/etc/hosts': hostsFile(pod),
    '/etc/resolv.conf': resolvConf(pod.metadata.namespace ?? 'default'),
  };
}

/** A view of one container's files for the commands of a pod shell. */
export class PodFs {
  constructor(
    private readonly sim: Simulation,
    private readonly env: PodEnv,
    private readonly layer: LayerFiles,
  ) {}

  private pod(): Pod | undefined {
    return currentPod(this.sim, this.env);
  }

  /** Absolute form of a path typed in the shell. */
  resolve(path: string): string {
    return resolvePath(this.env.cwd, path, this.env.vars.HOME ?? this.env.traits.home);
  }

  private mountOf(abs: string): { mount: Mount; rel: string } | undefined {
    const pod = this.pod();
    if (!pod) return undefined;
    for (const mount of mounts(this.sim, pod, this.env))
      if (abs === mount.path || abs.startsWith(`${mount.path}/`))
        return { mount, rel: abs === mount.path ? '' : abs.slice(mount.path.length + 1) };
    return undefined;
  }

  /** Every file path known outside mounts (generated + layer). */
  private looseFiles(): Record<string, string> {
    const pod = this.pod();
    return { ...(pod ? generated(pod) : {}), ...this.layer };
  }

  /** The text of a regular file, 'dir' for a directory, undefined when nothing is there. */
  read(abs: string): string | 'dir' | undefined {
    const inMount = this.mountOf(abs);
    if (inMount) {
      const files = inMount.mount.files ?? {};
      if (inMount.rel === '') return 'dir';
      if (files[inMount.rel] !== undefined) return files[inMount.rel];
      return Object.keys(files).some((f) => f.startsWith(`${inMount.rel}/`)) ? 'dir' : undefined;
    }
    const loose = this.looseFiles();
    if (loose[abs] !== undefined) return loose[abs];
    return this.list(abs) !== undefined ? 'dir' : undefined;
  }

  /** The entries of a directory (sorted by name, bytewise), or undefined when it is not one. */
  list(abs: string): FsEntry[] | undefined {
    const pod = this.pod();
    if (!pod) return undefined;
    const entries = new Map<string, FsEntry>();
    const add = (name: string, dir: boolean, size: number) => {
      if (!entries.has(name) || dir) entries.set(name, { name, dir, size });
    };
    const inMount = this.mountOf(abs);
    let known = false;
    if (inMount) {
      known = true;
      const prefix = inMount.rel === '' ? '' : `${inMount.rel}/`;
      for (const [f, text] of Object.entries(inMount.mount.files ?? {})) {
        if (!f.startsWith(prefix)) continue;
        const rest = f.slice(prefix.length);
        const slash = rest.indexOf('/');
        if (slash >= 0) add(rest.slice(0, slash), true, 4096);
        else add(rest, false, DATADIR_FILE_SIZES[rest] ?? new TextEncoder().encode(text).length);
      }
      if (prefix !== '' && entries.size === 0) return undefined;
    }
    const base = this.env.traits.prompt === 'busybox' ? BUSYBOX_ROOT : DEBIAN_ROOT;
    const dirPaths = [...base.map((d) => `/${d}`), ...mounts(this.sim, pod, this.env).map((m) => m.path)];
    if (
      pod.spec.containers.some(
        (c) => c.name === this.env.container && /^(docker\.io\/)?(library\/)?mariadb[:@]/.test(c.image),
      )
    )
      dirPaths.push('/docker-entrypoint-initdb.d', MARIADB_DATADIR);
    const prefix = abs === '/' ? '/' : `${abs}/`;
    for (const d of dirPaths) {
      if (d === abs) known = true;
      if (d.startsWith(prefix)) {
        known = true;
        add(d.slice(prefix.length).split('/')[0], true, 4096);
      }
    }
    for (const [f, text] of Object.entries(this.looseFiles())) {
      if (!f.startsWith(prefix)) continue;
      known = true;
      const rest = f.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash >= 0) add(rest.slice(0, slash), true, 4096);
      else add(rest, false, new TextEncoder().encode(text).length);
    }
    if (!known) return undefined;
    return [...entries.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Writes (or appends to) a file; returns false when the path is a directory or its parent is missing. */
  write(abs: string, text: string, append: boolean): boolean {
    if (this.read(abs) === 'dir') return false;
    const parent = abs.slice(0, abs.lastIndexOf('/')) || '/';
    if (this.read(parent) !== 'dir') return false;
    const inMount = this.mountOf(abs);
    if (inMount) {
      if (!inMount.mount.files) return false;
      inMount.mount.files[inMount.rel] = (append ? (inMount.mount.files[inMount.rel] ?? '') : '') + text;
      return true;
    }
    this.layer[abs] = (append ? ((this.read(abs) as string | undefined) ?? '') : '') + text;
    return true;
  }

  /** The mount points of the container, longest first (for df). */
  mountPoints(): string[] {
    const pod = this.pod();
    return pod ? mounts(this.sim, pod, this.env).map((m) => m.path) : [];
  }
}
