/**
 * The programs a container offers, from its image's traits (core/images/catalogue.ts): coreutils
 * and the shell's small tools everywhere, `hostname` where the image has it, bind9's or busybox's
 * DNS tools, and the MariaDB client in MariaDB images. A name the image lacks is "not found" in the
 * words of the shell running it: bash's `bash: X: command not found` (printed by the shell engine),
 * busybox ash's `sh: X: not found`, dash's `sh: 1: X: not found` — all with status 127.
 */
import type { ImageTraits } from '../../core/images/catalogue.ts';
import { MARIADB_CLIENT_COMMANDS } from '../mariadb/client.ts';
import { FILTER_COMMANDS } from '../shell/filters.ts';
import type { CommandDef } from '../shell/process.ts';
import { BASIC_COMMANDS, HOSTNAME_COMMAND } from './tools/basicTools.ts';
import { BIND_DNS_COMMANDS, BUSYBOX_DNS_COMMANDS } from './tools/dnsTools.ts';
import { FILE_COMMANDS } from './tools/fileTools.ts';

/** Which shell runs the commands: decides the prompt and the "not found" text. */
export type ShellFlavour = 'bash' | 'ash' | 'dash';

/** Every program the image has, by name. */
export function imageCommands(traits: ImageTraits): CommandDef[] {
  const list: CommandDef[] = [...BASIC_COMMANDS, ...FILE_COMMANDS, ...FILTER_COMMANDS];
  if (traits.tools.hostname) list.push(HOSTNAME_COMMAND);
  if (traits.tools.nslookup === 'bind9') list.push(...BIND_DNS_COMMANDS);
  if (traits.tools.nslookup === 'busybox') list.push(...BUSYBOX_DNS_COMMANDS);
  if (traits.tools.mariadbClient) list.push(...MARIADB_CLIENT_COMMANDS);
  return list;
}

/** The "not found" text of a shell for `name`. */
export function notFoundText(flavour: ShellFlavour, name: string): string {
  if (flavour === 'bash') return `bash: ${name}: command not found\n`;
  if (flavour === 'ash') return `sh: ${name}: not found\n`;
  return `sh: 1: ${name}: not found\n`;
}

/**
 * The command table a pod shell runs with. For ash and dash every unknown name resolves to a program
 * that prints that shell's text (the shell engine prints bash's own text when a name is missing).
 */
export class PodCommandTable extends Map<string, CommandDef> {
  constructor(
    commands: readonly CommandDef[],
    private readonly flavour: ShellFlavour,
  ) {
    super(commands.map((c) => [c.name, c] as const));
  }

  override get(name: string): CommandDef | undefined {
    const def = super.get(name);
    if (def || this.flavour === 'bash') return def;
    const text = notFoundText(this.flavour, name);
    return {
      name,
      // biome-ignore lint/correctness/useYield: prints and returns
      *run(_args, env) {
        env.io.stderr(text);
        return 127;
      },
    };
  }
}
