import { BlockList, isIP } from 'node:net'

/** Why an address is not on the public internet. */
export type InternalAddressKind = 'unspecified' | 'loopback' | 'private' | 'carrier-grade NAT' | 'link-local' | 'multicast' | 'reserved'

/**
 * The special-purpose ranges of the IANA IPv4 and IPv6 registries that an outbound request must
 * not reach. Node's BlockList matches an IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) against
 * the IPv4 rules, so every spelling of an IPv4 address lands in the same range.
 */
const RANGES: ReadonlyArray<readonly [InternalAddressKind, string, number, 'ipv4' | 'ipv6']> = [
  ['unspecified', '0.0.0.0', 8, 'ipv4'],
  ['private', '10.0.0.0', 8, 'ipv4'],
  ['carrier-grade NAT', '100.64.0.0', 10, 'ipv4'],
  ['loopback', '127.0.0.0', 8, 'ipv4'],
  ['link-local', '169.254.0.0', 16, 'ipv4'],
  ['private', '172.16.0.0', 12, 'ipv4'],
  ['reserved', '192.0.0.0', 24, 'ipv4'], // IETF protocol assignments
  ['reserved', '192.0.2.0', 24, 'ipv4'], // documentation
  ['reserved', '192.88.99.0', 24, 'ipv4'], // 6to4 relays
  ['private', '192.168.0.0', 16, 'ipv4'],
  ['reserved', '198.18.0.0', 15, 'ipv4'], // benchmarking
  ['reserved', '198.51.100.0', 24, 'ipv4'], // documentation
  ['reserved', '203.0.113.0', 24, 'ipv4'], // documentation
  ['multicast', '224.0.0.0', 4, 'ipv4'],
  ['reserved', '240.0.0.0', 4, 'ipv4'], // future use and the broadcast address
  ['unspecified', '::', 128, 'ipv6'],
  ['loopback', '::1', 128, 'ipv6'],
  ['private', 'fc00::', 7, 'ipv6'], // unique local
  ['link-local', 'fe80::', 10, 'ipv6'],
  ['multicast', 'ff00::', 8, 'ipv6'],
  // Inside global unicast: protocol assignments (Teredo, ORCHID, benchmarking), documentation
  // and 6to4, whose tunnels embed an IPv4 address that may be internal.
  ['reserved', '2001::', 23, 'ipv6'],
  ['reserved', '2001:db8::', 32, 'ipv6'],
  ['reserved', '2002::', 16, 'ipv6'],
  ['reserved', '3fff::', 20, 'ipv6'],
]

const lists = new Map<InternalAddressKind, BlockList>()
for (const [kind, network, prefix, family] of RANGES) {
  if (!lists.has(kind)) lists.set(kind, new BlockList())
  lists.get(kind)!.addSubnet(network, prefix, family)
}
const mappedIpv4 = new BlockList()
mappedIpv4.addSubnet('::ffff:0:0', 96, 'ipv6')
const globalUnicast = new BlockList()
globalUnicast.addSubnet('2000::', 3, 'ipv6')

/**
 * Why `address` (an IP address as Node prints it, IPv6 without brackets) is internal, or
 * undefined for a public address. IPv6 is public only within global unicast (2000::/3), and an
 * IPv4-mapped address is judged by its IPv4 address. Anything that is not an address is
 * reported as reserved, so a caller that forgot to resolve a name refuses rather than connects.
 */
export function internalAddressKind(address: string): InternalAddressKind | undefined {
  const bare = address.replace(/%.*$/, '') // an IPv6 zone index ("fe80::1%eth0")
  const family = isIP(bare)
  if (family === 0) return 'reserved'
  const type = family === 4 ? 'ipv4' : 'ipv6'
  for (const [kind, list] of lists) if (list.check(bare, type)) return kind
  if (family === 6 && !mappedIpv4.check(bare, 'ipv6') && !globalUnicast.check(bare, 'ipv6')) return 'reserved'
  return undefined
}
