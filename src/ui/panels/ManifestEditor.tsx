/**
 * The manifest editor: CodeMirror 6 with YAML highlighting, loaded lazily. Apply types
 * `kubectl apply -f -` with the text as a here-document into the terminal (visible there), and shows
 * kubectl's own output — including the apiserver's validation errors — under the editor. Each error or
 * warning kubectl printed is also marked on the line at fault (@codemirror/lint diagnostics placed by
 * src/state/manifestDiagnostics.ts, with kubectl's text as the message); the markers go away as soon
 * as the text is edited, since their positions and texts belong to the manifest that was applied.
 * The YAML and kubectl's output are English on every page (`lang="en"`).
 */
import { yaml } from '@codemirror/lang-yaml';
// @codemirror/lint comes with the `codemirror` package (basicSetup's lint keymap uses it)
import { type Diagnostic, diagnosticCount, lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { basicSetup, EditorView } from 'codemirror';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStore } from '../../state/createAppStore.ts';
import { applyLines, applyOutput } from '../../state/manifestApply.ts';
import { manifestDiagnostics } from '../../state/manifestDiagnostics.ts';

export interface ManifestEditorProps {
  app: AppStore;
  /** the text the editor starts with (the chapter's manifest) */
  initialText: string;
}

/** The editor panel; the default export is what React.lazy loads. */
export default function ManifestEditor({ app, initialText }: ManifestEditorProps) {
  const { t } = useTranslation();
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const [result, setResult] = useState<{ text: string; error: boolean } | undefined>();

  useEffect(() => {
    const parent = hostRef.current;
    if (!parent) return;
    const view = new EditorView({
      doc: initialText,
      parent,
      extensions: [
        basicSetup,
        yaml(),
        lintGutter(),
        // an edit clears the markers of the last Apply (they describe the text that was applied)
        EditorState.transactionExtender.of((tr) =>
          tr.docChanged && diagnosticCount(tr.startState) > 0 ? setDiagnostics(tr.startState, []) : null,
        ),
        // wrapped lines: no horizontal scroll region that keyboard users could not reach
        EditorView.lineWrapping,
        // tabindex makes the editable text count as the scroll region's focusable content for
        // assistive tech (a contenteditable is in the tab order already; this changes no tab stop)
        EditorView.contentAttributes.of({
          tabindex: '0',
          'aria-label': t('editor.label'),
          'data-testid': 'manifest-editor',
        }),
      ],
    });
    viewRef.current = view;
    return () => view.destroy();
  }, [initialText, t]);

  const apply = () => {
    const view = viewRef.current;
    const text = view?.state.doc.toString() ?? '';
    const state = app.store.getState();
    const from = state.terminal.nextSeq;
    const lines = applyLines(text);
    for (const l of lines) if (!app.store.getState().submitCommand(l)) break;
    const after = app.store.getState().terminal;
    const typed = after.chunks
      .filter((c) => c.seq >= from)
      .map((c) => c.text)
      .join('');
    const out = applyOutput(typed, lines, after.prompt);
    setResult({ text: out, error: /^error|Error from server|^The .* is invalid/m.test(out) });
    // Apply runs kubectl synchronously, so the editor still holds `text`; an empty list (success)
    // clears the markers of an earlier Apply
    if (view && view.state.doc.toString() === text) {
      const diagnostics: Diagnostic[] = manifestDiagnostics(text, out);
      view.dispatch(setDiagnostics(view.state, diagnostics));
    }
  };

  return (
    <section className="panel editor" aria-labelledby="editor-title">
      <h2 id="editor-title">{t('editor.title')}</h2>
      <div className="editor-host" ref={hostRef} lang="en" />
      <div className="row">
        <button type="button" onClick={apply} data-testid="apply-manifest">
          {t('editor.apply')}
        </button>
      </div>
      {result && (
        <pre
          className={`apply-result${result.error ? ' error' : ''}`}
          role="status"
          data-testid="apply-result"
          lang="en"
        >
          {result.text}
        </pre>
      )}
    </section>
  );
}
