/**
 * `kubectl annotate`, following kubernetes/kubectl pkg/cmd/annotate/annotate.go (1.30); it shares
 * its argument rules and write path with `kubectl label` (label.ts), differing in its texts:
 * `at least one annotation update is required`, `--overwrite is false but found the following
 * declared annotation(s): 'k' already has a value (v)`, and the result line `pod/x annotated`.
 */
import type { VerbModule } from '../cli/verbModule.ts';
import { LABEL_FLAGS, runLabelOrAnnotate } from './label.ts';

export const annotateVerb: VerbModule = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  group: 'Settings Commands',
  flags: LABEL_FLAGS,
  run: (ctx) => runLabelOrAnnotate(ctx, 'annotation'),
};
