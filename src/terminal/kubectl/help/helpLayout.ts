/**
 * The layout of `kubectl <command> --help` in kubectl 1.30, following kubernetes/kubectl
 * pkg/util/templates (templater.go `MainHelpTemplate`/`MainUsageTemplate`, templates.go sections,
 * help_flags_printer.go `PrintHelpFlag`, normalizers.go `Examples`) and cobra's `UseLine`. A command's
 * help is data (CommandHelp); this module only arranges it:
 *
 *   <Long, trimmed>
 *
 *   Examples:            (each line indented by two spaces, as templates.Examples does)
 *   Available Commands:  (subcommand names padded to the longest name, then three spaces)
 *   Options:             (flags sorted by name; `    -o, --output='':` then the usage, wrapped at
 *                         110 columns, each line after a tab)
 *   Usage:
 *     kubectl <Use> [options]
 *
 *   Use "kubectl <command> <sub> --help" ...   (commands with subcommands)
 *   Use "kubectl options" for a list of global command-line options (applies to all commands).
 *
 * kubectl writes the Long text and the rest in two writes through its terminal writer, which wraps
 * each at the terminal width; the lab renders a terminal of 120 columns or more, where kubectl caps
 * the width at 120. Long texts are stored already rendered by kubectl's markdown normalizer
 * (templates.LongDesc), because that rendering (paragraphs after the first start with a space, list
 * items read `  *  item`, indented blocks get eight spaces) is a fact of the output.
 */
import { goWordWrap } from './goWordWrap.ts';

/** kubectl's help wrap width on a terminal of 120 columns or more (term_writer.go). */
export const HELP_WIDTH = 120;
/** help_flags_printer.go: flag usages wrap at the terminal limit minus this offset. */
const FLAG_USAGE_OFFSET = 10;

/** One flag as its help shows it. */
export interface HelpFlag {
  name: string;
  short?: string;
  /** pflag's value type; only 'string' values are shown quoted (`--output=''`) */
  type: 'bool' | 'string' | 'int' | 'duration' | 'stringSlice' | 'stringArray' | 'other';
  /** pflag DefValue as printed (`false`, `-1`, `[]`, `0s`, `strict`) */
  def: string;
  /** the usage text exactly as in the source (newlines in it are joined with a space) */
  usage: string;
}

/** The help of one command, as data. */
export interface CommandHelp {
  /** the command path without `kubectl`, e.g. `get`, `rollout status` */
  path: string;
  /** cobra `Use` without the command's own parent path, e.g. `get [(-o|--output=)...] [flags]` */
  use: string;
  /** Long, already normalized by templates.LongDesc (plus any suffix the command appends) */
  long: string;
  /** Example lines as written in the source (templates.Examples trims and indents them) */
  example?: readonly string[];
  /** subcommands, in cobra's (alphabetical) order: [name, Short] */
  subcommands?: ReadonlyArray<readonly [string, string]>;
  flags: readonly HelpFlag[];
}

/** pflag's `--name=default` as kubectl's getFlagFormat prints it. */
function flagHeading(f: HelpFlag): string {
  const value = f.type === 'string' ? `'${f.def}'` : f.def;
  return f.short ? `    -${f.short}, --${f.name}=${value}:` : `    --${f.name}=${value}:`;
}

/**
 * The flag list of kubectl's help (templater.go `flagsUsages`): flags sorted by name, each printed
 * by help_flags_printer.go and followed by a blank line.
 */
export function flagUsages(flags: readonly HelpFlag[], width: number = HELP_WIDTH): string {
  const sorted = [...flags].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return sorted
    .map((f) => {
      const usage = goWordWrap(f.usage.split('\n').join(' '), width - FLAG_USAGE_OFFSET);
      return `${flagHeading(f)}\n\t${usage.split('\n').join('\n\t')}\n\n`;
    })
    .join('');
}

const trimRight = (s: string) => s.replace(/\s+$/u, '');

/** The usage part of the help (templater.go MainUsageTemplate), before the terminal wraps it. */
function usageText(help: CommandHelp): string {
  let out = '\n\n';
  if (help.example && help.example.length > 0) {
    const lines = help.example.join('\n').trim().split('\n');
    out += `Examples:\n${trimRight(lines.map((l) => `  ${l.trim()}`).join('\n'))}\n\n`;
  }
  if (help.subcommands && help.subcommands.length > 0) {
    // cobra NamePadding: the longest sibling name, at least 11.
    const pad = Math.max(11, ...help.subcommands.map(([n]) => n.length));
    const rows = help.subcommands.map(([n, s]) => `  ${n.padEnd(pad)}   ${s}`).join('\n');
    out += `Available Commands:\n${rows}\n\n`;
  }
  if (help.flags.length > 0) out += `Options:\n${trimRight(flagUsages(help.flags))}\n\n`;
  const useLine = ['kubectl', ...help.path.split(' ').slice(0, -1), help.use].join(' ');
  // usageLine: every kubectl command has flags (at least --help), so `[options]` is appended.
  out += `Usage:\n  ${useLine.includes('[options]') ? useLine : `${useLine} [options]`}\n\n`;
  if (help.subcommands && help.subcommands.length > 0)
    out += `Use "kubectl ${help.path} <command> --help" for more information about a given command.\n`;
  out += 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return out;
}

/** The full text of `kubectl <path> --help` at a 120-column terminal. */
export function renderHelp(help: CommandHelp): string {
  return goWordWrap(help.long.trim(), HELP_WIDTH) + goWordWrap(usageText(help), HELP_WIDTH);
}

/** A flag shared by many commands, with its usage; `usage` may be replaced per command. */
export function flag(
  name: string,
  type: HelpFlag['type'],
  def: string,
  usage: string,
  short?: string,
): HelpFlag {
  return short ? { name, short, type, def, usage } : { name, type, def, usage };
}
