import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { acceptanceSchema } from '../src/http/schemas/acceptance'

const readme = readFileSync('README.md', 'utf8')
const row = readme.split('\n').find((line) => line.startsWith('| `POST /api/v1/acceptances`'))!

describe('the README on POST /api/v1/acceptances', () => {
  it('gives the allowed values of method and source, as the schema takes them', () => {
    const { method, source } = acceptanceSchema.shape
    for (const [field, schema] of [['method', method], ['source', source]] as const) {
      const values = schema.unwrap().options
      expect(values.length).toBeGreaterThan(1)
      for (const value of values) expect(row, `${field}: ${value}`).toMatch(new RegExp(`\`${field}\`:[^.]*\`${value}\``))
    }
  })

  it('gives the length limits of idempotencyKey, as the schema checks them', () => {
    const key = acceptanceSchema.shape.idempotencyKey.unwrap()
    expect(row).toContain(`\`idempotencyKey\`: optional, ${key.minLength} to ${key.maxLength} characters`)
    expect(acceptanceSchema.safeParse({ subject: 'a', versions: [{ policy: 'p', version: 1, contentHash: '0'.repeat(64) }], idempotencyKey: 'x'.repeat(key.minLength! - 1) }).success).toBe(false)
  })
})
