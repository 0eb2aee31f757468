/**
 * Small programs of a container: `hostname` (Debian's hostname 3.23: `-f`/`--fqdn`, `-i`, `-I`,
 * `-s`, `-d`, answered from the kubelet's /etc/hosts as the real one resolves its own name),
 * `env`/`printenv` (the shell's exported environment), `id` and `whoami` for the image's user, plus
 * the shell's `echo`, `true`, `false`, `sleep`, `clear` shared with the host shell.
 */
import type { CommandDef, CommandEnv, Proc } from '../../shell/process.ts';
import { TOOL_COMMANDS } from '../../shell/tools.ts';
import { currentPod, podEnvOf, podFqdn, podHostname } from '../podEnv.ts';

// biome-ignore lint/correctness/useYield: prints and returns
function* hostname(args: readonly string[], env: CommandEnv): Proc {
  const { io, session } = env;
  const p = podEnvOf(env);
  const pod = p && currentPod(session.sim, p);
  if (!pod) return 1;
  const flag = args[0];
  const fqdn = podFqdn(pod);
  const ip = pod.status?.podIP ?? '';
  if (flag === undefined || flag === '-s' || flag === '--short') io.stdout(`${podHostname(pod)}\n`);
  else if (flag === '-f' || flag === '--fqdn' || flag === '--long' || flag === '-A' || flag === '--all-fqdns')
    io.stdout(flag === '-A' || flag === '--all-fqdns' ? `${fqdn} \n` : `${fqdn}\n`);
  else if (flag === '-i' || flag === '--ip-address') io.stdout(`${ip}\n`);
  else if (flag === '-I' || flag === '--all-ip-addresses') io.stdout(`${ip} \n`);
  else if (flag === '-d' || flag === '--domain')
    io.stdout(`${fqdn.includes('.') ? fqdn.slice(fqdn.indexOf('.') + 1) : ''}\n`);
  else if (flag.startsWith('-')) {
    io.stderr(
      `hostname: invalid option -- '${flag.replace(/^-+/, '')}'\nUsage: hostname [-b] {hostname|-F file}         set host name (from file)\n`,
    );
    return 1;
  } else {
    io.stderr('hostname: you must be root to change the host name\n');
    return 1;
  }
  return 0;
}

function* envCommand(args: readonly string[], env: CommandEnv): Proc {
  const p = podEnvOf(env);
  const vars = Object.entries(p?.vars ?? {}).filter(([k]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) && k !== '?');
  if (args.length > 0 && env.io) {
    const name = args[0];
    const found = vars.find(([k]) => k === name);
    if (found) {
      env.io.stdout(`${found[1]}\n`);
      return 0;
    }
    return 1;
  }
  env.io.stdout(vars.map(([k, v]) => `${k}=${v}\n`).join(''));
  return 0;
}

const USERS: Record<string, [number, string, number]> = {
  root: [0, 'root', 0],
  nobody: [65534, 'nogroup', 65534],
};

// biome-ignore lint/correctness/useYield: prints and returns
function* id(_args: readonly string[], env: CommandEnv): Proc {
  const user = podEnvOf(env)?.traits.user ?? 'root';
  const [uid, group, gid] = USERS[user] ?? [1000, user, 1000];
  env.io.stdout(`uid=${uid}(${user}) gid=${gid}(${group}) groups=${gid}(${group})\n`);
  return 0;
}

// biome-ignore lint/correctness/useYield: prints and returns
function* whoami(_args: readonly string[], env: CommandEnv): Proc {
  env.io.stdout(`${podEnvOf(env)?.traits.user ?? 'root'}\n`);
  return 0;
}

const shared = (name: string) => TOOL_COMMANDS.find((c) => c.name === name) as CommandDef;

/** Programs every container image has. */
export const BASIC_COMMANDS: readonly CommandDef[] = [
  { name: 'env', run: (args, env) => envCommand(args.length ? [] : args, env) },
  { name: 'printenv', run: envCommand },
  { name: 'id', run: id },
  { name: 'whoami', run: whoami },
  shared('echo'),
  shared('true'),
  shared('false'),
  shared('sleep'),
  shared('clear'),
];

/** The `hostname` program (images without it have none). */
export const HOSTNAME_COMMAND: CommandDef = { name: 'hostname', run: hostname };
