/**
 * Fault slice: the two diagram controls that have no kubectl command (fail readiness, crash the
 * container). They call the kubelet's helpers directly and print a `# lab:` comment line in the
 * terminal saying what was done, so the terminal still tells the whole story.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from '../createAppStore.ts';
import type { LabRuntime } from '../labRuntime.ts';

export interface FaultSlice {
  /** true when the kubelet's fault helpers are wired */
  faultsAvailable: boolean;
  /** Makes the pod's readiness fail (`failing`) or pass again; prints `note` as a comment line. */
  setReadinessFailing(namespace: string, name: string, failing: boolean, note: string): void;
  /** Kills the pod's container; prints `note` as a comment line. */
  crashContainer(namespace: string, name: string, note: string): void;
}

export function createFaultSlice(rt: LabRuntime): StateCreator<AppState, [], [], FaultSlice> {
  return () => ({
    faultsAvailable: rt.host.faults !== undefined,
    setReadinessFailing: (namespace, name, failing, note) => {
      const faults = rt.host.faults;
      if (!faults) return;
      rt.note(note);
      faults.failReadiness(rt.host.getSim(), namespace, name, failing);
      rt.flush();
    },
    crashContainer: (namespace, name, note) => {
      const faults = rt.host.faults;
      if (!faults) return;
      rt.note(note);
      faults.crashContainer(rt.host.getSim(), namespace, name);
      rt.flush();
    },
  });
}
