/**
 * kubectl's error printing (kubernetes/kubectl pkg/cmd/util/helpers.go, 1.30: `checkErr`,
 * `StandardErrorMessage`, `MultilineError`, `MultipleErrors`, `AddSourceToErr`, `UsageErrorf`),
 * turning the core's StatusError and client-side errors into the lines kubectl writes to stderr:
 * `Error from server (NotFound): pods "x" not found`, `The StatefulSet "web" is invalid: ...` (one
 * cause on the line, several as a `* ` list under a header ending in `: `), `error: ...`, and usage
 * errors with `See 'kubectl get -h' for help and examples`. Every error exits with status 1.
 */
import type { FieldError } from '../../core/apiserver/fieldErrors.ts';
import { formatFieldError } from '../../core/apiserver/fieldErrors.ts';
import type { StatusError } from '../../core/apiserver/statusError.ts';
import type { Io } from '../shell/process.ts';

/** kubectl's DefaultErrorExitCode. */
export const ERROR_EXIT = 1;

/** An error a kubectl command ends with. */
export type KubectlError =
  /** an apiserver Status error; `message` may differ from the status's after AddSourceToErr */
  | { type: 'api'; status: StatusError; message: string }
  /** a client-side error: printed as `error: <message>` */
  | { type: 'plain'; message: string }
  /** a usage error (UsageErrorf): `error: <message>` + the `See '<cmd> -h'` line */
  | { type: 'usage'; message: string; commandPath: string }
  /** text printed as it is (already complete lines, e.g. the connection-refused block) */
  | { type: 'raw'; text: string };

/** Wraps a StatusError from the core. */
export function apiError(status: StatusError): KubectlError {
  return { type: 'api', status, message: status.message };
}

/** A client-side `error: ...`. */
export function plainError(message: string): KubectlError {
  return { type: 'plain', message };
}

/** A usage error of a command (`kubectl get`, `kubectl rollout status`). */
export function usageError(commandPath: string, message: string): KubectlError {
  return { type: 'usage', message, commandPath };
}

/**
 * AddSourceToErr: `error when <verb> "<source>": <message>` for errors about an object read from a
 * file (`creating`, `patching`, `deleting`...). Without a source the error is unchanged.
 */
export function addSource(verb: string, source: string | undefined, err: KubectlError): KubectlError {
  if (!source) return err;
  if (err.type === 'api') return { ...err, message: `error when ${verb} "${source}": ${err.message}` };
  if (err.type === 'plain') return { ...err, message: `error when ${verb} "${source}": ${err.message}` };
  return err;
}

/** The cause lines of an Invalid error: `<field>: <ErrorBody>` as statusCausesToAggrError builds them. */
function causeTexts(causes: readonly FieldError[]): string[] {
  return causes.map(formatFieldError);
}

/** StandardErrorMessage / messageForError: one error's text without the trailing newline. */
function standardMessage(err: KubectlError): string {
  switch (err.type) {
    case 'api':
      return `Error from server (${err.status.reason}): ${err.message}`;
    case 'plain':
      return err.message.startsWith('error: ') ? err.message : `error: ${err.message}`;
    case 'usage':
      return `error: ${err.message}\nSee '${err.commandPath} -h' for help and examples`;
    case 'raw':
      return err.text.replace(/\n$/, '');
  }
}

/** What checkErr prints for one error (ends with a newline). */
export function errorText(err: KubectlError): string {
  if (err.type === 'raw') return err.text;
  if (err.type === 'api' && err.status.reason === 'Invalid' && err.status.details) {
    const d = err.status.details;
    const header =
      d.kind || d.name ? `The ${d.kind ?? ''} "${d.name ?? ''}" is invalid` : 'The request is invalid';
    const causes = causeTexts(d.causes ?? []);
    if (causes.length === 0) return `${header}\n`;
    if (causes.length === 1) return `${header}: ${causes[0]}\n`;
    return `${header}: \n${causes.map((c) => `* ${c}\n`).join('')}`;
  }
  const msg = standardMessage(err);
  return msg.endsWith('\n') ? msg : `${msg}\n`;
}

/**
 * Prints what a command's errors amount to, as checkErr does with the error a command returns: one
 * error alone, several as an aggregate (each on its own line, in StandardErrorMessage form).
 * Returns the exit status (1), or 0 when there were no errors.
 */
export function printErrors(io: Io, errs: readonly KubectlError[]): number {
  if (errs.length === 0) return 0;
  if (errs.length === 1) io.stderr(errorText(errs[0]));
  else io.stderr(errs.map((e) => `${standardMessage(e)}\n`).join(''));
  return ERROR_EXIT;
}

/** Prints one error and returns the exit status, for `return fail(io, err)` in verbs. */
export function fail(io: Io, err: KubectlError): number {
  return printErrors(io, [err]);
}
