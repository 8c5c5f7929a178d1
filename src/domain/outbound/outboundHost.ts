import { isIP } from 'node:net'

import { internalAddressKind, type InternalAddressKind } from './internalAddress'

/**
 * A host as URLs spell it once normalised: lower case, IPv6 without brackets, every IPv4
 * spelling (`2130706433`, `0x7f000001`, `0177.0.0.1`, `127.1`) as dotted quads. Undefined when
 * `value` is not a host alone (a scheme, port, path or user is refused).
 */
export function normalizeHost(value: string): string | undefined {
  const bare = value.trim().replace(/^\[(.*)\]$/, '$1')
  // Names and IPv4 addresses have no colon: one there is a port.
  if (!bare || /[/?#@\s\\]/.test(bare) || (bare.includes(':') && isIP(bare) !== 6)) return undefined
  try {
    return hostOf(new URL(`http://${isIP(bare) === 6 ? `[${bare}]` : bare}`))
  } catch {
    return undefined
  }
}

/** A URL's host without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '')
}

/** Reads a comma-separated list of host names and addresses; says which entry is not one. */
export function parseAllowHosts(raw: string | undefined): { hosts: string[] } | { problem: string } {
  const hosts: string[] = []
  for (const entry of (raw ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const host = normalizeHost(entry)
    if (!host) return { problem: `"${entry}" is not a host name or address (write it without scheme, port or path)` }
    hosts.push(host)
  }
  return { hosts }
}

/** Whether a host (as `hostOf` gives it) was named in the allow list (as `parseAllowHosts` gives it). */
export function isAllowedHost(host: string, allowHosts: readonly string[]): boolean {
  return allowHosts.includes(host)
}

/**
 * Why a host (as `hostOf` gives it) is plainly internal, known without asking DNS: a literal
 * internal address, or a name under `localhost`. Undefined for a host allowed by name or
 * address, and for other names (those are checked when the connection is made).
 */
export function literalInternalHost(host: string, allowHosts: readonly string[]): InternalAddressKind | undefined {
  if (isAllowedHost(host, allowHosts)) return undefined
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback'
  return isIP(host) ? internalAddressKind(host) : undefined
}
