import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { internalAddressKind } from '../../src/domain/outbound/internalAddress'
import { hostOf, literalInternalHost, normalizeHost, parseAllowHosts } from '../../src/domain/outbound/outboundHost'
import { answerFailure, REFUSED_TARGET, REFUSED_TARGET_CODE, requestFailure, TIMED_OUT_CODE } from '../../src/domain/outbound/requestFailure'
import { webhookTargetRefusal } from '../../src/domain/outbound/webhookTargetRefusal'

describe('internal addresses', () => {
  it('names the range of loopback, private, link-local, CGNAT, multicast and reserved addresses', () => {
    const kinds: Record<string, string> = {
      '127.0.0.1': 'loopback', '127.255.255.254': 'loopback', '::1': 'loopback', '::ffff:127.0.0.1': 'loopback', '::ffff:7f00:1': 'loopback',
      '0.0.0.0': 'unspecified', '::': 'unspecified',
      '10.0.0.1': 'private', '172.16.0.1': 'private', '172.31.255.255': 'private', '192.168.1.1': 'private', 'fc00::1': 'private', 'fd12:3456::1': 'private',
      '169.254.169.254': 'link-local', 'fe80::1': 'link-local', 'fe80::1%eth0': 'link-local',
      '100.64.0.1': 'carrier-grade NAT', '100.127.255.255': 'carrier-grade NAT',
      '224.0.0.1': 'multicast', '239.255.255.250': 'multicast', 'ff02::1': 'multicast',
      '255.255.255.255': 'reserved', '240.0.0.1': 'reserved', '192.0.2.1': 'reserved', '198.18.0.1': 'reserved', '2001:db8::1': 'reserved',
      '::7f00:1': 'reserved', '64:ff9b::7f00:1': 'reserved', '2002:7f00:1::1': 'reserved', 'fec0::1': 'reserved', '2001::1': 'reserved',
      'localhost': 'reserved', 'not an address': 'reserved',
    }
    for (const [address, kind] of Object.entries(kinds)) expect(internalAddressKind(address), address).toBe(kind)
  })

  it('leaves public addresses alone, including those beside the private ranges', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '93.184.216.34', '172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.1', '11.0.0.1', '::ffff:8.8.8.8', '2606:4700::1111', '2001:4860:4860::8888']) {
      expect(internalAddressKind(address), address).toBeUndefined()
    }
  })

  it('finds every spelling of a loopback address in a URL internal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0x7f000000, max: 0x7fffffff }), fc.constantFrom('decimal', 'hex', 'octal', 'mapped'), (n, spelling) => {
        const quad = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]
        const written = { decimal: String(n), hex: `0x${n.toString(16)}`, octal: quad.map((b) => `0${b.toString(8)}`).join('.'), mapped: `[::ffff:${quad.join('.')}]` }[spelling]
        expect(internalAddressKind(hostOf(new URL(`http://${written}:8080/`)))).toBe('loopback')
      }),
    )
  })
})

describe('the allow list of internal hosts', () => {
  it('reads names and addresses in any spelling, and refuses entries with a scheme, port or path', () => {
    expect(parseAllowHosts(undefined)).toEqual({ hosts: [] })
    expect(parseAllowHosts(' Hooks.Internal , 127.1,[::1], 0x0a000001 ,')).toEqual({ hosts: ['hooks.internal', '127.0.0.1', '::1', '10.0.0.1'] })
    for (const bad of ['http://hooks.internal', 'hooks.internal:8080', '10.0.0.1:80', 'hooks.internal/x', 'user@hooks.internal']) {
      expect(parseAllowHosts(bad), bad).toEqual({ problem: expect.stringContaining(`"${bad}"`) })
    }
    expect(normalizeHost('EXAMPLE.com.')).toBe('example.com')
  })

  it('exempts a named host from the literal check, and only that host', () => {
    expect(literalInternalHost('127.0.0.1', ['127.0.0.1'])).toBeUndefined()
    expect(literalInternalHost('127.0.0.2', ['127.0.0.1'])).toBe('loopback')
    expect(literalInternalHost('localhost', [])).toBe('loopback')
    expect(literalInternalHost('api.localhost', [])).toBe('loopback')
    expect(literalInternalHost('localhost', ['localhost'])).toBeUndefined()
    expect(literalInternalHost('hooks.example.com', [])).toBeUndefined()
  })
})

describe('refusing an endpoint at registration', () => {
  it('refuses each spelling of an internal literal address with a code, naming the setting', () => {
    for (const url of ['http://127.0.0.1:8080/h', 'http://localhost:8080/h', 'http://[::1]:8080/h', 'http://0.0.0.0:8080/h', 'http://2130706433:8080/h', 'http://0x7f000001:8080/h', 'http://0177.0.0.1:8080/h', 'http://127.1:8080/h', 'http://[::ffff:127.0.0.1]:8080/h', 'http://169.254.169.254/latest', 'https://10.1.2.3/h', 'https://[fd00::1]/h']) {
      const refusal = webhookTargetRefusal(url, [])
      expect(refusal?.code, url).toBe('webhook_target_not_public')
      expect(refusal?.message, url).toMatch(/WEBHOOK_ALLOW_HOSTS/)
    }
    expect(webhookTargetRefusal('http://2130706433:8080/h', [])?.message).toMatch(/^The URL points at 127\.0\.0\.1, a loopback address/)
  })

  it('accepts public hosts, allowed internal hosts, and leaves malformed URLs to the URL check', () => {
    expect(webhookTargetRefusal('https://hooks.example.com/assent', [])).toBeUndefined()
    expect(webhookTargetRefusal('http://127.0.0.1:8080/h', ['127.0.0.1'])).toBeUndefined()
    expect(webhookTargetRefusal('http://0x7f000001:8080/h', ['127.0.0.1'])).toBeUndefined()
    expect(webhookTargetRefusal('not a url', [])).toBeUndefined()
    expect(webhookTargetRefusal(42, [])).toBeUndefined()
  })
})

describe('what a failed request records', () => {
  it('says the same of every refused target, and does not tell connection errors apart', () => {
    expect(requestFailure(REFUSED_TARGET_CODE, 10_000)).toBe(REFUSED_TARGET)
    expect(requestFailure(TIMED_OUT_CODE, 2500)).toBe('no answer within 2.5 s')
    expect(new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', undefined].map((code) => requestFailure(code, 1000)))).toEqual(new Set(['the connection failed']))
    expect(requestFailure('ENOTFOUND', 1000)).toBe('the host name did not resolve')
    expect(requestFailure('DEPTH_ZERO_SELF_SIGNED_CERT', 1000)).toMatch(/TLS/)
  })

  it('keeps the status of an answer, never its words', () => {
    expect(answerFailure(500, false)).toBe('HTTP 500')
    expect(answerFailure(302, false)).toBe('HTTP 302 (redirects are not followed)')
    expect(answerFailure(503, true)).toMatch(/^HTTP 503; answer over \d+ bytes/)
  })
})
