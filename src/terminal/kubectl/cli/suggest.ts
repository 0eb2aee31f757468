/**
 * Cobra's "Did you mean this?" suggestions (spf13/cobra command.go `SuggestionsFor`, `ld` in
 * cobra.go, as used by kubectl 1.30): a command is suggested when its name is within Levenshtein
 * distance 2 of what was typed (case ignored) or starts with it; commands are visited in
 * alphabetical order, as cobra sorts them.
 */

/** Levenshtein distance, optionally ignoring case (cobra's `ld`). */
export function levenshtein(a: string, b: string, ignoreCase = true): number {
  const s = ignoreCase ? a.toLowerCase() : a;
  const t = ignoreCase ? b.toLowerCase() : b;
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    prev = cur;
  }
  return prev[t.length];
}

/** Names among `candidates` cobra would suggest for `typed`, in alphabetical order. */
export function suggestionsFor(typed: string, candidates: readonly string[]): string[] {
  const lower = typed.toLowerCase();
  return [...candidates]
    .sort()
    .filter((name) => levenshtein(typed, name) <= 2 || name.toLowerCase().startsWith(lower));
}

/** Cobra's unknown-command error text, with its suggestion block when there are suggestions. */
export function unknownCommandMessage(
  typed: string,
  commandPath: string,
  candidates: readonly string[],
): string {
  const found = suggestionsFor(typed, candidates);
  let msg = `unknown command "${typed}" for "${commandPath}"`;
  if (found.length > 0) msg += `\n\nDid you mean this?\n${found.map((s) => `\t${s}\n`).join('')}`;
  return msg;
}
