/**
 * What the store's actions reach outside the store: the host (cluster + terminal session) and the
 * bridge's flush, which copies whatever changed into the store in one setState. Kept out of the store's
 * state so the state stays plain data.
 */
import type { LabHost } from './sessionPort.ts';

export interface LabRuntime {
  host: LabHost;
  /** Copies cluster changes, the clock and new terminal output into the store (one setState). */
  flush(): void;
  /** Adds text to the terminal's output as if the session printed it. */
  print(text: string): void;
  /**
   * Prints a lab note as a shell comment line (`# ...`). At a prompt it reads as if typed there, and
   * the prompt is shown again after it, as bash does for a comment.
   */
  note(text: string): void;
}
