/**
 * Terminal slice: the terminal's output as numbered chunks (the panel writes each chunk once, in
 * order), the current prompt, whether a command runs, and the actions that type into the session.
 * Every command the page runs — typed by the learner or by a control — goes through `submitCommand`,
 * so it is visible at the prompt exactly as if typed (the session echoes it, as a terminal does).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from '../createAppStore.ts';
import type { LabRuntime } from '../labRuntime.ts';

/** bash's PS1 in the lab (src/terminal/shell/hostShell.ts PS1). */
export const HOST_PROMPT = '$ ';

/** One piece of terminal output; `seq` increases by one per chunk. */
export interface TerminalChunk {
  seq: number;
  text: string;
}

/** How many chunks the store keeps; the xterm scrollback keeps its own copy of older output. */
export const TERMINAL_CHUNK_LIMIT = 2000;

export interface TerminalState {
  chunks: TerminalChunk[];
  nextSeq: number;
  prompt: string;
  busy: boolean;
  /** false when no terminal engine is wired (the panel then says so instead of pretending) */
  available: boolean;
  /** lines entered at the host prompt, oldest first, for up/down history */
  history: string[];
}

export interface TerminalSlice {
  terminal: TerminalState;
  /**
   * Types `line` + Enter at the session's prompt (the session echoes it). Returns false without a
   * session or while a command runs and no prompt is shown.
   */
  submitCommand(line: string): boolean;
  /** Ctrl-C: the session shows `^C` and interrupts the running command. */
  interruptCommand(): void;
  /** Prints a lab note (a `# ...` comment line) for actions that have no kubectl equivalent. */
  printNote(text: string): void;
}

/** Appends output chunks to a terminal state, dropping the oldest beyond the limit. Pure. */
export function appendChunks(t: TerminalState, texts: readonly string[]): TerminalState {
  if (texts.length === 0) return t;
  const added = texts.map((text, i) => ({ seq: t.nextSeq + i, text }));
  const chunks = [...t.chunks, ...added];
  return {
    ...t,
    chunks: chunks.length > TERMINAL_CHUNK_LIMIT ? chunks.slice(-TERMINAL_CHUNK_LIMIT) : chunks,
    nextSeq: t.nextSeq + texts.length,
  };
}

/** A terminal slice bound to the runtime that owns the session. */
export function createTerminalSlice(rt: LabRuntime): StateCreator<AppState, [], [], TerminalSlice> {
  return (set, get) => ({
    terminal: {
      chunks: [],
      nextSeq: 0,
      prompt: rt.host.session?.currentPrompt ?? '',
      busy: false,
      available: rt.host.session !== undefined,
      history: [],
    },
    submitCommand: (line) => {
      const session = rt.host.session;
      if (!session) return false;
      // Only lines typed at the host prompt are history (not passwords, not heredoc bodies).
      const atHostPrompt = session.currentPrompt === HOST_PROMPT;
      const accepted = session.submitLine(line);
      if (accepted && atHostPrompt && line.trim() !== '') {
        const t = get().terminal;
        set({ terminal: { ...t, history: [...t.history, line] } });
      }
      rt.flush();
      return accepted;
    },
    interruptCommand: () => {
      const session = rt.host.session;
      if (!session) return;
      session.interrupt();
      rt.flush();
    },
    printNote: (text) => {
      rt.note(text);
      rt.flush();
    },
  });
}
