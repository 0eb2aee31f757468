/**
 * Name lookups from inside a pod against the cluster DNS (core/dns/clusterDns.ts), printed as the
 * image's tools print them:
 * - bind9's `nslookup` (Debian/Ubuntu dnsutils, bind 9.18: bin/dig/nslookup.c `printsection`,
 *   `printaddr`): `Server:` + two tabs, `Address:` + tab with `#53`, `Name:` + tab, `Address: `,
 *   a blank line after the answer; PTR answers without the server header; `** server can't find
 *   NAME: NXDOMAIN` and exit status 1. Cluster names are answered authoritatively by CoreDNS, so
 *   no "Non-authoritative answer:" line.
 * - bind9's `host` (bin/dig/host.c): `NAME has address IP`, `… domain name pointer NAME.`,
 *   `Host NAME not found: 3(NXDOMAIN)`.
 * - `dig +short NAME` (one answer per line).
 * - busybox 1.28's `nslookup` (networking/nslookup.c before the 1.29 rewrite): `Server:    `,
 *   `Address 1: IP NAME` lines, `nslookup: can't resolve 'NAME'`; newer busybox: `Server:\t\t`,
 *   `Address:\t…:53`, then the answer as bind prints it.
 * Lab differences: only cluster names resolve (minikube forwards others to the host's resolver);
 * AAAA answers (none in an IPv4 cluster) print nothing; full `dig` output is not simulated.
 */
import { DNS_SERVER, type DnsAnswer, lookup, reverseName } from '../../../core/dns/clusterDns.ts';
import type { CommandDef, CommandEnv, Proc } from '../../shell/process.ts';
import { podEnvOf } from '../podEnv.ts';

const isIPv4 = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s);

function addresses(a: DnsAnswer): string[] {
  if (a.status !== 'NOERROR') return [];
  return a.records.flatMap((r) => (r.type === 'A' ? [r.address] : []));
}

function ptrTargets(a: DnsAnswer): string[] {
  if (a.status !== 'NOERROR') return [];
  return a.records.flatMap((r) => (r.type === 'PTR' ? [r.target] : []));
}

function namespaceOf(env: CommandEnv): string {
  return podEnvOf(env)?.namespace ?? env.session.namespace;
}

function usage(io: CommandEnv['io'], name: string): number {
  io.stderr(`Usage: ${name} NAME\n`);
  return 1;
}

function* bindNslookup(args: readonly string[], env: CommandEnv): Proc {
  const { io, session } = env;
  const name = args.find((a) => !a.startsWith('-'));
  if (!name) return usage(io, 'nslookup');
  const header = `Server:\t\t${DNS_SERVER}\nAddress:\t${DNS_SERVER}#53\n\n`;
  if (isIPv4(name)) {
    const answer = lookup(session.sim, name, 'PTR', { namespace: namespaceOf(env) });
    const targets = ptrTargets(answer);
    if (targets.length === 0) {
      io.stdout(`** server can't find ${reverseName(name)}: NXDOMAIN\n\n`);
      return 1;
    }
    io.stdout(`${targets.map((t) => `${reverseName(name)}\tname = ${t}.\n`).join('')}\n`);
    return 0;
  }
  const answer = lookup(session.sim, name, 'A', { namespace: namespaceOf(env) });
  const ips = addresses(answer);
  if (answer.status !== 'NOERROR' || ips.length === 0) {
    io.stdout(`${header}** server can't find ${name.replace(/\.$/, '')}: NXDOMAIN\n\n`);
    return 1;
  }
  const cname = answer.records.find((r) => r.type === 'CNAME');
  const pre = cname?.type === 'CNAME' ? `${answer.name}\tcanonical name = ${cname.target}.\n` : '';
  io.stdout(`${header}${pre}${ips.map((ip) => `Name:\t${answer.name}\nAddress: ${ip}\n`).join('')}\n`);
  return 0;
}

function busyboxOld(args: readonly string[], env: CommandEnv): number {
  const { io, session } = env;
  const name = args.find((a) => !a.startsWith('-'));
  if (!name) return usage(io, 'nslookup');
  const ns = namespaceOf(env);
  const dnsName = ptrTargets(lookup(session.sim, DNS_SERVER, 'PTR', { namespace: ns }))[0];
  io.stdout(`Server:    ${DNS_SERVER}\nAddress 1: ${DNS_SERVER}${dnsName ? ` ${dnsName}` : ''}\n\n`);
  const ips = isIPv4(name) ? [name] : addresses(lookup(session.sim, name, 'A', { namespace: ns }));
  const known = isIPv4(name)
    ? ptrTargets(lookup(session.sim, name, 'PTR', { namespace: ns })).length > 0
    : ips.length > 0;
  if (!known) {
    io.stderr(`nslookup: can't resolve '${name}'\n`);
    return 1;
  }
  io.stdout(`Name:      ${name}\n`);
  ips.forEach((ip, i) => {
    const back = ptrTargets(lookup(session.sim, ip, 'PTR', { namespace: ns }))[0];
    io.stdout(`Address ${i + 1}: ${ip}${back ? ` ${back}` : ''}\n`);
  });
  return 0;
}

function* busyboxNslookup(args: readonly string[], env: CommandEnv): Proc {
  // busybox rewrote its nslookup in 1.29; 1.28 (the Kubernetes tutorials' image) prints the old format
  if (/(^|\/)busybox:1\.28$/.test(podEnvOf(env)?.image ?? '')) return busyboxOld(args, env);
  const { io, session } = env;
  const name = args.find((a) => !a.startsWith('-'));
  if (!name) return usage(io, 'nslookup');
  const header = `Server:\t\t${DNS_SERVER}\nAddress:\t${DNS_SERVER}:53\n\n`;
  if (isIPv4(name)) {
    const targets = ptrTargets(lookup(session.sim, name, 'PTR', { namespace: namespaceOf(env) }));
    if (targets.length === 0) {
      io.stdout(`${header}** server can't find ${reverseName(name)}: NXDOMAIN\n\n`);
      return 1;
    }
    io.stdout(`${header}${targets.map((t) => `${reverseName(name)}\tname = ${t}\n`).join('')}\n`);
    return 0;
  }
  const answer = lookup(session.sim, name, 'A', { namespace: namespaceOf(env) });
  const ips = addresses(answer);
  if (ips.length === 0) {
    io.stdout(`${header}** server can't find ${name}: NXDOMAIN\n\n`);
    return 1;
  }
  io.stdout(`${header}${ips.map((ip) => `Name:\t${answer.name}\nAddress: ${ip}\n`).join('')}\n`);
  return 0;
}

function* host(args: readonly string[], env: CommandEnv): Proc {
  const { io, session } = env;
  const name = args.find((a) => !a.startsWith('-'));
  if (!name) {
    io.stderr(
      'Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n',
    );
    return 1;
  }
  const ns = namespaceOf(env);
  if (isIPv4(name)) {
    const targets = ptrTargets(lookup(session.sim, name, 'PTR', { namespace: ns }));
    if (targets.length === 0) {
      io.stdout(`Host ${reverseName(name)} not found: 3(NXDOMAIN)\n`);
      return 1;
    }
    io.stdout(targets.map((t) => `${reverseName(name)} domain name pointer ${t}.\n`).join(''));
    return 0;
  }
  const answer = lookup(session.sim, name, 'A', { namespace: ns });
  const ips = addresses(answer);
  if (ips.length === 0) {
    io.stdout(`Host ${name} not found: 3(NXDOMAIN)\n`);
    return 1;
  }
  io.stdout(ips.map((ip) => `${answer.name} has address ${ip}\n`).join(''));
  return 0;
}

function* dig(args: readonly string[], env: CommandEnv): Proc {
  const { io, session } = env;
  const name = args.find((a) => !a.startsWith('+') && !a.startsWith('-') && !a.startsWith('@'));
  if (!args.includes('+short')) {
    io.stderr("dig: only 'dig +short NAME' (and 'dig +short -x IP') is simulated in this lab\n");
    return 1;
  }
  if (!name) return 0;
  const ns = namespaceOf(env);
  const answer = args.includes('-x')
    ? lookup(session.sim, name, 'PTR', { namespace: ns })
    : lookup(session.sim, name, 'A', { namespace: ns });
  const lines = args.includes('-x') ? ptrTargets(answer).map((t) => `${t}.`) : addresses(answer);
  io.stdout(lines.map((l) => `${l}\n`).join(''));
  return 0;
}

/** nslookup/host/dig of bind9 (dnsutils). */
export const BIND_DNS_COMMANDS: readonly CommandDef[] = [
  { name: 'nslookup', run: bindNslookup },
  { name: 'host', run: host },
  { name: 'dig', run: dig },
];

/** busybox's nslookup applet. */
export const BUSYBOX_DNS_COMMANDS: readonly CommandDef[] = [{ name: 'nslookup', run: busyboxNslookup }];
