/**
 * The shape of one kubectl verb (a cobra command in kubernetes/kubectl pkg/cmd/<verb>) as the lab
 * registers it in verbs.ts: its name and aliases, its flags as data, its `--help` text, optional
 * subcommands (`rollout status`, `set image`), and `run`, a process that gets the parsed
 * arguments. Verb modules never parse flags or print usage errors themselves: the entry point does.
 */
import type { Simulation } from '../../../core/simulation/simulation.ts';
import type { CommandEnv, Io, Proc } from '../../shell/process.ts';
import type { FlagSpec, FlagValue } from './flags.ts';

/** The sections of `kubectl --help` a verb is listed under. */
export type HelpGroup =
  | 'Basic Commands (Beginner)'
  | 'Basic Commands (Intermediate)'
  | 'Deploy Commands'
  | 'Cluster Management Commands'
  | 'Troubleshooting and Debugging Commands'
  | 'Advanced Commands'
  | 'Settings Commands'
  | 'Other Commands';

/** What a verb's `run` gets. */
export interface VerbContext {
  readonly env: CommandEnv;
  readonly io: Io;
  /** the cluster (kubectl checked it is reachable before calling a verb that needs it) */
  readonly sim: Simulation;
  /** positional arguments, flags removed (after `--` everything is positional) */
  readonly args: readonly string[];
  /** how many positional arguments came before `--`; -1 without `--` */
  readonly argsLenAtDash: number;
  /** every flag of the verb and the global flags, defaults filled in */
  readonly flags: Readonly<Record<string, FlagValue>>;
  /** flags given on the command line */
  readonly changed: ReadonlySet<string>;
  /** `-n` if given, else the namespace of the current context */
  readonly namespace: string;
  /** true when `-n/--namespace` was given */
  readonly namespaceExplicit: boolean;
  /** `kubectl get`, `kubectl rollout status`: what usage errors call the command */
  readonly commandPath: string;
}

/** One kubectl verb. */
export interface VerbModule {
  name: string;
  aliases?: readonly string[];
  /** one line for `kubectl --help` */
  short: string;
  group?: HelpGroup;
  /** the verb's own flags (global flags are added by the entry point) */
  flags?: readonly FlagSpec[];
  /** `kubectl <verb> --help` text, exactly as kubectl 1.30 prints it */
  help?: string;
  subcommands?: readonly VerbModule[];
  /** true for verbs that never talk to the cluster (`version --client`, help) */
  offline?: boolean;
  /** a process for verbs that wait; a plain exit status for verbs that finish at once */
  run?(ctx: VerbContext): Proc | number;
}

/** A string flag's value. */
export function flagString(ctx: VerbContext, name: string): string {
  const v = ctx.flags[name];
  return typeof v === 'string' ? v : v === undefined ? '' : String(v);
}

/** A boolean flag's value. */
export function flagBool(ctx: VerbContext, name: string): boolean {
  return ctx.flags[name] === true;
}

/** An int flag's value. */
export function flagInt(ctx: VerbContext, name: string): number {
  const v = ctx.flags[name];
  return typeof v === 'number' ? v : Number(v ?? 0);
}

/** A list flag's values (stringArray / stringSlice). */
export function flagList(ctx: VerbContext, name: string): string[] {
  const v = ctx.flags[name];
  return Array.isArray(v) ? v : [];
}

/** True when the flag was given on the command line. */
export function flagChanged(ctx: VerbContext, name: string): boolean {
  return ctx.changed.has(name);
}
