/**
 * The textbook chapter, typed at the page's terminal from start to end: storage addons, apply, the
 * StatefulSet's pod and claim, DNS from a client pod, a database created through the headless Service,
 * the server pod deleted and recreated, and the database still there. Each check reads the terminal
 * and compares it with the chapter's own lines; virtual time moves through the test hook.
 */
import { expect, type Lab, test } from './fixtures/lab.ts';

/** The screen, also with xterm's wrapping undone (a table row wider than the terminal spans rows). */
async function screens(lab: Lab): Promise<string[]> {
  const screen = await lab.screen();
  return [screen, screen.replace(/\n/g, '')];
}

const found = (text: string | RegExp, s: string) =>
  typeof text === 'string' ? s.includes(text) : text.test(s);

/** Advances virtual time in slices until the terminal shows `text`; returns the unwrapped screen. */
async function shows(lab: Lab, text: string | RegExp, maxMs = 120_000): Promise<string> {
  for (let t = 0; t <= maxMs; t += 1_000) {
    const [screen, flat] = await screens(lab);
    if (found(text, screen) || found(text, flat)) return flat;
    await lab.advance(1_000);
  }
  throw new Error(`the terminal never showed ${text}:\n${await lab.screen()}`);
}

/** Types a host command on a cleared screen and waits for `text` in its output. */
async function host(lab: Lab, command: string, text: string | RegExp): Promise<string> {
  await lab.type('clear');
  await lab.type(command);
  return shows(lab, text);
}

/** Types `command` again (each time on a cleared screen) until its output shows `text`. */
async function pollHost(lab: Lab, command: string, text: RegExp, maxMs = 180_000): Promise<string> {
  for (let t = 0; t <= maxMs; t += 5_000) {
    await lab.type('clear');
    await lab.type(command);
    const [screen, flat] = await screens(lab);
    if (text.test(screen) || text.test(flat)) return flat;
    await lab.advance(5_000);
  }
  throw new Error(`"${command}" never showed ${text}`);
}

test('the chapter, typed at the page terminal, keeps the database across a pod deletion', async ({
  lab,
}, info) => {
  await lab.open();
  await host(
    lab,
    'minikube addons disable storage-provisioner',
    "🌑  \"The 'storage-provisioner' addon is disabled",
  );
  await host(lab, 'minikube addons disable default-storageclass', 'addon is disabled');
  await host(
    lab,
    'minikube addons enable csi-hostpath-driver',
    "🌟  The 'csi-hostpath-driver' addon is enabled",
  );
  await host(lab, 'kubectl get sc', /csi-hostpath-sc +hostpath\.csi\.k8s\.io +Delete +Immediate +false/);
  await host(lab, 'kubectl apply -f minimal-sts.yaml', 'statefulset.apps/mariadb-sts created');
  await pollHost(lab, 'kubectl get sts', /mariadb-sts +1\/1/);
  await host(
    lab,
    'kubectl get pvc',
    /dbvl-mariadb-sts-0 +Bound +pvc-[0-9a-f-]{36} +20Mi +RWO +csi-hostpath-sc/,
  );
  const wide = await host(lab, 'kubectl get pod -o wide', /mariadb-sts-0 +1\/1 +Running/);
  const ip = /mariadb-sts-0 .*?(10\.244\.\d+\.\d+)/.exec(wide)?.[1] as string;
  expect(ip).toMatch(/^10\.244\./);
  await info.attach('pod running', { body: await lab.page.screenshot(), contentType: 'image/png' });

  // DNS from a client pod, as the chapter shows it
  await lab.type('clear');
  await lab.type('kubectl run -it my-pod --image=ghcr.io/takara9/my-ubuntu:0.3 -- bash');
  await shows(lab, 'nobody@my-pod:/$');
  await lab.type('nslookup mariadb-svc');
  await shows(
    lab,
    new RegExp(
      `Name:\\s+mariadb-svc\\.default\\.svc\\.cluster\\.local\\s*Address: ${ip.replace(/\./g, '\\.')}`,
    ),
  );
  await lab.type(`nslookup ${ip}`);
  await shows(lab, 'name = mariadb-sts-0.mariadb-svc.default.svc.cluster.local.');
  await lab.type('exit');
  await shows(lab, "Session ended, resume using 'kubectl attach my-pod -c my-pod -i -t' command");

  // a database made through the headless Service
  await lab.type('clear');
  await lab.type('kubectl run -it my-client --image=mariadb:11.3.2-jammy -- bash');
  await shows(lab, 'root@my-client:/#');
  await lab.type('mariadb --host mariadb-svc --password');
  await shows(lab, 'Enter password:');
  await lab.type('secret');
  await shows(lab, 'Welcome to the MariaDB monitor.');
  await lab.type('create database test1;');
  await shows(lab, 'Query OK, 1 row affected');
  await lab.type('exit');
  await shows(lab, 'Bye');
  await lab.type('exit');
  await shows(lab, "Session ended, resume using 'kubectl attach my-client -c my-client -i -t' command");

  // the server pod is deleted and comes back under its name, with its claim and a new IP
  await host(lab, 'kubectl delete pod mariadb-sts-0', 'pod "mariadb-sts-0" deleted');
  const back = await pollHost(
    lab,
    'kubectl get pod mariadb-sts-0 -o wide',
    /mariadb-sts-0 +1\/1 +Running +0 /,
  );
  const newIp = /mariadb-sts-0 .*?(10\.244\.\d+\.\d+)/.exec(back)?.[1];
  expect(newIp).toMatch(/^10\.244\./);
  expect(newIp).not.toBe(ip);
  await host(lab, 'kubectl get pvc dbvl-mariadb-sts-0', /dbvl-mariadb-sts-0 +Bound/);

  // and the data is still there
  await lab.type('clear');
  await lab.type('kubectl exec -it my-client -- bash');
  await shows(lab, 'root@my-client:/#');
  await lab.type('mariadb --host mariadb-svc --password');
  await shows(lab, 'Enter password:');
  await lab.type('secret');
  await shows(lab, 'Your MariaDB connection id is 3');
  await lab.type('show databases;');
  const databases = await shows(lab, '5 rows in set');
  for (const db of ['information_schema', 'mysql', 'performance_schema', 'sys', 'test1'])
    expect(databases).toContain(`| ${db}`);
  await info.attach('data survived', { body: await lab.page.screenshot(), contentType: 'image/png' });
  await lab.type('exit');
  await shows(lab, 'Bye');
});
