/**
 * Word expansion for the host shell: parameter expansion and word splitting, as bash does them after
 * parsing (bash `subst.c` `expand_word_list_internal`, without globbing). Unset variables expand to
 * nothing; an unquoted expansion is split on blanks, a quoted one never is.
 */
import type { Word } from './parser.ts';

/** The shell variables a command line can refer to. */
export type ShellVars = Readonly<Record<string, string>>;

/** A variable's value; unset (or an inherited property name such as `constructor`) expands to ''. */
function lookup(vars: ShellVars, name: string): string {
  return Object.hasOwn(vars, name) ? (vars[name] as string) : '';
}

/** Expands one word into zero or more argument strings. */
export function expandWord(word: Word, vars: ShellVars): string[] {
  const out: string[] = [];
  let current = '';
  // a word made only of an unquoted empty expansion disappears (bash: `echo $UNSET x` -> "x")
  let hasContent = false;
  for (const part of word) {
    if ('lit' in part) {
      current += part.lit;
      hasContent = true;
      continue;
    }
    const value = lookup(vars, part.var);
    if (part.quoted) {
      current += value;
      hasContent = true;
      continue;
    }
    const pieces = value.split(/[ \t\n]+/);
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i] as string;
      if (i > 0) {
        if (hasContent || current) out.push(current);
        current = '';
        hasContent = false;
      }
      if (piece) {
        current += piece;
        hasContent = true;
      }
    }
  }
  if (hasContent || current) out.push(current);
  return out;
}

/** Expands every word of a command line into its arguments. */
export function expandWords(words: readonly Word[], vars: ShellVars): string[] {
  return words.flatMap((w) => expandWord(w, vars));
}

/** Expands `$VAR` / `${VAR}` in an unquoted here-document body (no word splitting there). */
export function expandHeredoc(body: string, vars: ShellVars): string {
  return body.replace(
    /\\([$`\\\n])|\$\{([^}]*)\}|\$([A-Za-z_][A-Za-z0-9_]*|[?$#0-9])/g,
    (m, esc, braced, plain) => {
      if (esc !== undefined) return esc === '\n' ? '' : esc;
      const name = braced ?? plain;
      return name === undefined ? m : lookup(vars, name);
    },
  );
}
