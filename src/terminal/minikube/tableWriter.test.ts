/** minikube's tablewriter layout: borders, centred headers, wide emoji, wrapping at 30 columns. */
import { describe, expect, it } from 'vitest';
import { displayWidth, renderTable } from './tableWriter.ts';

describe('renderTable', () => {
  it('draws the addons-list layout (rows from a real minikube 1.33 transcript)', () => {
    const text = renderTable(
      ['Addon Name', 'Profile', 'Status', 'Maintainer'],
      [
        ['storage-provisioner-gluster', 'minikube', 'disabled    ', '3rd party (Gluster)'],
        ['storage-provisioner', 'minikube', 'enabled ✅', 'minikube'],
        ['inaccel', 'minikube', 'disabled    ', '3rd party (InAccel [info@inaccel.com])'],
        ['olm', 'minikube', 'disabled    ', '3rd party (Operator Framework)'],
      ],
    );
    expect(text).toBe(
      [
        '|-----------------------------|----------|--------------|--------------------------------|',
        '|         ADDON NAME          | PROFILE  |    STATUS    |           MAINTAINER           |',
        '|-----------------------------|----------|--------------|--------------------------------|',
        '| storage-provisioner-gluster | minikube | disabled     | 3rd party (Gluster)            |',
        '| storage-provisioner         | minikube | enabled ✅   | minikube                       |',
        '| inaccel                     | minikube | disabled     | 3rd party (InAccel             |',
        '|                             |          |              | [info@inaccel.com])            |',
        '| olm                         | minikube | disabled     | 3rd party (Operator Framework) |',
        '|-----------------------------|----------|--------------|--------------------------------|',
        '',
      ].join('\n'),
    );
  });

  it('counts the check-mark emoji as two columns', () => {
    expect(displayWidth('enabled ✅')).toBe(10);
  });
});
