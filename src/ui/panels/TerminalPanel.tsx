/**
 * The terminal panel: an xterm.js screen on the terminal slice. Output chunks from the store are
 * written once each, in order; keys go through the line editor (history, Tab completion of commands,
 * kinds and names, Ctrl-C to end a watch). Copy with the selection (Ctrl-Shift-C or Ctrl-C while text
 * is selected), paste with the browser's paste (each pasted line is entered as typed). Escape leaves
 * the terminal (Tab is completion inside it). Loaded lazily: xterm is not part of the first paint.
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { completeLine } from '../../state/completion.ts';
import type { AppStore } from '../../state/createAppStore.ts';
import { editLine, emptyLine, type LineState, redrawLine } from '../components/lineEditor.ts';

export interface TerminalPanelProps {
  app: AppStore;
}

/** The xterm-backed terminal; the default export is what React.lazy loads. */
export default function TerminalPanel({ app }: TerminalPanelProps) {
  const { t } = useTranslation();
  const hostRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const store = app.store;
    const term = new Terminal({
      convertEol: true,
      cursorBlink: true,
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: 13,
      scrollback: 5000,
      screenReaderMode: false,
      theme: { background: '#1e1e1e', foreground: '#e6e6e6' },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host);
    term.textarea?.setAttribute('aria-label', t('terminal.label'));
    try {
      fit.fit();
    } catch {
      // a hidden container has no size yet; the resize observer fits it later
    }

    let written = -1;
    let line: LineState = emptyLine(store.getState().terminal.history.length);
    const writeNew = () => {
      const { chunks } = store.getState().terminal;
      let out = '';
      for (const c of chunks) {
        if (c.seq > written) {
          out += c.text;
          written = c.seq;
        }
      }
      if (out) {
        term.write(out);
        // Output arrived while a line was half typed: show it again after the new prompt.
        if (line.buffer) term.write(line.buffer);
      }
    };
    writeNew();
    const unsub = store.subscribe((s, prev) => {
      if (s.terminal.chunks !== prev.terminal.chunks) writeNew();
    });

    const onKey = (data: string) => {
      const state = store.getState();
      const history = state.terminal.history;
      const r = editLine(line, data, history);
      line = r.state;
      const prompt = state.terminal.prompt;
      switch (r.action.type) {
        case 'edit':
          term.write(redrawLine(prompt, line));
          break;
        case 'submit':
          // The store echoes the line after the prompt; clear what we drew so it is not shown twice.
          term.write(`\r\x1b[K${prompt}`);
          state.submitCommand(r.action.line);
          break;
        case 'interrupt':
          term.write('\r\x1b[K');
          state.interruptCommand();
          break;
        case 'clear-screen':
          term.clear();
          break;
        case 'complete': {
          const c = completeLine(line.buffer.slice(0, line.cursor), state.cluster);
          if (c.options.length > 0) term.write(`\r\n${c.options.join('  ')}\r\n`);
          line = { ...line, buffer: c.line + line.buffer.slice(line.cursor), cursor: c.line.length };
          term.write(redrawLine(prompt, line));
          break;
        }
      }
    };
    const dataSub = term.onData((data) => {
      // A paste arrives as one chunk: enter each complete line, keep the rest in the editor.
      if (data.length > 1 && /[\r\n]/.test(data)) {
        const parts = data.split(/\r\n|\r|\n/);
        const last = parts.pop() ?? '';
        for (const p of parts) {
          onKey(p);
          onKey('\r');
        }
        if (last) onKey(last);
        return;
      }
      onKey(data);
    });
    term.attachCustomKeyEventHandler((ev) => {
      // xterm keeps Tab for completion; Escape hands focus back to the page so keyboard users can leave.
      if (ev.type === 'keydown' && ev.key === 'Escape') {
        document.getElementById('terminal-title')?.focus();
        return false;
      }
      const copy =
        ev.type === 'keydown' && ev.ctrlKey && (ev.key === 'C' || (ev.key === 'c' && term.hasSelection()));
      if (copy && term.hasSelection()) {
        void navigator.clipboard?.writeText(term.getSelection());
        return false;
      }
      return true;
    });
    const ro =
      typeof ResizeObserver === 'undefined'
        ? undefined
        : new ResizeObserver(() => {
            try {
              fit.fit();
            } catch {
              // ignore: not laid out yet
            }
          });
    ro?.observe(host);
    return () => {
      ro?.disconnect();
      dataSub.dispose();
      unsub();
      term.dispose();
    };
  }, [app, t]);

  // what the real tools print is English on every page: screen readers should read it as English
  return <div className="terminal-host" ref={hostRef} data-testid="terminal" lang="en" />;
}
