/**
 * Flag parsing with the semantics of spf13/pflag as cobra drives it for kubectl 1.30
 * (pflag flag.go `parseArgs`, `parseLongArg`, `parseSingleShortArg`): `--name=value`,
 * `--name value`, `-n value`, `-nvalue`, `-n=value`, grouped boolean shorthands (`-it`),
 * flags anywhere among the arguments (interspersed), `--` ending the flags, and pflag's error texts
 * (`unknown flag: --foo`, `unknown shorthand flag: 'x' in -x`, `flag needs an argument: --output`,
 * `invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax`).
 * The lab's flags are plain data (FlagSpec); values are plain JSON.
 */

export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice' | 'duration';
export type FlagValue = string | boolean | number | string[];

/** One flag a command accepts. */
export interface FlagSpec {
  name: string;
  /** one-letter shorthand, e.g. `n` for `-n` */
  short?: string;
  type: FlagType;
  /** value when the flag is not given (bool: false, string: '', int: 0, lists: [] unless set) */
  default?: FlagValue;
  /** value taken when the flag is given without `=value` (pflag NoOptDefVal; bools use 'true') */
  noOptDefault?: string;
}

/** What parsing found: positional arguments, flag values (defaults filled in) and which were given. */
export interface ParsedArgs {
  positional: string[];
  /** number of positional arguments before `--`, or -1 when there was no `--` (cobra ArgsLenAtDash) */
  argsLenAtDash: number;
  values: Record<string, FlagValue>;
  /** names of the flags given on the command line */
  changed: string[];
  /** `-h` or `--help` was given */
  help: boolean;
}

export type ParseResult = { ok: true; parsed: ParsedArgs } | { ok: false; error: string };

function defaultOf(spec: FlagSpec): FlagValue {
  if (spec.default !== undefined) return Array.isArray(spec.default) ? [...spec.default] : spec.default;
  switch (spec.type) {
    case 'bool':
      return false;
    case 'int':
      return 0;
    case 'stringArray':
    case 'stringSlice':
      return [];
    default:
      return '';
  }
}

/** How pflag names a flag in `invalid argument` errors: `-n, --namespace` or `--output`. */
function flagTitle(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

/** Go's time.ParseDuration, to milliseconds; undefined when the text is not a duration. */
export function parseGoDuration(text: string): number | undefined {
  if (text === '0') return 0;
  const m = text.match(/^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/);
  if (!m) return undefined;
  const units: Record<string, number> = {
    ns: 1e-6,
    us: 1e-3,
    µs: 1e-3,
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
  };
  let total = 0;
  for (const part of text.replace(/^[+-]/, '').matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g))
    total += Number(part[1]) * units[part[2]];
  return m[1] === '-' ? -total : total;
}

/** Converts a flag's text to its value; an error text in pflag's words when it does not parse. */
function convert(
  spec: FlagSpec,
  text: string,
  previous: FlagValue,
): { value: FlagValue } | { error: string } {
  const bad = (why: string) => ({
    error: `invalid argument "${text}" for "${flagTitle(spec)}" flag: ${why}`,
  });
  switch (spec.type) {
    case 'bool': {
      const t = ['1', 't', 'T', 'TRUE', 'true', 'True'];
      const f = ['0', 'f', 'F', 'FALSE', 'false', 'False'];
      if (t.includes(text)) return { value: true };
      if (f.includes(text)) return { value: false };
      return bad(`strconv.ParseBool: parsing "${text}": invalid syntax`);
    }
    case 'int': {
      // Decimal only: base prefixes (0x, 0o, 0b) are accepted by Go but never used in tutorials.
      if (!/^[+-]?\d+$/.test(text)) return bad(`strconv.ParseInt: parsing "${text}": invalid syntax`);
      return { value: Number(text) };
    }
    case 'duration': {
      const ms = parseGoDuration(text);
      if (ms === undefined) return bad(`time: invalid duration "${text}"`);
      return { value: text };
    }
    case 'stringArray':
      return { value: [...(previous as string[]), text] };
    case 'stringSlice':
      return { value: [...(previous as string[]), ...(text === '' ? [] : text.split(','))] };
    default:
      return { value: text };
  }
}

/**
 * Parses a command's arguments against its flags (kubectl's global flags included by the caller).
 * List flags given on the command line replace their defaults, as pflag's do on first use.
 */
export function parseFlags(args: readonly string[], specs: readonly FlagSpec[]): ParseResult {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  const values: Record<string, FlagValue> = {};
  for (const s of specs) values[s.name] = defaultOf(s);
  const changed: string[] = [];
  const positional: string[] = [];
  let argsLenAtDash = -1;
  let help = false;

  const set = (spec: FlagSpec, text: string): string | undefined => {
    const first = !changed.includes(spec.name);
    const prev =
      first && (spec.type === 'stringArray' || spec.type === 'stringSlice') ? [] : values[spec.name];
    const r = convert(spec, text, prev);
    if ('error' in r) return r.error;
    values[spec.name] = r.value;
    if (first) changed.push(spec.name);
    return undefined;
  };
  const noOpt = (spec: FlagSpec): string | undefined =>
    spec.noOptDefault ?? (spec.type === 'bool' ? 'true' : undefined);

  for (let i = 0; i < args.length; i++) {
    const s = args[i];
    if (s.length < 2 || s[0] !== '-') {
      positional.push(s);
      continue;
    }
    if (s[1] === '-') {
      if (s.length === 2) {
        argsLenAtDash = positional.length;
        positional.push(...args.slice(i + 1));
        break;
      }
      const body = s.slice(2);
      if (body[0] === '-' || body[0] === '=') return { ok: false, error: `bad flag syntax: ${s}` };
      const eq = body.indexOf('=');
      const name = eq >= 0 ? body.slice(0, eq) : body;
      const spec = byName.get(name);
      if (!spec) {
        if (name === 'help') {
          help = true;
          continue;
        }
        return { ok: false, error: `unknown flag: --${name}` };
      }
      let text: string;
      if (eq >= 0) text = body.slice(eq + 1);
      else if (noOpt(spec) !== undefined) text = noOpt(spec) as string;
      else if (i + 1 < args.length) text = args[++i];
      else return { ok: false, error: `flag needs an argument: ${s}` };
      const err = set(spec, text);
      if (err) return { ok: false, error: err };
      continue;
    }
    let shorthands = s.slice(1);
    while (shorthands.length > 0) {
      const c = shorthands[0];
      const spec = byShort.get(c);
      if (!spec) {
        if (c === 'h') {
          help = true;
          shorthands = shorthands.slice(1);
          continue;
        }
        return { ok: false, error: `unknown shorthand flag: '${c}' in -${shorthands}` };
      }
      let text: string;
      let rest = '';
      if (shorthands.length > 2 && shorthands[1] === '=') text = shorthands.slice(2);
      else if (noOpt(spec) !== undefined) {
        text = noOpt(spec) as string;
        rest = shorthands.slice(1);
      } else if (shorthands.length > 1) text = shorthands.slice(1);
      else if (i + 1 < args.length) text = args[++i];
      else return { ok: false, error: `flag needs an argument: '${c}' in -${shorthands}` };
      const err = set(spec, text);
      if (err) return { ok: false, error: err };
      shorthands = rest;
    }
  }
  return { ok: true, parsed: { positional, argsLenAtDash, values, changed, help } };
}
