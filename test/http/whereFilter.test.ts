import { parse } from 'qs-esm'
import { describe, expect, it } from 'vitest'

import { whereProblem } from '../../src/http/payloadRequest/whereFilter'

const where = (query: string) => (parse(query, { depth: 10 }) as { where?: unknown }).where

describe('checking a where filter before Payload runs it', () => {
  it('lets sound filters through', () => {
    for (const query of ['where[title][equals]=Terms', 'where[or][0][_status][equals]=draft&where[or][1][id][in]=1,2', 'where[version.summary][like]=x', 'where[id][in][0]=1&where[id][in][1]=2', 'where[and][0][email][exists]=true']) {
      expect(whereProblem(where(query)), query).toBeUndefined()
    }
  })

  it('names what is wrong with an operator, a value or a field', () => {
    expect(whereProblem(where('where[summary][equals][$ne]=x'))).toBe('where[summary][equals] must be a value, not an object.')
    expect(whereProblem(where('where[summary][$ne]=x'))).toMatch(/^where\[summary\]\[\$ne\]: "\$ne" is not an operator/)
    expect(whereProblem(where('where[$where]=1'))).toBe('where[$where]: "$where" is not a field name.')
    expect(whereProblem(where('where[title]=x'))).toBe('where[title] needs an operator, e.g. where[title][equals]=….')
    expect(whereProblem(where('where[or]=x'))).toBe('where[or] must be a list of conditions.')
    expect(whereProblem(where('where[equals][0]=x&where=1'))).toBeDefined()
    expect(whereProblem('x')).toBe('where must be a set of conditions, e.g. where[title][equals]=Terms.')
  })
})
