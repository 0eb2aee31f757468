/**
 * The images the simulated node can pull, as data that course authors can extend: which
 * repositories exist, with which tags, how big each image is, how long it takes to pull on a
 * typical home connection, how its main process behaves (a server that stays up, or a shell that
 * exits when its stdin closes), and what a learner finds inside it (user, shell, prompt, tools).
 *
 * Tags are ones the registries really publish (Docker Hub official images, registry.k8s.io, the
 * textbook's ghcr.io image); a tag not listed here fails to pull as a missing tag would.
 *
 * How the numbers were chosen (they are not measured from one machine, they are typical):
 * - sizeBytes: the uncompressed size `docker image inspect` reports for linux/amd64, which is what
 *   minikube's docker runtime puts in the kubelet's `Pulled ... Image size: N bytes.` event;
 *   rounded figures of the published images.
 * - pullSeconds: size over a ~20 MB/s effective download with extraction, so the textbook's
 *   mariadb:11.3.2-jammy (~400 MB) takes about 20 s: with the volume bound (~1 s), sandbox (~1 s)
 *   and start (~1 s) its one-replica StatefulSet is 1/1 about 25 s after `kubectl apply`. Later
 *   replicas find the image on the node (`already present on machine`) and start in a few seconds.
 * - startSeconds: from `Started` until the main process serves (readiness probes fail before it);
 *   mariadb initialises its data directory on first start.
 * - stopSeconds: how long the main process takes to exit on SIGTERM; null means it ignores
 *   SIGTERM (a shell or `sleep` as PID 1) and is killed when the grace period ends.
 */

/** How a container's shell prompt looks (the terminal renders it). */
export type PromptStyle =
  /** bash's `\u@\h:\w\$ `, e.g. `root@my-client:/# `, `nobody@my-pod:/$ ` */
  | 'bash'
  /** busybox ash: `/ # ` */
  | 'busybox'
  /** dash / plain sh: `# ` for root, `$ ` otherwise */
  | 'sh';

/** Which nslookup an image ships, if any: bind9's (dnsutils) or busybox's applet. */
export type NslookupFlavour = 'bind9' | 'busybox' | 'none';

export interface ImageTools {
  nslookup: NslookupFlavour;
  /** the `mariadb` client (and its `mysql` alias) */
  mariadbClient: boolean;
  /** the `mysql` client of the MySQL image */
  mysqlClient: boolean;
  psql: boolean;
  redisCli: boolean;
  curl: boolean;
  hostname: boolean;
}

/** What a learner meets inside a container of the image. */
export interface ImageTraits {
  /** user of the main process and of `kubectl exec` sessions */
  user: string;
  /** the login shell `kubectl exec -it ... -- bash|sh` finds, or null when the image has none */
  shell: 'bash' | 'sh' | null;
  prompt: PromptStyle;
  home: string;
  /** the working directory of the main process and exec sessions */
  workdir: string;
  tools: ImageTools;
  /** `server`: the default command stays up; `shell`: it is a shell that exits when stdin closes */
  main: 'server' | 'shell';
  /** startSeconds / stopSeconds: see the file comment */
  startSeconds: number;
  stopSeconds: number | null;
  /**
   * Environment the entrypoint insists on (at least one name of each group), else the container
   * exits with code 1 at once — as the official database images do without a root password.
   */
  requiredEnv?: string[][];
}

export interface ImageEntry {
  /** repository as docker prints it: `mariadb`, `registry.k8s.io/nginx-slim`, `ghcr.io/takara9/my-ubuntu` */
  repository: string;
  tags: string[];
  /** uncompressed size (see file comment); per-tag values override `sizeBytes` */
  sizeBytes: number;
  tagSizeBytes?: Record<string, number>;
  pullSeconds: number;
  traits: ImageTraits;
  /** traits that differ for some tags (busybox 1.28's older nslookup, for instance) */
  tagTraits?: Record<string, Partial<ImageTraits>>;
}

const NO_TOOLS: ImageTools = {
  nslookup: 'none',
  mariadbClient: false,
  mysqlClient: false,
  psql: false,
  redisCli: false,
  curl: false,
  hostname: true,
};

const ROOT_BASH = { user: 'root', shell: 'bash', prompt: 'bash', home: '/root', workdir: '/' } as const;

/** The built-in catalogue. Extend it by passing your own list to `resolveImage` (see resolveImage.ts). */
export const IMAGE_CATALOGUE: readonly ImageEntry[] = [
  {
    repository: 'mariadb',
    tags: [
      '11.3.2-jammy',
      '11.3.2',
      '11.3',
      '11.4.2-noble',
      '11.4.2',
      '11.4',
      '11',
      '10.11',
      'lts',
      'latest',
    ],
    sizeBytes: 404_780_000,
    pullSeconds: 20,
    traits: {
      ...ROOT_BASH,
      tools: { ...NO_TOOLS, mariadbClient: true },
      main: 'server',
      startSeconds: 6,
      stopSeconds: 2,
      requiredEnv: [
        [
          'MARIADB_ROOT_PASSWORD',
          'MARIADB_ALLOW_EMPTY_ROOT_PASSWORD',
          'MARIADB_RANDOM_ROOT_PASSWORD',
          'MARIADB_ROOT_PASSWORD_HASH',
          'MYSQL_ROOT_PASSWORD',
          'MYSQL_ALLOW_EMPTY_PASSWORD',
          'MYSQL_RANDOM_ROOT_PASSWORD',
        ],
      ],
    },
  },
  {
    repository: 'ghcr.io/takara9/my-ubuntu',
    tags: ['0.3'],
    sizeBytes: 152_400_000,
    pullSeconds: 8,
    traits: {
      user: 'nobody',
      shell: 'bash',
      prompt: 'bash',
      home: '/nonexistent',
      workdir: '/',
      tools: { ...NO_TOOLS, nslookup: 'bind9', curl: true },
      main: 'shell',
      startSeconds: 0.2,
      stopSeconds: null,
    },
  },
  {
    repository: 'registry.k8s.io/nginx-slim',
    tags: ['0.7', '0.8', '0.9', '0.21', '0.24', '0.26', '0.27'],
    sizeBytes: 110_500_000,
    tagSizeBytes: { '0.21': 87_400_000, '0.24': 96_300_000, '0.26': 97_100_000, '0.27': 97_500_000 },
    pullSeconds: 5,
    traits: {
      user: 'root',
      shell: 'sh',
      prompt: 'sh',
      home: '/root',
      workdir: '/',
      tools: { ...NO_TOOLS, curl: true },
      main: 'server',
      startSeconds: 0.5,
      stopSeconds: 1,
    },
  },
  {
    repository: 'busybox',
    tags: ['1.28', '1.35', '1.36', '1.36.1', '1.37', 'stable', 'latest'],
    sizeBytes: 4_261_550,
    tagSizeBytes: { '1.28': 1_146_369, '1.35': 4_863_000, '1.37': 4_269_694 },
    pullSeconds: 2,
    traits: {
      user: 'root',
      shell: 'sh',
      prompt: 'busybox',
      home: '/root',
      workdir: '/',
      tools: { ...NO_TOOLS, nslookup: 'busybox' },
      main: 'shell',
      startSeconds: 0.1,
      stopSeconds: null,
    },
  },
  {
    repository: 'nginx',
    tags: [
      '1.25',
      '1.25.4',
      '1.25.5',
      '1.26',
      '1.26.0',
      '1.27',
      '1.27.0',
      'stable',
      'mainline',
      'alpine',
      'latest',
    ],
    sizeBytes: 187_700_000,
    tagSizeBytes: { alpine: 43_200_000 },
    pullSeconds: 7,
    traits: {
      ...ROOT_BASH,
      tools: { ...NO_TOOLS, curl: true },
      main: 'server',
      startSeconds: 0.5,
      stopSeconds: 0.5,
    },
    tagTraits: {
      alpine: { shell: 'sh', prompt: 'busybox', tools: { ...NO_TOOLS, nslookup: 'busybox', curl: true } },
    },
  },
  {
    repository: 'ubuntu',
    tags: ['20.04', 'focal', '22.04', 'jammy', '24.04', 'noble', 'latest'],
    sizeBytes: 76_200_000,
    tagSizeBytes: { '20.04': 72_800_000, focal: 72_800_000, '22.04': 77_900_000, jammy: 77_900_000 },
    pullSeconds: 4,
    traits: { ...ROOT_BASH, tools: NO_TOOLS, main: 'shell', startSeconds: 0.1, stopSeconds: null },
  },
  {
    repository: 'debian',
    tags: ['11', 'bullseye', '12', 'bookworm', 'bookworm-slim', 'stable', 'latest'],
    sizeBytes: 116_500_000,
    tagSizeBytes: { 'bookworm-slim': 74_800_000, '11': 124_000_000, bullseye: 124_000_000 },
    pullSeconds: 5,
    traits: { ...ROOT_BASH, tools: NO_TOOLS, main: 'shell', startSeconds: 0.1, stopSeconds: null },
  },
  {
    repository: 'mysql',
    tags: ['8.0', '8.0.36', '8.0.37', '8.4', '8.4.0', 'lts', 'latest'],
    sizeBytes: 578_000_000,
    pullSeconds: 26,
    traits: {
      ...ROOT_BASH,
      tools: { ...NO_TOOLS, mysqlClient: true },
      main: 'server',
      startSeconds: 10,
      stopSeconds: 3,
      requiredEnv: [['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD']],
    },
  },
  {
    repository: 'postgres',
    tags: ['14', '15', '16', '16.3', '16-alpine', 'latest'],
    sizeBytes: 432_000_000,
    tagSizeBytes: { '16-alpine': 243_000_000 },
    pullSeconds: 20,
    traits: {
      ...ROOT_BASH,
      tools: { ...NO_TOOLS, psql: true },
      main: 'server',
      startSeconds: 3,
      stopSeconds: 1,
      requiredEnv: [['POSTGRES_PASSWORD', 'POSTGRES_HOST_AUTH_METHOD']],
    },
  },
  {
    repository: 'redis',
    tags: ['7', '7.2', '7.2.4', '7.2.5', '7-alpine', 'latest'],
    sizeBytes: 116_800_000,
    tagSizeBytes: { '7-alpine': 40_700_000 },
    pullSeconds: 5,
    traits: {
      ...ROOT_BASH,
      tools: { ...NO_TOOLS, redisCli: true },
      main: 'server',
      startSeconds: 0.3,
      stopSeconds: 0.5,
    },
  },
];
