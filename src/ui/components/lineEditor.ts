/**
 * The terminal's line editing, as readline does it for bash: insert at the cursor, Backspace, Left and
 * Right, Home/End (Ctrl-A/Ctrl-E), Ctrl-U to clear, Up/Down through history. Pure: a key sequence and
 * the editor state in, the new state and what to do out. The panel redraws the line from the state.
 */

export interface LineState {
  buffer: string;
  cursor: number;
  /** index into history while browsing with Up/Down; history.length when editing a new line */
  historyIndex: number;
  /** the line being edited before browsing history began */
  draft: string;
}

export type LineAction =
  | { type: 'edit' }
  | { type: 'submit'; line: string }
  | { type: 'interrupt' }
  | { type: 'complete' }
  | { type: 'clear-screen' }
  | { type: 'none' };

export function emptyLine(historyLength: number): LineState {
  return { buffer: '', cursor: 0, historyIndex: historyLength, draft: '' };
}

/** Applies one key (an xterm onData sequence) to the line. */
export function editLine(
  s: LineState,
  data: string,
  history: readonly string[],
): { state: LineState; action: LineAction } {
  const edit = (buffer: string, cursor: number): { state: LineState; action: LineAction } => ({
    state: { ...s, buffer, cursor },
    action: { type: 'edit' },
  });
  switch (data) {
    case '\r':
      return { state: emptyLine(history.length + 1), action: { type: 'submit', line: s.buffer } };
    case '\x03':
      return { state: emptyLine(history.length), action: { type: 'interrupt' } };
    case '\t':
      return { state: s, action: { type: 'complete' } };
    case '\x0c':
      return { state: s, action: { type: 'clear-screen' } };
    case '\x7f':
    case '\b':
      if (s.cursor === 0) return { state: s, action: { type: 'none' } };
      return edit(s.buffer.slice(0, s.cursor - 1) + s.buffer.slice(s.cursor), s.cursor - 1);
    case '\x1b[3~':
      return edit(s.buffer.slice(0, s.cursor) + s.buffer.slice(s.cursor + 1), s.cursor);
    case '\x1b[D':
      return edit(s.buffer, Math.max(0, s.cursor - 1));
    case '\x1b[C':
      return edit(s.buffer, Math.min(s.buffer.length, s.cursor + 1));
    case '\x01':
    case '\x1b[H':
      return edit(s.buffer, 0);
    case '\x05':
    case '\x1b[F':
      return edit(s.buffer, s.buffer.length);
    case '\x15':
      return edit(s.buffer.slice(s.cursor), 0);
    case '\x1b[A': {
      if (s.historyIndex === 0 || history.length === 0) return { state: s, action: { type: 'none' } };
      const draft = s.historyIndex === history.length ? s.buffer : s.draft;
      const i = s.historyIndex - 1;
      return {
        state: { buffer: history[i], cursor: history[i].length, historyIndex: i, draft },
        action: { type: 'edit' },
      };
    }
    case '\x1b[B': {
      if (s.historyIndex >= history.length) return { state: s, action: { type: 'none' } };
      const i = s.historyIndex + 1;
      const buffer = i === history.length ? s.draft : history[i];
      return { state: { ...s, buffer, cursor: buffer.length, historyIndex: i }, action: { type: 'edit' } };
    }
  }
  if (data.startsWith('\x1b')) return { state: s, action: { type: 'none' } };
  // Printable text (typed or pasted without newlines): insert at the cursor, dropping control chars.
  const text = [...data].filter((c) => c >= ' ').join('');
  if (text === '') return { state: s, action: { type: 'none' } };
  return edit(s.buffer.slice(0, s.cursor) + text + s.buffer.slice(s.cursor), s.cursor + text.length);
}

/** The escape sequence that redraws `prompt + buffer` on the current row and puts the cursor in place. */
export function redrawLine(prompt: string, s: LineState): string {
  const back = s.buffer.length - s.cursor;
  return `\r\x1b[K${prompt}${s.buffer}${back > 0 ? `\x1b[${back}D` : ''}`;
}
