/**
 * The manifest editor: CodeMirror 6 with YAML highlighting, loaded lazily. Apply types
 * `kubectl apply -f -` with the text as a here-document into the terminal (visible there), and shows
 * kubectl's own output — including the apiserver's validation errors — under the editor. The YAML
 * and kubectl's output are English on every page (`lang="en"`).
 */
import { yaml } from '@codemirror/lang-yaml';
import { basicSetup, EditorView } from 'codemirror';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStore } from '../../state/createAppStore.ts';
import { applyLines, applyOutput } from '../../state/manifestApply.ts';

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
    const text = viewRef.current?.state.doc.toString() ?? '';
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
