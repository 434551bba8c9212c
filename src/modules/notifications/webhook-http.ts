import { lookup } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, fetch, type RequestInit, type Response } from 'undici';
import { blockedAddressText, isPublicAddress } from './rules/webhook-address.ts';

/** A destination a webhook may not reach; the delivery fails at once with this message. */
export class BlockedAddressError extends Error {
  constructor(readonly address: string) {
    super(blockedAddressText(address));
  }
}

/**
 * Resolves as the socket would and refuses when any answer is not public. Checking the address
 * the socket then connects to, rather than the name beforehand, is what stops a name that
 * resolves (or is rebound between a check and the connection) to 127.0.0.1 or 169.254.169.254.
 */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '');
    const blocked = addresses.find((a) => !isPublicAddress(a.address));
    if (blocked) return callback(new BlockedAddressError(blocked.address), '');
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
    callback(null, first.address, first.family);
  });
};

// One agent for every guarded delivery, so connections to a receiver are kept alive between posts.
const guardedAgent = new Agent({ connect: { lookup: guardedLookup } });

/**
 * Posts a webhook, refusing non-public destinations unless `allowPrivate`. A host written as an
 * IP address never reaches the lookup (sockets connect to it directly), so it is checked here.
 */
export async function postWebhook(url: string, allowPrivate: boolean, init: RequestInit): Promise<Response> {
  if (allowPrivate) return fetch(url, init);
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host) && !isPublicAddress(host)) throw new BlockedAddressError(host);
  return fetch(url, { ...init, dispatcher: guardedAgent });
}

/** The refusal behind a failed post, if that is why it failed (fetch wraps connection errors in `cause`). */
export function blockedAddress(error: unknown): BlockedAddressError | undefined {
  if (error instanceof BlockedAddressError) return error;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause instanceof BlockedAddressError ? cause : undefined;
}
