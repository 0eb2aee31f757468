import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../core/simulation/createSimulation.ts';
import { runKubectl, words } from '../kubectlTestDriver.ts';
import { VERBS } from '../verbs.ts';
import { goWordWrap } from './goWordWrap.ts';
import { flagUsages, type HelpFlag } from './helpLayout.ts';
import { COMMAND_HELP, helpTextFor } from './verbHelp.ts';

const k = (line: string) => runKubectl(createSimulation({ seed: 1 }), words(line));

/** The commands whose verb the lab registers (attach may still be on its way). */
const registered = COMMAND_HELP.filter((h) => {
  const [top, sub] = h.path.split(' ');
  const verb = VERBS.find((v) => v.name === top);
  return verb !== undefined && (sub === undefined || (verb.subcommands ?? []).some((s) => s.name === sub));
});

describe('kubectl <command> --help', () => {
  it('prints kubectl 1.30 texts: first lines and Usage lines as in the kubectl sources', () => {
    const get = k('get --help');
    expect(get.code).toBe(0);
    expect(
      get.stdout.startsWith('Display one or many resources.\n\n Prints a table of the most important'),
    ).toBe(true);
    // get's Use line is longer than the terminal: kubectl's writer moves the format list to its own line.
    expect(get.stdout).toContain(
      'Usage:\n  kubectl get\n[(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide]\n(TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]\n\n',
    );
    expect(k('scale --help').stdout).toMatch(
      /^Set a new size for a deployment, replica set, replication controller, or stateful set\.\n\n Scale also allows/,
    );
    expect(k('scale --help').stdout).toContain(
      'Usage:\n  kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)\n[options]\n',
    );
    const status = k('rollout status --help').stdout;
    expect(status.startsWith('Show the status of the rollout.\n\n By default')).toBe(true);
    expect(status).toContain('Usage:\n  kubectl rollout status (TYPE NAME | TYPE/NAME) [flags] [options]\n');
    expect(k('logs --help').stdout).toContain(
      'Usage:\n  kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]\n',
    );
    expect(k('delete --help').stdout).toContain(
      'Usage:\n  kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]\n',
    );
  });

  it('lays flags out as kubectl does: heading, then the usage after a tab, wrapped at 110 columns', () => {
    const status = k('rollout status --help').stdout;
    expect(status).toContain(
      "Options:\n    -f, --filename=[]:\n\tFilename, directory, or URL to files identifying the resource to get from a server.\n\n    -k, --kustomize='':\n",
    );
    expect(status).toContain("    -w, --watch=true:\n\tWatch the status of the rollout until it's done.\n\n");
    const flag: HelpFlag = { name: 'x', type: 'string', def: 'a', usage: `${'word '.repeat(40)}end` };
    const lines = flagUsages([flag]).split('\n');
    expect(lines[0]).toBe("    --x='a':");
    for (const line of lines.slice(1).filter((l) => l !== '')) {
      expect(line.startsWith('\t')).toBe(true);
      expect(line.length - 1).toBeLessThanOrEqual(110);
    }
  });

  it('ends every help with the global options hint; commands with subcommands list them', () => {
    for (const h of COMMAND_HELP) {
      const text = helpTextFor(h.path) ?? '';
      expect(
        text.endsWith(
          'Use "kubectl options" for a list of global command-line options (applies to all commands).\n',
        ),
      ).toBe(true);
    }
    const rollout = k('rollout --help').stdout;
    expect(rollout).toContain('Available Commands:\n  history       View rollout history\n');
    expect(rollout).toContain(
      'Use "kubectl rollout <command> --help" for more information about a given command.\n',
    );
    const set = k('set');
    expect(set.code).toBe(1);
    expect(set.stderr).toContain('  image            Update the image of a pod template\n');
  });

  it('keeps every line within 120 columns unless it is one unbreakable word', () => {
    for (const h of COMMAND_HELP)
      for (const line of (helpTextFor(h.path) ?? '').split('\n'))
        if (line.length > 120) expect(line.trim()).not.toContain(' ');
  });

  it('`kubectl help <command>` prints the same text as `<command> --help`', () => {
    expect(k('help get').stdout).toBe(k('get --help').stdout);
    expect(k('help rollout undo').stdout).toBe(k('rollout undo --help').stdout);
  });
});

describe('every flag a help lists is accepted by the command', () => {
  const sample = (f: HelpFlag) =>
    f.type === 'bool' ? 'true' : f.type === 'int' ? '1' : f.type === 'duration' ? '1s' : 'x';
  for (const h of registered) {
    it(`kubectl ${h.path}`, () => {
      const expected = helpTextFor(h.path);
      for (const f of h.flags) {
        for (const form of [
          `--${f.name}=${sample(f)}`,
          ...(f.short ? [`-${f.short}${f.type === 'bool' ? '' : ` ${sample(f)}`}`] : []),
        ]) {
          const r = k(`${h.path} ${form} --help`);
          expect(r.stderr, `${h.path} ${form}`).toBe('');
          expect(r.stdout, `${h.path} ${form}`).toBe(expected);
        }
      }
    });
  }
});

describe('kubectl options', () => {
  it('prints the global flags, with the learner home in --cache-dir', () => {
    const r = k('options');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("The following options can be passed to any command:\n\n    --as='':\n")).toBe(
      true,
    );
    expect(r.stdout).toContain("    --cache-dir='/home/learner/.kube/cache':\n\tDefault cache directory\n\n");
    expect(r.stdout).toContain(
      "    -n, --namespace='':\n\tIf present, the namespace scope for this CLI request\n\n",
    );
    expect(r.stdout).toContain('    -v, --v=0:\n\tnumber for the log level verbosity\n\n');
  });

  it('prints nothing for --help and asks to run it without flags on a bad flag', () => {
    expect(k('options --help')).toMatchObject({ stdout: '', stderr: '', code: 0 });
    const bad = k('options --foo');
    expect(bad.stderr).toBe("error: unknown flag: --foo\nRun 'kubectl options' without flags.\n");
    expect(bad.code).toBe(1);
  });
});

describe('goWordWrap (go-wordwrap WrapString)', () => {
  it('breaks at spaces, drops the space at a break, keeps long words whole', () => {
    expect(goWordWrap('foo bar baz', 3)).toBe('foo\nbar\nbaz');
    expect(goWordWrap('foo bar baz', 7)).toBe('foo bar\nbaz');
    expect(goWordWrap('a verylongword b', 5)).toBe('a\nverylongword\nb');
    expect(goWordWrap('  indented\n  \nnext', 20)).toBe('  indented\n  \nnext');
  });

  it('lets a line pass the limit only when it holds a word at least as long as the limit; loses no word', () => {
    const text = fc.array(fc.oneof(fc.constantFrom(' ', '\n', '\t'), fc.stringMatching(/^[a-z]{1,12}$/)), {
      maxLength: 60,
    });
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 40 }), (parts, limit) => {
        const input = parts.join('');
        const out = goWordWrap(input, limit);
        for (const line of out.split('\n'))
          if (line.length > limit)
            expect(Math.max(...line.split(/\s+/).map((w) => w.length))).toBeGreaterThanOrEqual(limit);
        expect(out.split(/\s+/).filter(Boolean)).toEqual(input.split(/\s+/).filter(Boolean));
      }),
    );
  });
});
