/** The host shell's parser: quoting, comments, operators, here-documents and bash's syntax errors. */
import { describe, expect, it } from 'vitest';
import { expandWords } from './expand.ts';
import { appendHeredocLine, isHeredocEnd, type ListItem, parseInput } from './parser.ts';

const VARS = { HOME: '/home/learner', EMPTY: '', TWO: 'a  b', '?': '0' };

function argv(input: string): string[][] {
  const r = parseInput(input);
  if (r.kind !== 'ok') throw new Error(`not ok: ${JSON.stringify(r)}`);
  return r.list.flatMap((item: ListItem) => item.pipeline.map((c) => expandWords(c.words, VARS)));
}

describe('parseInput', () => {
  it('splits words and removes quotes as bash does', () => {
    expect(argv(`echo "a  b" 'c $HOME' d\\ e "$HOME" $TWO "$TWO" x$EMPTY ''`)).toEqual([
      ['echo', 'a  b', 'c $HOME', 'd e', '/home/learner', 'a', 'b', 'a  b', 'x', ''],
    ]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell ${VAR}, not a template
    expect(argv('echo ${HOME}/x $?')).toEqual([['echo', '/home/learner/x', '0']]);
  });

  it('drops # comments but keeps # inside words and quotes', () => {
    expect(argv('echo a#b "#c" # the rest')).toEqual([['echo', 'a#b', '#c']]);
    expect(parseInput('   # only a comment')).toEqual({ kind: 'ok', list: [], heredocs: [] });
  });

  it('joins lists with ; && || and pipelines with |', () => {
    const r = parseInput('a 1 | b; c && d || e');
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.list.map((i) => [i.pipeline.length, i.next])).toEqual([
      [2, ';'],
      [1, '&&'],
      [1, '||'],
      [1, ';'],
    ]);
  });

  it('asks for more input after an open quote, a trailing backslash or operator', () => {
    for (const s of ['echo "abc', "echo 'x", 'echo a \\', 'a |', 'a &&', 'a ||']) {
      expect(parseInput(s)).toEqual({ kind: 'more' });
    }
    expect(argv('echo "ab\ncd"')).toEqual([['echo', 'ab\ncd']]);
    expect(argv('echo a \\\nb')).toEqual([['echo', 'a', 'b']]);
  });

  it("reports bash's syntax errors with the offending token", () => {
    const err = (t: string) => ({
      kind: 'error',
      message: `bash: syntax error near unexpected token \`${t}'`,
    });
    expect(parseInput('| grep x')).toEqual(err('|'));
    expect(parseInput('a ;; b')).toEqual(err(';;'));
    expect(parseInput('; a')).toEqual(err(';'));
    expect(parseInput('a && && b')).toEqual(err('&&'));
    expect(parseInput('cat >')).toEqual(err('newline'));
  });

  it('collects here-documents in order, quoted or not, with <<- tab stripping', () => {
    const r = parseInput("cat <<EOF | kubectl apply -f - <<-'END'");
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    const [a, b] = r.heredocs;
    expect(a).toMatchObject({ kind: 'heredoc', delimiter: 'EOF', quoted: false, stripTabs: false });
    expect(b).toMatchObject({ kind: 'heredoc', delimiter: 'END', quoted: true, stripTabs: true });
    if (!a || !b) return;
    appendHeredocLine(b, '\t\tkind: Pod');
    expect(b.kind === 'heredoc' && b.body).toBe('kind: Pod\n');
    expect(isHeredocEnd(b, '\tEND')).toBe(true);
    expect(isHeredocEnd(a, ' EOF')).toBe(false);
  });

  it('reads redirections, including 2>&1 and 2>/dev/null', () => {
    const r = parseInput('kubectl get po 2>&1 >out.txt 2>/dev/null <in');
    expect(r.kind === 'ok' && r.list[0]?.pipeline[0]?.redirects.map((x) => x.kind)).toEqual([
      'dup',
      'out',
      'out',
      'in',
    ]);
  });
});
