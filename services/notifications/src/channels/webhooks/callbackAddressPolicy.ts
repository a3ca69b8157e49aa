// Where a webhook may point. In production only public addresses (no loopback or private ranges:
// a subscription must not turn the platform into a probe of its own network); in tests only
// loopback; `any` for the embedded demo on one machine.

import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { text, type FieldProblem } from '@kot/domain';

export type CallbackAddressPolicy = 'public-only' | 'loopback-only' | 'any';
export const callbackAddressPolicies: readonly CallbackAddressPolicy[] = [
  'public-only',
  'loopback-only',
  'any',
];

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

const notPublic = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  notPublic.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  notPublic.addSubnet(network, prefix, 'ipv6');
}

const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');
const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '');

export type ResolveHost = (hostname: string) => Promise<string[]>;

const resolveWithDns: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true })).map((entry) => entry.address);

const problem = (nl: string, en: string): FieldProblem[] => [
  { field: 'callbackUrl', reason: text(nl, en) },
];

/** The problems with a callback URL under a policy; empty when it may be used. */
export async function callbackUrlProblems(
  raw: string,
  policy: CallbackAddressPolicy,
  resolve: ResolveHost = resolveWithDns,
): Promise<FieldProblem[]> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return problem(`"${raw}" is geen geldige URL`, `"${raw}" is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const scheme = url.protocol.replace(':', '');
    return problem(
      `moet http of https gebruiken, niet ${scheme}`,
      `must use http or https, not ${scheme}`,
    );
  }
  if (url.username || url.password) {
    return problem('mag geen inloggegevens bevatten', 'must not contain credentials');
  }
  const host = bare(url.hostname);
  if (policy === 'any') return [];
  if (policy === 'loopback-only') {
    // No DNS here: only names that cannot point elsewhere.
    const ok = host === 'localhost' || (isIP(host) !== 0 && loopback.check(host, family(host)));
    return ok
      ? []
      : problem(
          `${host} is geen loopback-adres (hier is alleen loopback toegestaan)`,
          `host ${host} is not a loopback address (only loopback is allowed here)`,
        );
  }
  let addresses: string[];
  try {
    addresses = isIP(host) !== 0 ? [host] : await resolve(host);
  } catch {
    return problem(`${host} is niet te vinden`, `host ${host} could not be resolved`);
  }
  const blocked = addresses.filter((address) => notPublic.check(address, family(address)));
  return blocked.length > 0
    ? problem(
        `${host} verwijst naar een niet-openbaar adres (${blocked.join(', ')})`,
        `host ${host} resolves to a non-public address (${blocked.join(', ')})`,
      )
    : [];
}
