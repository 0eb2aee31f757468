/**
 * The registry of programs a session can run when it is not given an explicit list: commands that
 * live in other folders (kubectl, minikube, the pod-shell tools) register here once, and sessions
 * created afterwards see them. A later registration of the same name replaces the earlier one.
 */
import type { CommandDef } from './process.ts';

const registry = new Map<string, CommandDef>();

/** Adds (or replaces) a program by its name. */
export function registerCommand(def: CommandDef): void {
  registry.set(def.name, def);
}

/** Every registered program, in registration order. */
export function registeredCommands(): CommandDef[] {
  return [...registry.values()];
}
