/**
 * `kubectl <command> --help` texts of kubectl 1.30, by command path: the help data of the
 * *Help.ts files rendered by helpLayout.ts (kubectl's templater at a 120-column terminal). The entry
 * point (kubectlCommand.ts) looks a command's help up here by its path (`get`, `rollout status`);
 * commands not listed fall back to a short form there.
 */
import { APPLY, CREATE, DELETE } from './createDeleteHelp.ts';
import { type CommandHelp, renderHelp } from './helpLayout.ts';
import { API_RESOURCES, LOGS, VERSION } from './infoVerbsHelp.ts';
import { ATTACH, EXEC, RUN } from './podVerbsHelp.ts';
import { DESCRIBE, EVENTS, GET } from './readVerbsHelp.ts';
import {
  ROLLOUT,
  ROLLOUT_HISTORY,
  ROLLOUT_PAUSE,
  ROLLOUT_RESTART,
  ROLLOUT_RESUME,
  ROLLOUT_STATUS,
  ROLLOUT_UNDO,
  SET,
  SET_IMAGE,
} from './rolloutSetHelp.ts';
import { ANNOTATE, LABEL, PATCH, SCALE, WAIT } from './updateVerbsHelp.ts';

/** The help data of every command the lab has, in no particular order. */
export const COMMAND_HELP: readonly CommandHelp[] = [
  APPLY,
  CREATE,
  GET,
  DESCRIBE,
  DELETE,
  WAIT,
  EVENTS,
  API_RESOURCES,
  VERSION,
  SCALE,
  PATCH,
  SET,
  SET_IMAGE,
  LABEL,
  ANNOTATE,
  ROLLOUT,
  ROLLOUT_STATUS,
  ROLLOUT_HISTORY,
  ROLLOUT_UNDO,
  ROLLOUT_RESTART,
  ROLLOUT_PAUSE,
  ROLLOUT_RESUME,
  LOGS,
  EXEC,
  RUN,
  ATTACH,
];

const RENDERED: ReadonlyMap<string, string> = new Map(COMMAND_HELP.map((h) => [h.path, renderHelp(h)]));

/**
 * The `--help` text of the command at `path` (without `kubectl`, words separated by one space, e.g.
 * `rollout status`), or undefined when the lab has no help data for it.
 */
export function helpTextFor(path: string): string | undefined {
  return RENDERED.get(path);
}

/** `kubectl delete --help`. */
export const DELETE_HELP: string = renderHelp(DELETE);

/** `kubectl apply --help`. */
export const APPLY_HELP: string = renderHelp(APPLY);

/** `kubectl create --help` (also printed on stderr by `kubectl create` without -f). */
export const CREATE_HELP: string = renderHelp(CREATE);
