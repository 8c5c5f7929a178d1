import { describe, expect, it } from 'vitest'

import { loopbackOrigins } from '../../src/config/loopbackOrigins'

describe('the loopback names an admin on this machine may use', () => {
  it('are the other loopback names on the same port and scheme', () => {
    expect(loopbackOrigins('http://localhost:3000')).toEqual(['http://127.0.0.1:3000', 'http://[::1]:3000'])
    expect(loopbackOrigins('http://127.0.0.1:3900/')).toEqual(['http://localhost:3900', 'http://[::1]:3900'])
    expect(loopbackOrigins('https://localhost')).toEqual(['https://127.0.0.1', 'https://[::1]'])
  })

  it('are none for a public URL naming another host', () => {
    expect(loopbackOrigins('https://legal.example.com')).toEqual([])
    expect(loopbackOrigins('http://localhost.example.com:3000')).toEqual([])
  })
})
