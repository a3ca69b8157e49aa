// Where a webhook may point. In production only public addresses: a subscription must not turn the
// platform into a probe of its own network (cloud metadata at 169.254.169.254, the database next
// door). The check is made when a subscription is created AND at every delivery, against the very
// address the connection then goes to (see guardedLookup), so a name that later resolves elsewhere
// (DNS rebinding) reaches nothing private.
//
//   public-only         production (server and distributed modes)
//   public-or-loopback  the embedded demo: one person on their own machine, the platform bound to
//                       127.0.0.1; loopback reaches only programs that person runs, private
//                       networks stay closed
//   loopback-only       tests
//   any                 nothing checked (a closed network that needs private callbacks)

import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { text, type FieldProblem } from '@kot/domain';

export type CallbackAddressPolicy = 'public-only' | 'public-or-loopback' | 'loopback-only' | 'any';
export const callbackAddressPolicies: readonly CallbackAddressPolicy[] = [
  'public-only',
  'public-or-loopback',
  'loopback-only',
  'any',
];

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

// Every special-purpose range of the IANA registries that is not globally reachable, or that
// embeds or translates to an IPv4 address (NAT64, 6to4, Teredo) and so could lead anywhere. IPv4
// addresses written as IPv6 (::ffff:a.b.c.d) are checked against the IPv4 rules by BlockList.
const notPublic = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  notPublic.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['::', 96], // IPv4-compatible (deprecated)
  ['64:ff9b::', 96], // NAT64 well-known prefix
  ['64:ff9b:1::', 48], // NAT64 local use
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments (Teredo, ORCHID, benchmarking)
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4
  ['3fff::', 20], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  notPublic.addSubnet(network, prefix, 'ipv6');
}

const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');
const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '');

export const isLoopbackAddress = (address: string): boolean =>
  isIP(address) !== 0 && loopback.check(address, family(address));
export const isPublicAddress = (address: string): boolean =>
  isIP(address) !== 0 && !notPublic.check(address, family(address));

/** Whether a connection to this IP address is allowed under the policy. */
export function addressAllowed(address: string, policy: CallbackAddressPolicy): boolean {
  switch (policy) {
    case 'any':
      return isIP(address) !== 0;
    case 'loopback-only':
      return isLoopbackAddress(address);
    case 'public-or-loopback':
      return isPublicAddress(address) || isLoopbackAddress(address);
    case 'public-only':
      return isPublicAddress(address);
  }
}

export type ResolveHost = (hostname: string) => Promise<string[]>;

export const resolveWithDns: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

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
  if (policy === 'any') return [];
  const host = bare(url.hostname);
  if (policy === 'loopback-only') {
    // No DNS here: only names that cannot point elsewhere (delivery checks what localhost is).
    return host === 'localhost' || isLoopbackAddress(host)
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
  if (addresses.length === 0) {
    return problem(`${host} is niet te vinden`, `host ${host} could not be resolved`);
  }
  const blocked = addresses.filter((address) => !addressAllowed(address, policy));
  return blocked.length > 0
    ? problem(
        `${host} verwijst naar een niet-openbaar adres (${blocked.join(', ')})`,
        `host ${host} resolves to a non-public address (${blocked.join(', ')})`,
      )
    : [];
}
