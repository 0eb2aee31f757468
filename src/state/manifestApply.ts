/**
 * Applying the editor's manifest the way a learner would at the terminal: `kubectl apply -f - <<'EOF'`,
 * the manifest's lines at the `> ` prompt, then the delimiter. Pure helpers: the lines to type, and
 * the command's own output picked out of the terminal text that followed (for showing errors inline).
 */

/** A here-document delimiter that no line of the text equals. */
export function heredocDelimiter(text: string): string {
  const lines = new Set(text.split('\n'));
  let d = 'EOF';
  for (let i = 1; lines.has(d); i++) d = `EOF${i}`;
  return d;
}

/** The lines to type for `kubectl apply -f -` with `text` as a quoted here-document. */
export function applyLines(text: string): string[] {
  const d = heredocDelimiter(text);
  const body = text.replace(/\n+$/, '').split('\n');
  return [`kubectl apply -f - <<'${d}'`, ...body, d];
}

/**
 * The command's output in the terminal text typed and printed since the first line: everything after
 * the echoed delimiter line, without the final prompt.
 */
export function applyOutput(terminalText: string, lines: readonly string[], prompt: string): string {
  const last = `${lines[lines.length - 1]}\n`;
  const at = terminalText.lastIndexOf(last);
  const out = at >= 0 ? terminalText.slice(at + last.length) : terminalText;
  return out.endsWith(prompt) ? out.slice(0, out.length - prompt.length) : out;
}
