import { describe, expect, it } from 'vitest'

import { ConfigError } from '../../src/config/ConfigError'
import { webhookSettings } from '../../src/config/webhookSettings'

describe('WEBHOOK_ALLOW_HOSTS', () => {
  it('allows no internal host unless set', () => {
    expect(webhookSettings({} as unknown as NodeJS.ProcessEnv).allowHosts).toEqual([])
  })

  it('reads the named hosts, normalised as endpoint URLs write them', () => {
    expect(webhookSettings({ WEBHOOK_ALLOW_HOSTS: 'hooks.internal, 127.1 ,[::1]' } as unknown as NodeJS.ProcessEnv).allowHosts).toEqual(['hooks.internal', '127.0.0.1', '::1'])
  })

  it('stops start-up on an entry that is not a host, naming it', () => {
    const read = () => webhookSettings({ WEBHOOK_ALLOW_HOSTS: 'hooks.internal,http://10.0.0.7:8080' } as unknown as NodeJS.ProcessEnv)
    expect(read).toThrow(ConfigError)
    expect(read).toThrow('WEBHOOK_ALLOW_HOSTS: "http://10.0.0.7:8080" is not a host name or address (write it without scheme, port or path).')
  })
})
