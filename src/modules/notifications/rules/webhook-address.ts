import { BlockList, isIP } from 'node:net';

/** IPv4 ranges a webhook must not reach: this host, the private network, and ranges that are never a real receiver. */
const V4_NOT_PUBLIC: readonly [string, number][] = [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, where cloud metadata services answer
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, with 255.255.255.255 broadcast
];

const V6_NOT_PUBLIC: readonly [string, number][] = [
  ['::', 128], // unspecified
  ['::1', 128],
  ['100::', 64], // discard-only
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local, deprecated but still routed inside some networks
  ['ff00::', 8], // multicast
];

/** NAT64 (RFC 6052) carries an IPv4 address in its last 32 bits: a gateway would forward to it. */
const NAT64_PREFIX = '64:ff9b::';

const notPublic = new BlockList();
for (const [address, prefix] of V4_NOT_PUBLIC) {
  // BlockList also matches IPv4-mapped IPv6 (::ffff:127.0.0.1) against IPv4 rules.
  notPublic.addSubnet(address, prefix, 'ipv4');
  notPublic.addSubnet(NAT64_PREFIX + address, 96 + prefix, 'ipv6');
}
for (const [address, prefix] of V6_NOT_PUBLIC) notPublic.addSubnet(address, prefix, 'ipv6');

/** Whether a webhook may connect to this IP address; anything that is not an IP address is not. */
export function isPublicAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 0) return false;
  return !notPublic.check(address, version === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Whether a webhook URL's host (as `URL.hostname` gives it) may be saved. Only what is certain
 * without DNS is refused: localhost names and IP literals outside the public ranges. A name is
 * judged on the address it resolves to, when each delivery connects.
 */
export function isAllowedWebhookHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return false;
  const literal = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return isIP(literal) === 0 || isPublicAddress(literal);
}

/** The error text of a delivery refused for its destination. */
export const blockedAddressText = (address: string) => `blocked_address: ${address} is not a public address`;
