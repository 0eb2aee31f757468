/**
 * Word wrapping with the exact rules of github.com/mitchellh/go-wordwrap v1.0.1 `WrapString`, which
 * kubectl 1.30 uses twice for help: kubernetes/kubectl pkg/util/term/term_writer.go wraps the whole
 * help text at the terminal width (120 columns at most), and pkg/util/templates/help_flags_printer.go
 * wraps each flag's usage at that width minus 10. The rules matter because they decide where
 * kubectl's help breaks lines: breaks happen only at white space, a break drops the spaces before
 * it, existing newlines are kept, and a word longer than the limit is left whole on its own line.
 */

/** Go's unicode.IsSpace without the newline (handled apart), minus NBSP as go-wordwrap does. */
function isBreakingSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\v' || c === '\f' || c === '\r' || c === '\u0085';
}

/**
 * Wraps `text` so that no line is longer than `limit` characters where white space allows it,
 * exactly as go-wordwrap's WrapString (lengths count characters, a tab counts as one).
 */
export function goWordWrap(text: string, limit: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  for (const c of text) {
    if (c === '\n') {
      if (word.length === 0) {
        if (current + [...space].length <= limit) out += space;
      } else {
        out += space + word;
      }
      space = '';
      word = '';
      out += c;
      current = 0;
    } else if (isBreakingSpace(c)) {
      if (space.length === 0 || word.length > 0) {
        current += [...space].length + [...word].length;
        out += space + word;
        space = '';
        word = '';
      }
      space += c;
    } else {
      word += c;
      const wordLen = [...word].length;
      if (current + [...space].length + wordLen > limit && wordLen < limit) {
        out += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word.length === 0) {
    if (current + [...space].length <= limit) out += space;
  } else {
    out += space + word;
  }
  return out;
}
