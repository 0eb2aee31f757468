/**
 * minikube's command-line flags as cobra/pflag parse them (minikube v1.33.1): the persistent flags of
 * the root command (cmd/minikube/cmd/root.go: -p/--profile, -b/--bootstrapper, --user, --skip-audit,
 * --rootless, and klog's flags added from the Go flag set) plus each subcommand's own, and pflag's
 * error texts (spf13/pflag flag.go: `unknown flag: --x`, `unknown shorthand flag: 'x' in -x`,
 * `flag needs an argument: --x`, `invalid argument "v" for "-n, --nodes" flag: ...`). minikube's root
 * command acts as kubectl's templater root (k8s.io/kubectl/pkg/util/templates ActsAsRootCommand), whose
 * FlagErrorFunc silences the usage and appends `See '<command> --help' for usage.`; cobra prints the
 * error after `Error: ` and root.go exits with ExProgramUsage (14).
 *
 * Lab difference: the values of most flags are accepted and ignored (the lab's cluster is always the
 * docker-driver profile "minikube"); the commands read the few they act on.
 */

/** One flag: its long name, shorthand, and the kind of value pflag parses. */
export interface MinikubeFlag {
  name: string;
  short?: string;
  type: 'bool' | 'string' | 'int' | 'duration';
  /** value when given without `=value` (pflag NoOptDefVal), e.g. status --watch's 1s */
  noOptDefault?: string;
}

const str = (name: string, short?: string): MinikubeFlag => ({ name, short, type: 'string' });
const bool = (name: string, short?: string): MinikubeFlag => ({ name, short, type: 'bool' });

/** The root command's persistent flags, valid on every subcommand. */
export const GLOBAL_FLAGS: readonly MinikubeFlag[] = [
  str('profile', 'p'),
  str('bootstrapper', 'b'),
  str('user'),
  bool('skip-audit'),
  bool('rootless'),
  bool('help', 'h'),
  bool('add_dir_header'),
  bool('alsologtostderr'),
  str('log_backtrace_at'),
  str('log_dir'),
  str('log_file'),
  { name: 'log_file_max_size', type: 'int' },
  bool('logtostderr'),
  bool('one_output'),
  bool('skip_headers'),
  bool('skip_log_headers'),
  str('stderrthreshold'),
  { name: 'v', short: 'v', type: 'int' },
  str('vmodule'),
];

/** Flags of the subcommands the lab runs, by command path after `minikube `. */
export const COMMAND_FLAGS: Readonly<Record<string, readonly MinikubeFlag[]>> = {
  start: [
    { name: 'nodes', short: 'n', type: 'int' },
    ...[
      'driver',
      'vm-driver',
      'cpus',
      'memory',
      'disk-size',
      'kubernetes-version',
      'container-runtime',
      'cni',
    ].map((n) => str(n)),
    ...[
      'network-plugin',
      'base-image',
      'image-repository',
      'image-mirror-country',
      'listen-address',
      'mount-string',
    ].map((n) => str(n)),
    ...[
      'apiserver-name',
      'dns-domain',
      'feature-gates',
      'network',
      'static-ip',
      'subnet',
      'service-cluster-ip-range',
    ].map((n) => str(n)),
    ...[
      'addons',
      'extra-config',
      'insecure-registry',
      'registry-mirror',
      'docker-env',
      'docker-opt',
      'ports',
    ].map((n) => str(n)),
    ...['apiserver-ips', 'apiserver-names', 'wait', 'cache-images'].map((n) => str(n)),
    { name: 'apiserver-port', type: 'int' },
    { name: 'wait-timeout', type: 'duration' },
    str('output', 'o'),
    ...[
      'force',
      'ha',
      'dry-run',
      'download-only',
      'embed-certs',
      'install-addons',
      'interactive',
      'keep-context',
    ].map((n) => bool(n)),
    ...[
      'mount',
      'preload',
      'delete-on-failure',
      'force-systemd',
      'native-ssh',
      'auto-update-drivers',
      'no-kubernetes',
    ].map((n) => bool(n)),
  ],
  status: [
    str('format', 'f'),
    str('layout', 'l'),
    str('node', 'n'),
    str('output', 'o'),
    { name: 'watch', short: 'w', type: 'duration', noOptDefault: '1s' },
  ],
  stop: [
    bool('all'),
    bool('cancel-scheduled'),
    bool('keep-context-active'),
    str('output', 'o'),
    { name: 'schedule', type: 'duration' },
  ],
  delete: [bool('all'), bool('purge'), str('output', 'o')],
  ip: [str('node', 'n')],
  version: [bool('components'), str('output', 'o'), bool('short')],
  profile: [],
  'profile list': [bool('light', 'l'), str('output', 'o')],
  addons: [],
  'addons list': [str('output', 'o'), bool('docs', 'd')],
  'addons enable': [bool('force'), str('images'), str('registries'), bool('refresh')],
  'addons disable': [],
  node: [],
  'node add': [bool('control-plane'), bool('worker'), bool('delete-on-failure')],
  'node list': [],
  'node delete': [],
};

/** What parsing found: flag values by long name, positional arguments, or pflag's error text. */
export type ParsedFlags =
  | { ok: true; values: Record<string, string | boolean | number>; args: string[] }
  | { ok: false; error: string };

const label = (f: MinikubeFlag) => (f.short ? `-${f.short}, --${f.name}` : `--${f.name}`);

/** pflag's value check for one flag; the parsed value or the error text. */
function convert(f: MinikubeFlag, raw: string): string | boolean | number | { error: string } {
  const bad = (why: string) => ({ error: `invalid argument "${raw}" for "${label(f)}" flag: ${why}` });
  if (f.type === 'bool') {
    if (/^(1|t|T|TRUE|true|True)$/.test(raw)) return true;
    if (/^(0|f|F|FALSE|false|False)$/.test(raw)) return false;
    return bad(`strconv.ParseBool: parsing "${raw}": invalid syntax`);
  }
  if (f.type === 'int') {
    if (!/^[+-]?\d+$/.test(raw)) return bad(`strconv.ParseInt: parsing "${raw}": invalid syntax`);
    return Number(raw);
  }
  if (f.type === 'duration' && !/^([0-9.]+(ns|us|µs|ms|s|m|h))+$|^0$/.test(raw))
    return bad(`time: invalid duration "${raw}"`);
  return raw;
}

/**
 * Parses `args` against `flags` (the command's own plus the global ones) as pflag does: `--name`,
 * `--name=value`, `--name value`, `-x`, `-xvalue`, `-x value`, bundled boolean shorthands, `--`
 * ending the flags; everything else is positional.
 */
export function parseMinikubeFlags(args: readonly string[], flags: readonly MinikubeFlag[]): ParsedFlags {
  const all = [...flags, ...GLOBAL_FLAGS];
  const values: Record<string, string | boolean | number> = {};
  const positional: string[] = [];
  const set = (f: MinikubeFlag, raw: string): string | undefined => {
    const v = convert(f, raw);
    if (typeof v === 'object') return v.error;
    values[f.name] = v;
    return undefined;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const f = all.find((x) => x.name === name);
      if (!f) return { ok: false, error: `unknown flag: --${name}` };
      let raw = eq >= 0 ? a.slice(eq + 1) : undefined;
      if (raw === undefined) {
        if (f.type === 'bool') raw = 'true';
        else if (f.noOptDefault !== undefined) raw = f.noOptDefault;
        else if (i + 1 < args.length) raw = args[++i] as string;
        else return { ok: false, error: `flag needs an argument: ${a}` };
      }
      const error = set(f, raw);
      if (error) return { ok: false, error };
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j] as string;
        const f = all.find((x) => x.short === c);
        if (!f) return { ok: false, error: `unknown shorthand flag: '${c}' in ${a}` };
        let raw: string;
        if (a[j + 1] === '=') raw = a.slice(j + 2);
        else if (f.type === 'bool') raw = 'true';
        else if (j + 1 < a.length) raw = a.slice(j + 1);
        else if (f.noOptDefault !== undefined) raw = f.noOptDefault;
        else if (i + 1 < args.length) raw = args[++i] as string;
        else return { ok: false, error: `flag needs an argument: '${c}' in ${a}` };
        const error = set(f, raw);
        if (error) return { ok: false, error };
        if (a[j + 1] === '=' || f.type !== 'bool') break;
      }
      continue;
    }
    positional.push(a);
  }
  return { ok: true, values, args: positional };
}

/** The text cobra prints for a flag error of `minikube <path>` (stderr; exit EXIT_USAGE). */
export function flagErrorText(path: string, error: string): string {
  return `Error: ${error}\nSee 'minikube ${path} --help' for usage.\n`;
}
