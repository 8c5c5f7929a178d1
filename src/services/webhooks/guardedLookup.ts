import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns'
import type { LookupFunction } from 'node:net'

import { internalAddressKind } from '../../domain/outbound/internalAddress'
import { REFUSED_TARGET_CODE } from '../../domain/outbound/requestFailure'

/** Resolves a host name to all its addresses (dns.lookup with `all: true`, or a test's stand-in). */
export type Resolve = (hostname: string, options: LookupAllOptions, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void

const resolveWithDns: Resolve = (hostname, options, callback) => dnsLookup(hostname, options, callback)

/**
 * The `lookup` of an outbound connection: the socket connects to the address this returns, so
 * checking it here (not before, in a separate lookup) leaves no gap for DNS rebinding. With
 * `refuseInternal`, an answer holding any internal address is refused as a whole.
 */
export function guardedLookup(refuseInternal: boolean, resolve: Resolve = resolveWithDns): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0)
      if (addresses.length === 0 || (refuseInternal && addresses.some((a) => internalAddressKind(a.address)))) {
        return callback(Object.assign(new Error('refused target'), { code: REFUSED_TARGET_CODE }), '', 0)
      }
      if (options.all) return (callback as (error: null, addresses: LookupAddress[]) => void)(null, addresses)
      callback(null, addresses[0].address, addresses[0].family)
    })
  }
}
