/**
 * `minikube addons list|enable|disable` of minikube v1.33.1 (cmd/minikube/cmd/config/{addons_list,
 * enable,disable}.go, pkg/addons/addons.go). The cluster side (flags, objects) is
 * src/core/cluster/addons.ts; this module prints. `Using image` lines come in the catalogue's order (real
 * minikube walks a Go map, so its order varies run to run; the lab keeps one fixed order and does not
 * draw it from the cluster's random generator, which would change the cluster's future).
 * Lab difference: on a stopped cluster enabling also creates the addon's objects at once (minikube
 * applies them at the next start).
 */
import { ADDONS, addonInfo, disableAddon, enableAddon, isAddonEnabled } from '../../core/cluster/addons.ts';
import type { CommandEnv, Proc } from '../shell/process.ts';
import {
  EXIT_GUEST_NOT_FOUND,
  EXIT_UNSUPPORTED,
  EXIT_USAGE,
  ISSUE_BOX,
  PROFILE_NOT_FOUND,
  unimplementedText,
} from './minikubeText.ts';
import { renderTable } from './tableWriter.ts';

/** minikube's ExProgramError, the exit code of its internal-error kinds (MK_*). */
const EXIT_PROGRAM_ERROR = 10;
const OFFICIAL_MAINTAINERS = new Set(['Google', 'Kubernetes', 'minikube']);

export const ADDONS_HELP = `addons modifies minikube addons files using subcommands like "minikube addons enable dashboard"

Available Commands:
  configure        Configures the addon w/ADDON_NAME within minikube (example: minikube addons configure registry-creds). For a list of available addons use: minikube addons list
  disable          Disables the addon w/ADDON_NAME within minikube (example: minikube addons disable dashboard). For a list of available addons use: minikube addons list
  enable           Enables the addon w/ADDON_NAME within minikube. For a list of available addons use: minikube addons list 
  images           List image names the addon w/ADDON_NAME used. For a list of available addons use: minikube addons list
  list             Lists all available minikube addons as well as their current statuses (enabled/disabled)
  open             Opens the addon w/ADDON_NAME within minikube (example: minikube addons open dashboard). For a list of available addons use: minikube addons list

Usage:
  minikube addons SUBCOMMAND [flags] [options]

Use "minikube <command> --help" for more information about a given command.
Use "minikube options" for a list of global command-line options (applies to all commands).
`;

/** The text of `minikube addons list` for the cluster (two columns when there is no profile). */
export function addonsListText(enabled: ((name: string) => boolean) | undefined): string {
  if (!enabled)
    return renderTable(
      ['Addon Name', 'Maintainer'],
      ADDONS.map((a) => [a.name, a.maintainer]),
    );
  return renderTable(
    ['Addon Name', 'Profile', 'Status', 'Maintainer'],
    // "   " after disabled: minikube pads it because the emoji after enabled is two columns wide
    ADDONS.map((a) => [a.name, 'minikube', enabled(a.name) ? 'enabled ✅' : 'disabled    ', a.maintainer]),
  );
}

function usage(io: CommandEnv['io'], text: string): number {
  io.stderr(`\n❌  Exiting due to MK_USAGE: ${text}\n\n`);
  return EXIT_USAGE;
}

function invalidAddon(io: CommandEnv['io'], verb: 'enable' | 'disable', name: string): number {
  io.stderr(
    `\n❌  Exiting due to MK_ADDON_${verb.toUpperCase()}: ${verb} failed: run callbacks: ${name} is not a valid addon\n${ISSUE_BOX}\n`,
  );
  return EXIT_PROGRAM_ERROR;
}

/** The maintainer notice `minikube addons enable` prints first. */
function maintainerNotice(name: string, maintainer: string): string {
  if (OFFICIAL_MAINTAINERS.has(maintainer)) {
    return `💡  ${name} is an addon maintained by ${maintainer}. For any concerns contact minikube on GitHub.\nYou can view the list of minikube maintainers at: https://github.com/kubernetes/minikube/blob/master/OWNERS\n`;
  }
  return `❗  ${name} is a 3rd party addon and is not maintained or verified by minikube maintainers, enable at your own risk.\n❗  ${name} does not currently have an associated maintainer.\n`;
}

export function* addonsCommand(args: readonly string[], { io, session }: CommandEnv): Proc {
  const [sub, ...rest] = args;
  const host = session.sim.state.minikube.host;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout(ADDONS_HELP);
    return 0;
  }
  if (sub === 'list') {
    if (rest.length > 0) return usage(io, 'usage: minikube addons list');
    const sim = session.sim;
    io.stdout(addonsListText(host === 'Absent' ? undefined : (n) => isAddonEnabled(sim, n)));
    return 0;
  }
  if (sub === 'configure' || sub === 'images' || sub === 'open') {
    io.stderr(unimplementedText(`addons ${sub}`));
    return EXIT_UNSUPPORTED;
  }
  if (sub !== 'enable' && sub !== 'disable') {
    io.stderr(
      `Error: unknown command "${sub}" for "minikube addons"\nRun 'minikube addons --help' for usage.\n`,
    );
    return EXIT_USAGE;
  }
  if (rest.length !== 1) return usage(io, `usage: minikube addons ${sub} ADDON_NAME`);
  if (host === 'Absent') {
    io.stdout(PROFILE_NOT_FOUND);
    return EXIT_GUEST_NOT_FOUND;
  }
  const name = rest[0] as string;
  const addon = addonInfo(name);
  if (!addon) return invalidAddon(io, sub, name);
  const sim = session.sim;
  if (sub === 'disable') {
    disableAddon(sim, name);
    // the stray double quote is in minikube's own string (disable.go)
    io.stdout(`🌑  "The '${name}' addon is disabled\n`);
    return 0;
  }
  let out = maintainerNotice(name, addon.maintainer);
  if (name === 'csi-hostpath-driver' && !isAddonEnabled(sim, 'volumesnapshots')) {
    out +=
      "❗  [WARNING] For full functionality, the 'csi-hostpath-driver' addon requires the 'volumesnapshots' addon to be enabled.\n\nYou can enable 'volumesnapshots' addon by running: 'minikube addons enable volumesnapshots'\n\n";
  }
  if (host === 'Running') {
    for (const image of addon.images) out += `    ▪ Using image ${image}\n`;
    if (addon.verifies) out += `🔎  Verifying ${name} addon...\n`;
  }
  enableAddon(sim, name);
  io.stdout(`${out}🌟  The '${name}' addon is enabled\n`);
  return 0;
}
