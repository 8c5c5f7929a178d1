import { BlockList, isIP } from 'node:net'

/** Why an address is not on the public internet. */
export type InternalAddressKind = 'unspecified' | 'loopback' | 'private' | 'carrier-grade NAT' | 'link-local' | 'multicast' | 'reserved'

/**
 * The special-purpose ranges of the IANA IPv4 and IPv6 registries that an outbound request must
 * not reach, by why they are internal. Node's BlockList matches an IPv4-mapped IPv6 address
 * (`::ffff:127.0.0.1`) against the IPv4 rules, so every spelling of an IPv4 address lands in the
 * same range.
 */
const RANGES: Record<InternalAddressKind, readonly string[]> = {
  unspecified: ['0.0.0.0/8', '::/128'],
  loopback: ['127.0.0.0/8', '::1/128'],
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7' /* unique local */],
  'carrier-grade NAT': ['100.64.0.0/10'],
  'link-local': ['169.254.0.0/16', 'fe80::/10'],
  multicast: ['224.0.0.0/4', 'ff00::/8'],
  reserved: [
    '192.0.0.0/24', // IETF protocol assignments
    '192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24', // documentation
    '192.88.99.0/24', // 6to4 relays
    '198.18.0.0/15', // benchmarking
    '240.0.0.0/4', // future use and the broadcast address
    // Inside global unicast: protocol assignments (Teredo, ORCHID, benchmarking), documentation
    // and 6to4, whose tunnels embed an IPv4 address that may be internal.
    '2001::/23', '2001:db8::/32', '2002::/16', '3fff::/20',
  ],
}

/** A BlockList of `networks`, each written as an address and prefix length (CIDR). */
function blockListOf(networks: readonly string[]): BlockList {
  const list = new BlockList()
  for (const network of networks) {
    const [address, prefix] = network.split('/')
    list.addSubnet(address, Number(prefix), isIP(address) === 4 ? 'ipv4' : 'ipv6')
  }
  return list
}

const lists = Object.entries(RANGES).map(([kind, networks]) => [kind as InternalAddressKind, blockListOf(networks)] as const)
const mappedIpv4 = blockListOf(['::ffff:0:0/96'])
const globalUnicast = blockListOf(['2000::/3'])

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
