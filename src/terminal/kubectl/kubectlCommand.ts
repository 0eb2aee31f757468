/**
 * The `kubectl` program: finds the verb among the arguments the way cobra does (global flags may
 * come before it), parses the verb's flags plus kubectl's global flags, answers `--help`, prints
 * cobra/kubectl's texts for unknown commands and flags, checks that the cluster is reachable, and
 * runs the verb's process. Follows kubernetes/kubectl pkg/cmd/cmd.go and cobra's Find/ParseFlags
 * (1.30). Lab difference: real kubectl commands the lab does not simulate say so on stderr instead of
 * running.
 */
import type { CommandDef, CommandEnv, Proc } from '../shell/process.ts';
import { LEARNER_ENV } from '../shell/session.ts';
import { connectionRefusedText, unreachableServer } from './cli/cluster.ts';
import { parseFlags } from './cli/flags.ts';
import { GLOBAL_FLAGS, globalFlagTakesValue } from './cli/globalFlags.ts';
import { unknownCommandMessage } from './cli/suggest.ts';
import type { VerbContext, VerbModule } from './cli/verbModule.ts';
import { ERROR_EXIT, errorText, plainError, usageError } from './errors.ts';
import { optionsText } from './help/optionsHelp.ts';
import { ALL_COMMAND_NAMES, rootHelpText } from './help/rootHelp.ts';
import { helpTextFor } from './help/verbHelp.ts';
import { VERBS } from './verbs.ts';

/** Index of the first argument that is not a flag (nor a global flag's value), or -1. */
function firstCommandIndex(args: readonly string[], from: number): number {
  for (let i = from; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return -1;
    if (a.startsWith('-') && a.length > 1) {
      if (globalFlagTakesValue(a)) i++;
      continue;
    }
    return i;
  }
  return -1;
}

function findVerb(list: readonly VerbModule[], name: string): VerbModule | undefined {
  return list.find((v) => v.name === name || (v.aliases ?? []).includes(name));
}

/** `kubectl <verb> --help` when the verb has no help text of its own yet. */
function fallbackHelp(verb: VerbModule, path: string): string {
  return `${verb.short}.\n\nUsage:\n  ${path} [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`;
}

/** A command's `--help` text: kubectl 1.30's from help/, else the verb's own, else a short form. */
function helpText(verb: VerbModule, path: string): string {
  return helpTextFor(path.replace(/^kubectl /, '')) ?? verb.help ?? fallbackHelp(verb, path);
}

/**
 * `kubectl options` (pkg/cmd/options): prints the global flags; its help prints nothing, and a flag
 * error tells to run it without flags (templater.go FlagErrorFunc).
 */
function runOptions(args: readonly string[], env: CommandEnv): number {
  const parsed = parseFlags(args, GLOBAL_FLAGS);
  if (!parsed.ok) {
    env.io.stderr(errorText(plainError(`${parsed.error}\nRun 'kubectl options' without flags.`)));
    return ERROR_EXIT;
  }
  if (!parsed.parsed.help) env.io.stdout(optionsText(LEARNER_ENV.HOME));
  return 0;
}

function* runKubectl(args: readonly string[], env: CommandEnv): Proc {
  const { io } = env;
  const at = firstCommandIndex(args, 0);
  if (at < 0) {
    const parsed = parseFlags(args, GLOBAL_FLAGS);
    if (!parsed.ok) {
      io.stderr(errorText(plainError(`${parsed.error}\nSee 'kubectl --help' for usage.`)));
      return ERROR_EXIT;
    }
    io.stdout(rootHelpText());
    return 0;
  }
  const name = args[at];
  let verb = findVerb(VERBS, name);
  let rest = [...args.slice(0, at), ...args.slice(at + 1)];
  let path = `kubectl ${verb?.name ?? name}`;
  if (!verb) {
    if (name === 'help') {
      // `kubectl help <command>` prints that command's help (cobra's help command).
      const topic = args.slice(at + 1).filter((a) => !a.startsWith('-'));
      const target = topic.length > 0 ? findVerb(VERBS, topic[0]) : undefined;
      if (target) {
        const sub = topic.length > 1 ? findVerb(target.subcommands ?? [], topic[1]) : undefined;
        io.stdout(
          sub
            ? helpText(sub, `kubectl ${target.name} ${sub.name}`)
            : helpText(target, `kubectl ${target.name}`),
        );
        return 0;
      }
      io.stdout(rootHelpText());
      return 0;
    }
    if (name === 'options') return runOptions(rest, env);
    if (ALL_COMMAND_NAMES.includes(name)) {
      io.stderr(`error: "kubectl ${name}" is not simulated in this lab\n`);
      return ERROR_EXIT;
    }
    const names = [...new Set([...ALL_COMMAND_NAMES, ...VERBS.map((v) => v.name)])];
    io.stderr(errorText(plainError(unknownCommandMessage(name, 'kubectl', names))));
    return ERROR_EXIT;
  }
  if (verb.subcommands && verb.subcommands.length > 0) {
    const subAt = firstCommandIndex(rest, at);
    const sub = subAt >= 0 ? findVerb(verb.subcommands, rest[subAt]) : undefined;
    if (!sub) {
      const wantsHelp = rest.includes('-h') || rest.includes('--help');
      if (subAt >= 0 && !wantsHelp) {
        io.stderr(errorText(usageError(path, `unknown command "${rest.slice(subAt).join(' ')}"`)));
        return ERROR_EXIT;
      }
      // cobra's DefaultSubCommandRun: the help goes to stderr and kubectl exits 1 (0 with --help).
      const text = helpText(verb, path);
      if (wantsHelp) {
        io.stdout(text);
        return 0;
      }
      io.stderr(text);
      return ERROR_EXIT;
    }
    path = `${path} ${sub.name}`;
    rest = [...rest.slice(0, subAt), ...rest.slice(subAt + 1)];
    verb = sub;
  }
  const parsed = parseFlags(rest, [...(verb.flags ?? []), ...GLOBAL_FLAGS]);
  if (!parsed.ok) {
    io.stderr(errorText(plainError(`${parsed.error}\nSee '${path} --help' for usage.`)));
    return ERROR_EXIT;
  }
  const p = parsed.parsed;
  if (p.help) {
    io.stdout(helpText(verb, path));
    return 0;
  }
  if (!verb.run) {
    io.stderr(helpText(verb, path));
    return ERROR_EXIT;
  }
  if (!verb.offline) {
    const down = unreachableServer(env.session);
    if (down) {
      io.stderr(connectionRefusedText(down, env.session.sim.now));
      return ERROR_EXIT;
    }
  }
  const changed = new Set(p.changed);
  const nsFlag = typeof p.values.namespace === 'string' ? p.values.namespace : '';
  const ctx: VerbContext = {
    env,
    io,
    sim: env.session.sim,
    args: p.positional,
    argsLenAtDash: p.argsLenAtDash,
    flags: p.values,
    changed,
    namespace: changed.has('namespace') && nsFlag !== '' ? nsFlag : env.session.namespace,
    namespaceExplicit: changed.has('namespace') && nsFlag !== '',
    commandPath: path,
  };
  const result = verb.run(ctx);
  return typeof result === 'number' ? result : yield* result;
}

/** The `kubectl` command for the shell's registry. */
export const kubectlCommand: CommandDef = {
  name: 'kubectl',
  run: (args, env) => runKubectl(args, env),
};
