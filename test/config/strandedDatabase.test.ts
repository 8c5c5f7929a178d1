import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { defaultDatabaseUrl, readEnv } from '../../src/config/env'
import { strandedDatabaseProblem } from '../../src/config/strandedDatabase'
import { sqlitePath } from '../../src/db/walDurability'

const former = path.resolve('data/assent.db')
const volume = path.resolve('/srv/assent-volume')
const vars = (values: Record<string, string>) => values as NodeJS.ProcessEnv
const files = (...present: string[]) => (file: string) => present.includes(file)

describe('the SQLite file without DATABASE_URL', () => {
  it('lives in the data folder', () => {
    expect(readEnv(vars({ ASSENT_DATA_DIR: volume })).databaseUrl).toBe(`file:${volume}/assent.db`)
    expect(readEnv(vars({})).databaseUrl).toBe(`file:${former}`)
    expect(readEnv(vars({ ASSENT_DATA_DIR: volume, DATABASE_URL: 'file:./x.db' })).databaseUrl).toBe('file:./x.db')
  })

  it('is named by a URL that leads back to its path, whatever characters the folder holds', () => {
    for (const dir of ['/srv/a b', '/srv/h#x', '/srv/q%20r', '/srv/w?y', '/srv/é']) {
      expect(sqlitePath(defaultDatabaseUrl(dir))).toBe(`${dir}/assent.db`)
    }
  })
})

describe('a database left where Assent kept it before it followed ASSENT_DATA_DIR', () => {
  it('stops start-up, naming both places and both ways out', () => {
    const problem = strandedDatabaseProblem(vars({ ASSENT_DATA_DIR: volume }), files(former))
    expect(problem).toBe(
      `The SQLite database is at ${former}, where Assent kept it before it followed ASSENT_DATA_DIR, and ${volume} holds none: ` +
        `stop Assent and move assent.db, with any assent.db-wal and assent.db-shm beside it, into ${volume}, or set DATABASE_URL=file:${former} to keep it where it is.`,
    )
  })

  it('is no problem once the data folder has its own database', () => {
    expect(strandedDatabaseProblem(vars({ ASSENT_DATA_DIR: volume }), files(former, `${volume}/assent.db`))).toBeUndefined()
  })

  it('is no problem when DATABASE_URL names the database, or the data folder is ./data', () => {
    expect(strandedDatabaseProblem(vars({ ASSENT_DATA_DIR: volume, DATABASE_URL: `file:${former}` }), files(former))).toBeUndefined()
    expect(strandedDatabaseProblem(vars({}), files(former))).toBeUndefined()
    expect(strandedDatabaseProblem(vars({ ASSENT_DATA_DIR: './data/' }), files(former))).toBeUndefined()
  })

  it('is no problem when nothing is at the old place', () => {
    expect(strandedDatabaseProblem(vars({ ASSENT_DATA_DIR: volume }), files())).toBeUndefined()
  })
})
