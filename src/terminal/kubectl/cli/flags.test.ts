import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forbidden, required } from '../../../core/apiserver/fieldErrors.ts';
import { invalidObject } from '../../../core/apiserver/statusError.ts';
import { apiError, errorText } from '../errors.ts';
import { type FlagSpec, parseFlags } from './flags.ts';

const SPECS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'replicas', type: 'int' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background' },
];

describe('parseFlags (pflag semantics)', () => {
  it('accepts the value forms pflag accepts, interspersed with arguments', () => {
    for (const args of [
      ['-o', 'wide', 'pods'],
      ['pods', '-owide'],
      ['-o=wide', 'pods'],
      ['pods', '--output=wide'],
      ['--output', 'wide', 'pods'],
    ]) {
      const r = parseFlags(args, SPECS);
      expect(r.ok && r.parsed.values.output).toBe('wide');
      expect(r.ok && r.parsed.positional).toEqual(['pods']);
    }
  });

  it('groups boolean shorthands and keeps arguments after --', () => {
    const r = parseFlags(['-wA', 'pods', '--', '-x', 'y'], SPECS);
    expect(r.ok && [r.parsed.values.watch, r.parsed.values['all-namespaces']]).toEqual([true, true]);
    expect(r.ok && r.parsed.positional).toEqual(['pods', '-x', 'y']);
    expect(r.ok && r.parsed.argsLenAtDash).toBe(1);
  });

  it('takes NoOptDefVal for flags given without a value, and accumulates slices', () => {
    const r = parseFlags(['--cascade', 'pods', '-f', 'a.yaml', '-f', 'b.yaml,c.yaml'], SPECS);
    expect(r.ok && r.parsed.values.cascade).toBe('background');
    expect(r.ok && r.parsed.values.filename).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
  });

  it("uses pflag's error texts", () => {
    const err = (args: string[]) => {
      const r = parseFlags(args, SPECS);
      return r.ok ? '' : r.error;
    };
    expect(err(['--foo'])).toBe('unknown flag: --foo');
    expect(err(['-x'])).toBe("unknown shorthand flag: 'x' in -x");
    expect(err(['--output'])).toBe('flag needs an argument: --output');
    expect(err(['--replicas=abc'])).toBe(
      'invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax',
    );
    expect(err(['--watch=maybe'])).toBe(
      'invalid argument "maybe" for "-w, --watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    );
  });

  it('never throws, whatever the arguments', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (args) => {
        const r = parseFlags(args, SPECS);
        return r.ok ? r.parsed.positional.length <= args.length : r.error.length > 0;
      }),
    );
  });
});

describe('errorText (kubectl checkErr)', () => {
  it('prints one invalid cause on the header line and several as a list', () => {
    const one = invalidObject('StatefulSet', 'apps', 'web', [forbidden('spec', 'updates are forbidden')]);
    expect(errorText(apiError(one))).toBe(
      'The StatefulSet "web" is invalid: spec: Forbidden: updates are forbidden\n',
    );
    const two = invalidObject('StatefulSet', 'apps', 'web', [
      required('spec.selector'),
      forbidden('spec', 'no'),
    ]);
    expect(errorText(apiError(two))).toBe(
      'The StatefulSet "web" is invalid: \n* spec.selector: Required value\n* spec: Forbidden: no\n',
    );
  });
});
