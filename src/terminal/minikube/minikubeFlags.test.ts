/**
 * minikube's flag handling through the headless runner: pflag's error texts after cobra's `Error: `
 * with the templater's `See '<command> --help' for usage.` line and ExProgramUsage (14); real flags
 * (global ones before or after the subcommand) accepted; real subcommands the lab cannot run exit with
 * MK_UNIMPLEMENTED (16) instead of a made-up line. Expected texts from spf13/pflag flag.go and
 * kubernetes/minikube cmd/minikube/cmd/{root,version}.go, pkg/minikube/reason/exitcodes.go.
 */
import { describe, expect, it } from 'vitest';
import { kubectlCommand } from '../kubectl/kubectlCommand.ts';
import { FILTER_COMMANDS } from '../shell/filters.ts';
import { runScript } from '../shell/session.ts';
import { TOOL_COMMANDS } from '../shell/tools.ts';
import { minikubeCommand } from './minikubeCommand.ts';
import { MINIKUBE_COMMIT, MINIKUBE_VERSION } from './minikubeText.ts';

const COMMANDS = [...TOOL_COMMANDS, ...FILTER_COMMANDS, minikubeCommand, kubectlCommand];
const run = (lines: string[]) => runScript(lines, { commands: COMMANDS });

describe('minikube flags', () => {
  it("an unknown flag is pflag's error, the help hint, exit 14, and nothing happens", async () => {
    expect(await run(['minikube status --bogus; echo $?', 'minikube stop --bogus', 'minikube status'])).toBe(
      [
        '$ minikube status --bogus; echo $?',
        'Error: unknown flag: --bogus',
        "See 'minikube status --help' for usage.",
        '14',
        '$ minikube stop --bogus',
        'Error: unknown flag: --bogus',
        "See 'minikube stop --help' for usage.",
        '$ minikube status',
        'minikube',
        'type: Control Plane',
        'host: Running',
        'kubelet: Running',
        'apiserver: Running',
        'kubeconfig: Configured',
        '',
        '',
      ].join('\n'),
    );
  });

  it("shorthands, missing values and bad values get pflag's own wording", async () => {
    const screen = await run([
      'minikube status -x',
      'minikube status -o',
      'minikube stop --all=maybe',
      'minikube delete --purge=2',
      'minikube addons enable --bogus volumesnapshots',
      'minikube node list --bogus',
    ]);
    expect(screen).toContain(
      "$ minikube status -x\nError: unknown shorthand flag: 'x' in -x\nSee 'minikube status --help' for usage.\n",
    );
    expect(screen).toContain("$ minikube status -o\nError: flag needs an argument: 'o' in -o\n");
    expect(screen).toContain(
      'Error: invalid argument "maybe" for "--all" flag: strconv.ParseBool: parsing "maybe": invalid syntax\n',
    );
    expect(screen).toContain(
      'Error: invalid argument "2" for "--purge" flag: strconv.ParseBool: parsing "2": invalid syntax\n',
    );
    expect(screen).toContain(
      "Error: unknown flag: --bogus\nSee 'minikube addons enable --help' for usage.\n",
    );
    expect(screen).toContain("Error: unknown flag: --bogus\nSee 'minikube node list --help' for usage.\n");
    // the cluster is untouched: volumesnapshots was not enabled by the rejected line
    expect(screen).not.toContain("The 'volumesnapshots' addon is enabled");
  });

  it('real flags are accepted, global ones before the subcommand too', async () => {
    const screen = await run([
      'minikube -p minikube status -o text; echo $?',
      'minikube status --alsologtostderr -v=1 --node minikube; echo $?',
      'minikube ip --profile=minikube',
      'minikube version --short',
      'minikube version -o json',
    ]);
    expect(screen).not.toContain('Error:');
    expect(screen).toContain('$ minikube ip --profile=minikube\n192.168.49.2\n');
    expect(screen).toContain(`$ minikube version --short\n${MINIKUBE_VERSION}\n`);
    expect(screen).toContain(
      `$ minikube version -o json\n{"commit":"${MINIKUBE_COMMIT}","minikubeVersion":"${MINIKUBE_VERSION}"}\n`,
    );
    expect(screen.match(/^0$/gm)).toHaveLength(2);
  });

  it("another profile is not found, with minikube's exit tip for it (exit 85)", async () => {
    expect(await run(['minikube status -p other; echo $?'])).toBe(
      [
        '$ minikube status -p other; echo $?',
        '🤷  Profile "other" not found. Run "minikube profile list" to view all profiles.',
        '👉  To start a cluster, run: "minikube start -p other"',
        '85',
        '',
      ].join('\n'),
    );
  });

  it('real commands the lab lacks exit with MK_UNIMPLEMENTED (16); made-up names stay unknown commands', async () => {
    const screen = await run(['minikube ssh; echo $?', 'minikube dashboard --url; echo $?', 'minikube sshh']);
    expect(screen).toContain(
      '$ minikube ssh; echo $?\n\n❌  Exiting due to MK_UNIMPLEMENTED: minikube ssh is not currently implemented in this browser lab',
    );
    expect(screen).toContain(
      '\n\n16\n$ minikube dashboard --url; echo $?\n\n❌  Exiting due to MK_UNIMPLEMENTED: minikube dashboard ',
    );
    expect(screen).not.toContain('not simulated');
    expect(screen).toContain('Error: unknown command "sshh" for "minikube"');
  });
});
