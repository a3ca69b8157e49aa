// The DNS lookup a webhook connection uses: it resolves the name, refuses when any address it
// resolves to is not allowed under the policy, and hands the socket exactly the addresses it
// checked. So the check and the connection see the same answer, and a name re-pointed at a private
// address after the subscription was checked (DNS rebinding) is refused at delivery. The socket
// keeps the name: the Host header and the TLS server name (SNI, certificate check) are the URL's.

import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import {
  addressAllowed,
  resolveWithDns,
  type CallbackAddressPolicy,
  type ResolveHost,
} from './callbackAddressPolicy';

export class BlockedAddressError extends Error {
  readonly code = 'EBLOCKEDADDRESS';
  constructor(readonly hostname: string) {
    super(`${hostname} resolves to an address the callback policy does not allow`);
    this.name = 'BlockedAddressError';
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

export type GuardedLookup = (
  hostname: string,
  options: LookupOptions,
  callback: LookupCallback,
) => void;

export function guardedLookup(
  policy: CallbackAddressPolicy,
  resolve: ResolveHost = resolveWithDns,
): GuardedLookup {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = addresses.filter((address) => wanted === 0 || isIP(address) === wanted);
        if (usable.length === 0) {
          const notFound: NodeJS.ErrnoException = new Error(`${hostname} has no address`);
          notFound.code = 'ENOTFOUND';
          callback(notFound, options.all ? [] : '');
          return;
        }
        if (usable.some((address) => !addressAllowed(address, policy))) {
          callback(new BlockedAddressError(hostname), options.all ? [] : '');
          return;
        }
        if (options.all) {
          callback(
            null,
            usable.map((address) => ({ address, family: isIP(address) })),
          );
        } else {
          callback(null, usable[0]!, isIP(usable[0]!));
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, options.all ? [] : ''),
    );
  };
}

/** An address written in the URL itself is never looked up: it is checked here instead. */
export const literalAddressAllowed = (hostname: string, policy: CallbackAddressPolicy) =>
  isIP(hostname) === 0 || addressAllowed(hostname, policy);
