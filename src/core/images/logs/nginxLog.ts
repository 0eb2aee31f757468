/**
 * What the official nginx image writes to its container log when its default command starts, as
 * data and one pure function. Follows nginxinc/docker-nginx docker-entrypoint.sh (1.25.3 and later:
 * the four /docker-entrypoint.d scripts, 15-local-resolvers.envsh sourced) and nginx's notice-level
 * start-up lines (the image's nginx.conf logs errors at `notice`): event method, version, compiler,
 * `OS: Linux <kernel>`, RLIMIT_NOFILE, one "start worker process" per CPU (`worker_processes auto`).
 * Texts checked against real `kubectl logs` of nginx:1.27.0 pods (2024). Worker pids are those of
 * such a transcript (29, 30, ... for Debian images; 20, ... for alpine ones).
 *
 * registry.k8s.io/nginx-slim prints nothing at start-up (its nginx logs at the default `error` level),
 * so it has no entry here. Lab gaps: access-log lines for requests are not written (the lab's HTTP
 * clients do not reach the container's log), nor nginx's SIGQUIT shutdown notes.
 */

import { nginxTime } from './logTime.ts';
import type { LogLine } from './mariadbLog.ts';

interface NginxBuild {
  version: string;
  /** the compiler line, with the trailing space nginx prints after it */
  compiler: string;
  firstWorkerPid: number;
}

const DEBIAN = 'built by gcc 12.2.0 (Debian 12.2.0-14) ';
const ALPINE = 'built by gcc 13.2.1 20231014 (Alpine 13.2.1_git20231014) ';

/** The nginx each catalogue tag held in June 2024 (the lab's clock). */
const BUILDS: Record<string, NginxBuild> = {
  '1.25': { version: '1.25.5', compiler: DEBIAN, firstWorkerPid: 29 },
  '1.25.4': { version: '1.25.4', compiler: DEBIAN, firstWorkerPid: 29 },
  '1.25.5': { version: '1.25.5', compiler: DEBIAN, firstWorkerPid: 29 },
  '1.26': { version: '1.26.1', compiler: DEBIAN, firstWorkerPid: 29 },
  '1.26.0': { version: '1.26.0', compiler: DEBIAN, firstWorkerPid: 29 },
  stable: { version: '1.26.1', compiler: DEBIAN, firstWorkerPid: 29 },
  '1.27': { version: '1.27.0', compiler: DEBIAN, firstWorkerPid: 29 },
  '1.27.0': { version: '1.27.0', compiler: DEBIAN, firstWorkerPid: 29 },
  mainline: { version: '1.27.0', compiler: DEBIAN, firstWorkerPid: 29 },
  latest: { version: '1.27.0', compiler: DEBIAN, firstWorkerPid: 29 },
  alpine: { version: '1.27.0', compiler: ALPINE, firstWorkerPid: 20 },
};

const ENTRYPOINT = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
];

/** One run of an official nginx container with its default command. Times are virtual ms. */
export interface NginxRun {
  tag: string;
  /** the node's kernel (node.status.nodeInfo.kernelVersion) */
  kernel: string;
  /** the CPUs nginx sees (the node's capacity): one worker each */
  cpus: number;
  startedAt: number;
  /** when nginx has its workers and serves */
  servingAt: number;
  finishedAt?: number;
}

/** True when the tag is one whose start-up lines are known. */
export function knownNginxTag(tag: string): boolean {
  return BUILDS[tag] !== undefined;
}

/** Every line the run writes, with its time: the entrypoint at start, nginx's notices when it serves. Pure. */
export function nginxRunLog(run: NginxRun): LogLine[] {
  const build = BUILDS[run.tag] ?? BUILDS.latest;
  const out: LogLine[] = ENTRYPOINT.map((text, i) => ({ at: run.startedAt + i, text }));
  const notices = [
    'using the "epoll" event method',
    `nginx/${build.version}`,
    build.compiler,
    `OS: Linux ${run.kernel}`,
    'getrlimit(RLIMIT_NOFILE): 1048576:1048576',
    'start worker processes',
    ...Array.from(
      { length: Math.max(1, run.cpus) },
      (_, i) => `start worker process ${build.firstWorkerPid + i}`,
    ),
  ];
  const from = Math.max(run.servingAt - notices.length, run.startedAt + ENTRYPOINT.length);
  notices.forEach((n, i) => {
    const at = from + i;
    out.push({ at, text: `${nginxTime(at)} [notice] 1#1: ${n}` });
  });
  return run.finishedAt === undefined ? out : out.filter((l) => l.at <= (run.finishedAt as number));
}
