import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pendingPod, runningPod, SEC } from './testFixtures.ts';
import { WatchPrinter } from './watchPrinter.ts';

describe('kubectl get -w', () => {
  it('prints the header with the first rows, then one row per event with remembered widths', () => {
    const w = new WatchPrinter('Pod', { now: 0 });
    const pod = pendingPod('web-0', 0);
    expect(w.initial([pod], 0)).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\nweb-0   0/1     Pending   0          0s\n',
    );
    pod.status.containerStatuses = [
      {
        name: 'mariadb',
        state: { waiting: { reason: 'ContainerCreating' } },
        lastState: {},
        ready: false,
        restartCount: 0,
        image: 'mariadb:11.4',
        imageID: '',
      },
    ];
    // the longer status widens STATUS from now on
    expect(w.event(pod, 'MODIFIED', 1 * SEC)).toBe('web-0   0/1     ContainerCreating   0          1s\n');
    const running = runningPod('web-0', 0, '10.244.0.5');
    expect(w.event(running, 'MODIFIED', 9 * SEC)).toBe('web-0   1/1     Running             0          9s\n');
  });

  it('prints nothing for an empty initial list and the header with the first event', () => {
    const w = new WatchPrinter('Pod', { now: 0 });
    expect(w.initial([])).toBe('');
    expect(w.event(pendingPod('web-0', 0), 'ADDED', 0)).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\nweb-0   0/1     Pending   0          0s\n',
    );
  });

  it('--output-watch-events adds the EVENT column', () => {
    const w = new WatchPrinter('Pod', { now: 0, outputWatchEvents: true });
    expect(w.event(pendingPod('web-0', 0), 'DELETED', 0)).toBe(
      'EVENT      NAME    READY   STATUS    RESTARTS   AGE\nDELETED    web-0   0/1     Pending   0          0s\n',
    );
  });

  it('column start positions never move left as events arrive (widths only grow)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,20}$/), { minLength: 1, maxLength: 10 }), (names) => {
        const w = new WatchPrinter('Pod', { now: 0, noHeaders: true });
        let lastStart = 0;
        for (const n of names) {
          const line = w.event(pendingPod(n, 0), 'ADDED', 0);
          const start = line.indexOf('0/1');
          expect(start).toBeGreaterThanOrEqual(lastStart);
          expect(start).toBeGreaterThanOrEqual(n.length + 3);
          lastStart = start;
        }
      }),
    );
  });
});
