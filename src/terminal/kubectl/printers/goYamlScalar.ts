/**
 * How go-yaml v2 (the sigs.k8s.io/yaml fork behind `kubectl get -o yaml`, 1.30) writes a string
 * scalar: resolve.go decides whether a plain string would read back as another type (then it is
 * double-quoted: `"1"`, `"true"`, `""`, timestamps); emitterc.go yaml_emitter_analyze_scalar decides
 * whether plain style is allowed (else single quotes, else double quotes); strings with a line break
 * become literal blocks (`|`, `|-`, `|+`); plain and quoted scalars fold at the first space past
 * column 80 (best_width), continuing on the next line at the scalar's indentation.
 * Also the key order of go-yaml's map sorting (keyList.Less: digit runs compare as numbers,
 * non-letters sort before letters).
 *
 * Deliberate differences: binary (invalid UTF-8) strings cannot occur in JS; the double-quoted
 * writer folds like the single-quoted one and does not reproduce every escaped-break nuance.
 */

const BEST_WIDTH = 80;

const RESOLVE_MAP = new Set([
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'true',
  'True',
  'TRUE',
  'on',
  'On',
  'ON',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'false',
  'False',
  'FALSE',
  'off',
  'Off',
  'OFF',
  '',
  '~',
  'null',
  'Null',
  'NULL',
  '.nan',
  '.NaN',
  '.NAN',
  '.inf',
  '.Inf',
  '.INF',
  '+.inf',
  '+.Inf',
  '+.INF',
  '-.inf',
  '-.Inf',
  '-.INF',
  '<<',
]);
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(([Tt]| )\d{1,2}:\d{1,2}:\d{1,2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})?)?$/;
const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** True when go-yaml would read `s`, written plain, as something other than a string. */
export function resolvesToNonString(s: string): boolean {
  if (RESOLVE_MAP.has(s)) return true;
  const c = s[0];
  if (c === '.') return YAML_STYLE_FLOAT.test(s) || /^\.\d/.test(s);
  if (c === '+' || c === '-' || (c >= '0' && c <= '9')) {
    if (TIMESTAMP.test(s) && c >= '0' && c <= '9') return true;
    const plain = s.replaceAll('_', '');
    if (GO_INT.test(plain) || YAML_STYLE_FLOAT.test(plain)) return true;
    if (/^-?0b[01]+$/.test(plain)) return true;
  }
  return BASE60.test(s);
}

const isBreak = (c: string) => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
function isPrintable(c: string): boolean {
  const cp = c.codePointAt(0) as number;
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

interface Analysis {
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
  multiline: boolean;
}

function analyze(value: string): Analysis {
  const chars = [...value];
  // kubectl's YAML has no flow collections with content, so only block-context indicators matter
  let blockInd = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let prevSpace = false;
  let prevBreak = false;
  if (value.startsWith('---') || value.startsWith('...')) {
    blockInd = true;
  }
  let precededByWs = true;
  chars.forEach((c, i) => {
    const next = chars[i + 1];
    const followedByWs = next === undefined || isBlank(next) || isBreak(next);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockInd = true;
      else if ((c === '?' || c === ':' || c === '-') && followedByWs) blockInd = true;
    } else if (c === ':' && followedByWs) blockInd = true;
    else if (c === '#' && precededByWs) blockInd = true;
    if (!isPrintable(c)) special = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevSpace = false;
      prevBreak = true;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    precededByWs = isBlank(c) || isBreak(c);
  });
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  if (lineBreaks || blockInd) blockPlainAllowed = false;
  return { blockPlainAllowed, singleQuotedAllowed, blockAllowed, multiline: lineBreaks };
}

/** Where a scalar sits: the column its first character would start at, and the indentation of
 * continuation lines (the containing collection's indentation + 2). */
export interface ScalarPlace {
  column: number;
  indent: number;
  /** a mapping key: no folding, and an empty key is single-quoted */
  isKey?: boolean;
}

type Style = 'plain' | 'single' | 'double' | 'literal';

function chooseStyle(value: string, place: ScalarPlace): Style {
  const a = analyze(value);
  let style: Style;
  if (value.includes('\n')) style = 'literal';
  else if (!resolvesToNonString(value) && !BASE60.test(value)) style = 'plain';
  else style = 'double';
  if (style === 'plain') {
    if (!a.blockPlainAllowed) style = 'single';
    if (value.length === 0 && place.isKey) style = 'single';
  }
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || place.isKey)) style = 'double';
  return style;
}

/** Writes chars with go-yaml's folding: at a single space past the best width, break instead. */
function folded(
  chars: string[],
  startColumn: number,
  indent: number,
  allowBreaks: boolean,
  quoted: boolean,
): string {
  let out = '';
  let column = startColumn;
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === ' ') {
      const inner = !quoted || (i > 0 && i < chars.length - 1);
      if (allowBreaks && !spaces && column > BEST_WIDTH && chars[i + 1] !== ' ' && inner) {
        out += `\n${' '.repeat(indent)}`;
        column = indent;
      } else {
        out += c;
        column++;
      }
      spaces = true;
    } else {
      out += c;
      column += c === "'" && quoted ? 2 : 1;
      spaces = false;
    }
  }
  return out;
}

const DOUBLE_ESCAPES: Record<string, string> = {
  '\0': '\\0',
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\x1b': '\\e',
  '"': '\\"',
  '\\': '\\\\',
  '\u0085': '\\N',
  '\u00a0': '\\_',
  '\u2028': '\\L',
  '\u2029': '\\P',
};

function doubleEscape(c: string): string {
  const e = DOUBLE_ESCAPES[c];
  if (e) return e;
  if (isPrintable(c) && c !== '\ufeff') return c;
  const cp = c.codePointAt(0) as number;
  if (cp <= 0xff) return `\\x${cp.toString(16).toUpperCase().padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return `\\U${cp.toString(16).toUpperCase().padStart(8, '0')}`;
}

/** The text go-yaml writes for string `value` placed at `place` (without the `key: ` before it). */
export function goYamlString(value: string, place: ScalarPlace): string {
  const style = chooseStyle(value, place);
  const allowBreaks = !place.isKey;
  switch (style) {
    case 'plain':
      return folded([...value], place.column, place.indent, allowBreaks, false);
    case 'single': {
      const body = folded([...value], place.column + 1, place.indent, allowBreaks, true).replaceAll(
        "'",
        "''",
      );
      return `'${body}'`;
    }
    case 'double':
      return `"${[...value].map(doubleEscape).join('')}"`;
    case 'literal':
      return literal(value, place.indent);
  }
}

function literal(value: string, indent: number): string {
  let hints = '';
  if (value.startsWith(' ') || isBreak(value[0] ?? '')) hints += '2';
  const chars = [...value];
  const last = chars.length - 1;
  if (!isBreak(chars[last])) hints += '-';
  else if (last === 0 || isBreak(chars[last - 1])) hints += '+';
  const pad = ' '.repeat(indent);
  const lines = value.split('\n');
  // a trailing break ends the last line; it does not start an empty indented one
  if (lines[lines.length - 1] === '') lines.pop();
  return `|${hints}\n${lines.map((l) => (l === '' ? '' : pad + l)).join('\n')}`;
}

/** go-yaml v2 keyList.Less for string keys. */
export function goYamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  const isLetter = (c: string) => /\p{L}/u.test(c);
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

/** Keys sorted as go-yaml sorts a map's keys. */
export function goYamlSortKeys(keys: string[]): string[] {
  return [...keys].sort((x, y) => (goYamlKeyLess(x, y) ? -1 : goYamlKeyLess(y, x) ? 1 : 0));
}
