import { describe, expect, it } from 'vitest'

import { ConfigError } from '../../src/config/ConfigError'
import { DEFAULT_ORGANISATION_NAME, readEnv } from '../../src/config/env'

const vars = (values: Record<string, string>) => values as NodeJS.ProcessEnv

describe('ORGANISATION_NAME', () => {
  it('names the organisation, and the mail it sends when MAIL_FROM is not set', () => {
    const env = readEnv(vars({ ORGANISATION_NAME: ' Leads Group Inc. ' }))
    expect(env.organisationName).toBe('Leads Group Inc.')
    expect(env.mailFrom).toEqual({ name: 'Leads Group Inc.', address: 'legal@localhost' })
  })

  it('has a default on a first start, which is not the software\'s name', () => {
    const env = readEnv(vars({}))
    expect(env.organisationName).toBe(DEFAULT_ORGANISATION_NAME)
    expect(env.organisationName).not.toMatch(/assent/i)
  })

  it('is not taken from MAIL_FROM\'s display name', () => {
    const env = readEnv(vars({ ORGANISATION_NAME: 'Leads Group Inc.', MAIL_FROM: 'Assent <legal@example.com>' }))
    expect(env.organisationName).toBe('Leads Group Inc.')
    expect(env.mailFrom.name).toBe('Assent')
    expect(readEnv(vars({ ORGANISATION_NAME: 'Leads Group Inc.', MAIL_FROM: 'legal@example.com' })).mailFrom.name).toBe('Leads Group Inc.')
  })

  it('refuses a name with a line break or markup, saying which setting', () => {
    expect(() => readEnv(vars({ ORGANISATION_NAME: 'Acme\nBcc: x@example.com' }))).toThrow(ConfigError)
    expect(() => readEnv(vars({ ORGANISATION_NAME: '<b>Acme</b>' }))).toThrow(/ORGANISATION_NAME/)
  })
})
