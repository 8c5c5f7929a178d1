import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { exited, printed, spawnServer } from './support/spawnServer'

const scratch = () => mkdtempSync(path.join(tmpdir(), 'assent-start-'))

describe('start-up with a bad DATABASE_URL', () => {
  it('stops with one line naming what to fix when the URL is not understood', async () => {
    const { code, stderr } = await exited(spawnServer({ DATABASE_URL: 'mysql://localhost/assent', ASSENT_DATA_DIR: scratch() }))
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^assent: DATABASE_URL "mysql:\/\/localhost\/assent" is not understood: use file:/)])
  })

  it('stops with one line when PostgreSQL cannot be reached, hiding the password', async () => {
    const { code, stderr } = await exited(spawnServer({ DATABASE_URL: 'postgres://app:s3cret@127.0.0.1:1/assent', ASSENT_DATA_DIR: scratch() }))
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/^assent: Cannot connect to PostgreSQL at postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/assent \(ECONNREFUSED/)
    expect(stderr).not.toContain('s3cret')
  })

  it('refuses to start in production without PAYLOAD_SECRET', async () => {
    const env = { ASSENT_ENV: 'production', PAYLOAD_SECRET: '', DATABASE_URL: `file:${scratch()}/a.db`, ASSENT_DATA_DIR: scratch() }
    const { code, stderr } = await exited(spawnServer(env))
    expect(code).toBe(1)
    expect(stderr.trim()).toBe('assent: PAYLOAD_SECRET is required in production: set it to a long random string (openssl rand -hex 32).')
  })
})

describe('start-up with SMTP misconfigured', () => {
  it('warns clearly, names the server without its password, and serves anyway', async () => {
    const dir = scratch()
    const server = spawnServer({ DATABASE_URL: `file:${dir}/assent.db`, ASSENT_DATA_DIR: dir, PORT: '39519', PAYLOAD_SECRET: '', ASSENT_ENV: 'local', SMTP_URL: 'smtp://mailer:hunter2@127.0.0.1:1' })
    const out = exited(server)
    await printed(server, /Assent is serving/)
    expect((await fetch('http://127.0.0.1:39519/healthz')).status).toBe(200)
    server.kill('SIGTERM')
    const { stdout, stderr } = await out
    const warning = `${stdout}${stderr}`.split('\n').find((line) => line.includes('Warning: SMTP_URL'))
    expect(warning).toMatch(/Warning: SMTP_URL smtp:\/\/mailer:\*+@127\.0\.0\.1:1 does not work \(ESOCKET: connect ECONNREFUSED 127\.0\.0\.1:1\)\. Notices wait in the outbox/)
    expect(`${stdout}${stderr}`).not.toContain('hunter2')
  })
})

describe('start-up on an empty SQLite file', () => {
  it('migrates, seeds, serves, and on restart neither migrates nor seeds again', async () => {
    const dir = scratch()
    const env = { DATABASE_URL: `file:${dir}/assent.db`, ASSENT_DATA_DIR: dir, PORT: '0', PAYLOAD_SECRET: '', ASSENT_ENV: 'local' }
    const first = spawnServer({ ...env, PORT: '39517' })
    const firstOut = exited(first)
    await printed(first, /Assent is serving/)
    const health = await fetch('http://127.0.0.1:39517/healthz')
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'sqlite' })
    const policies = (await (await fetch('http://127.0.0.1:39517/api/policies')).json()) as { totalDocs: number }
    expect(policies.totalDocs).toBe(2)
    first.kill('SIGTERM')
    const { stdout } = await firstOut
    expect(stdout).toMatch(/First admin created: admin@example\.com \/ \S{12,}/)
    expect(stdout).toContain('Seeded the privacy policy')

    const second = spawnServer({ ...env, PORT: '39518' })
    const secondOut = exited(second)
    await printed(second, /Assent is serving/)
    second.kill('SIGTERM')
    const again = await secondOut
    expect(again.stdout).not.toMatch(/First admin|Seeded|Migrating/)
  })
})
