import type { ChildProcess } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freePort } from './support/freePort'
import { exited, printed, serverProcesses, type Exited } from './support/spawnServer'
import { createTestDatabase, type TestDatabase } from './support/testDatabase'

const scratch = () => mkdtempSync(path.join(tmpdir(), 'assent-start-'))
const servers = serverProcesses()
afterAll(() => servers.close())

/** Secrets a production start accepts. */
const productionSecrets = {
  ASSENT_ENV: 'production',
  PAYLOAD_SECRET: '5d41402abc4b2a76b9719d911017c592a3f0e1c7d9b8e6f5',
  LEDGER_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
}

/** Waits for the process to exit, killing it after `ms` (then code is null): a start-up that
 * hangs fails the test instead of spinning until the file's timeout. */
async function exitedWithin(child: ChildProcess, ms: number): Promise<Exited> {
  const timer = setTimeout(() => child.kill('SIGKILL'), ms)
  try {
    return await exited(child)
  } finally {
    clearTimeout(timer)
  }
}

describe('start-up with a bad DATABASE_URL', () => {
  it('stops with one line naming what to fix when the URL is not understood', async () => {
    const { code, stderr } = await exited(servers.start({ DATABASE_URL: 'mysql://localhost/assent', ASSENT_DATA_DIR: scratch() }))
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^assent: DATABASE_URL "mysql:\/\/localhost\/assent" is not understood: use file:/)])
  })

  it('stops with one line when PostgreSQL cannot be reached, hiding the password', async () => {
    const { code, stderr } = await exited(servers.start({ DATABASE_URL: 'postgres://app:s3cret@127.0.0.1:1/assent', ASSENT_DATA_DIR: scratch() }))
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/^assent: Cannot connect to PostgreSQL at postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/assent \(ECONNREFUSED/)
    expect(stderr).not.toContain('s3cret')
  })

  it('stops at once with one line naming an SQLite folder that cannot be made, instead of spinning', async () => {
    const { code, stdout, stderr } = await exitedWithin(servers.start({ DATABASE_URL: 'file:/proc/nope/x.db', ASSENT_DATA_DIR: scratch(), ASSENT_ENV: 'local', PORT: String(await freePort()) }), 20_000)
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^assent: Cannot write the SQLite database in \/proc\/nope \(E[A-Z]+: .*\): fix DATABASE_URL/)])
  })

  it('stops at once with one line naming a data folder that cannot be made', async () => {
    const { code, stderr } = await exitedWithin(servers.start({ DATABASE_URL: `file:${scratch()}/a.db`, ASSENT_DATA_DIR: '/proc/nope/data', ASSENT_ENV: 'local', PORT: String(await freePort()) }), 20_000)
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^assent: Cannot write the data folder \/proc\/nope\/data \(E[A-Z]+: .*\): set ASSENT_DATA_DIR/)])
  })
})

describe('start-up in production with missing or weak secrets', () => {
  it('refuses to start without PAYLOAD_SECRET', async () => {
    const env = { ...productionSecrets, PAYLOAD_SECRET: '', DATABASE_URL: `file:${scratch()}/a.db`, ASSENT_DATA_DIR: scratch(), PORT: String(await freePort()) }
    const { code, stderr } = await exitedWithin(servers.start(env), 30_000)
    expect(code).toBe(1)
    expect(stderr.trim()).toBe('assent: PAYLOAD_SECRET is required in production: set it to a long random string (openssl rand -hex 32).')
  })

  it('refuses PAYLOAD_SECRET=x, with which anyone could forge banner tokens', async () => {
    const env = { ...productionSecrets, PAYLOAD_SECRET: 'x', DATABASE_URL: `file:${scratch()}/a.db`, ASSENT_DATA_DIR: scratch(), PORT: String(await freePort()) }
    const { code, stderr } = await exitedWithin(servers.start(env), 30_000)
    expect(code).toBe(1)
    expect(stderr.trim()).toBe('assent: PAYLOAD_SECRET is too weak for production (it has 1 character, fewer than 32): set it to a long random string (openssl rand -hex 32).')
  })

  it('names every problem before writing anything: no database, no admin, no password printed', async () => {
    const dir = scratch()
    const env = { ...productionSecrets, LEDGER_SIGNING_KEY: '', ASSENT_ADMIN_PASSWORD: 'short', DATABASE_URL: `file:${dir}/db/assent.db`, ASSENT_DATA_DIR: `${dir}/data`, PORT: String(await freePort()) }
    const { code, stdout, stderr } = await exitedWithin(servers.start(env), 30_000)
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toEqual([
      'assent: LEDGER_SIGNING_KEY is required in production: an Ed25519 private key in PEM (openssl genpkey -algorithm ed25519).',
      expect.stringMatching(/^assent: ASSENT_ADMIN_PASSWORD is too weak for production \(it has 5 characters, fewer than 12\)/),
    ])
    expect(stdout).toBe('')
    expect(existsSync(`${dir}/db`)).toBe(false)
    expect(existsSync(`${dir}/data`)).toBe(false)
  })
})

describe('start-up in production', () => {
  const admin = { email: 'owner@example.com', password: 'a long admin password' }
  let database: TestDatabase
  let base: string
  let output: Promise<Exited>
  let server: ChildProcess
  let startOutput: string

  beforeAll(async () => {
    database = await createTestDatabase({ shared: true })
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    server = servers.start({
      ...productionSecrets, DATABASE_URL: database.url, ASSENT_DATA_DIR: scratch(), PORT: String(port), PUBLIC_URL: 'https://legal.example.test',
      ASSENT_ADMIN_EMAIL: admin.email, ASSENT_ADMIN_PASSWORD: admin.password, LEDGER_CHECKPOINT_MINUTES: '0',
    })
    output = exited(server)
    // Everything printed up to serving: the first start on an empty database.
    startOutput = await printed(server, /[\s\S]*Assent is serving https:\/\/legal\.example\.test/)
  })

  it('logs without colour codes when not on a terminal, and sums the migrations up in one line', () => {
    expect(startOutput).not.toContain('\u001b[')
    const migrationLines = startOutput.split('\n').filter((line) => /migrat/i.test(line))
    expect(migrationLines).toEqual([expect.stringMatching(/Database schema brought up to date: \d+ migrations applied\.$/)])
  })
  afterAll(async () => {
    server?.kill('SIGTERM')
    await output
    await database?.drop()
  })

  it('seeds no demo policies', async () => {
    const policies = (await (await fetch(`${base}/api/policies`)).json()) as { totalDocs: number }
    expect(policies.totalDocs).toBe(0)
  })

  it('sets the staff session cookie Secure (and HttpOnly) behind an https PUBLIC_URL', async () => {
    const login = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) })
    expect(login.status).toBe(200)
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('payload-token='))
    expect(cookie).toMatch(/;\s*Secure\b/i)
    expect(cookie).toMatch(/;\s*HttpOnly\b/i)
  })
})

describe('start-up on a port another program holds', () => {
  it('says so in one line naming the port and exits 1, before writing anything or starting a worker', async () => {
    const port = await freePort()
    const holder: Server = await new Promise((resolve) => {
      const s = createServer().listen(port, () => resolve(s))
    })
    try {
      const dir = scratch()
      const server = servers.start({ DATABASE_URL: `file:${dir}/assent.db`, ASSENT_DATA_DIR: dir, PORT: String(port), PAYLOAD_SECRET: '', ASSENT_ENV: 'local', NOTICE_POLL_SECONDS: '0.1', WEBHOOK_POLL_SECONDS: '0.1' })
      const { code, stdout, stderr } = await exitedWithin(server, 45_000)
      expect(code).toBe(1)
      expect(stderr.trim().split('\n')).toEqual([`assent: port ${port} is in use by another program: stop it, or set PORT to a free port.`])
      expect(stdout).toBe('')
      expect(readdirSync(dir)).toEqual([])
    } finally {
      await new Promise((resolve) => holder.close(resolve))
    }
  })
})

describe('requests while Assent starts', () => {
  it('are answered 503 with Retry-After until it serves, then reach it', async () => {
    const dir = scratch()
    const port = await freePort()
    const server = servers.start({ DATABASE_URL: `file:${dir}/assent.db`, ASSENT_DATA_DIR: dir, PORT: String(port), PAYLOAD_SECRET: '', ASSENT_ENV: 'local' })
    const out = exited(server)
    const serving = printed(server, /Assent is serving/)
    let first: Response | undefined
    while (!first) first = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => new Promise<undefined>((resolve) => setTimeout(resolve, 20)))
    expect(first.status).toBe(503)
    expect(first.headers.get('retry-after')).toBe('5')
    await serving
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200)
    server.kill('SIGTERM')
    await out
  })
})

describe('start-up with SMTP misconfigured', () => {
  it('warns clearly, names the server without its password, and serves anyway', async () => {
    const dir = scratch()
    const port = await freePort()
    const server = servers.start({ DATABASE_URL: `file:${dir}/assent.db`, ASSENT_DATA_DIR: dir, PORT: String(port), PAYLOAD_SECRET: '', ASSENT_ENV: 'local', SMTP_URL: 'smtp://mailer:hunter2@127.0.0.1:1' })
    const out = exited(server)
    await printed(server, /Assent is serving/)
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200)
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
    const env = { DATABASE_URL: `file:${dir}/assent.db`, ASSENT_DATA_DIR: dir, PAYLOAD_SECRET: '', ASSENT_ENV: 'local' }
    const port = await freePort()
    const first = servers.start({ ...env, PORT: String(port) })
    const firstOut = exited(first)
    await printed(first, /Assent is serving/)
    const health = await fetch(`http://127.0.0.1:${port}/healthz`)
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'sqlite' })
    const policies = (await (await fetch(`http://127.0.0.1:${port}/api/policies`)).json()) as { totalDocs: number }
    expect(policies.totalDocs).toBe(2)
    first.kill('SIGTERM')
    const { stdout } = await firstOut
    expect(stdout).toMatch(/First admin created: admin@example\.com \/ \S{12,}/)
    expect(stdout).toContain('Seeded the privacy policy')

    const second = servers.start({ ...env, PORT: String(await freePort()) })
    const secondOut = exited(second)
    await printed(second, /Assent is serving/)
    second.kill('SIGTERM')
    const again = await secondOut
    expect(again.stdout).not.toMatch(/First admin|Seeded|Migrating/)
  })
})

describe('the SQLite file in ASSENT_DATA_DIR', () => {
  it('stops an install whose database stayed at ./data/assent.db, and starts on that database once it is moved', async () => {
    // An install from before the file followed ASSENT_DATA_DIR: its key and secrets in the volume,
    // its database at ./data/assent.db beside the working folder.
    const folder = scratch()
    const volume = path.join(folder, 'volume')
    const local = { ASSENT_DATA_DIR: volume, PAYLOAD_SECRET: '', ASSENT_ENV: 'local' }
    const before = servers.start({ ...local, DATABASE_URL: 'file:./data/assent.db', PORT: String(await freePort()) }, folder)
    const beforeOut = exited(before)
    await printed(before, /Assent is serving/)
    before.kill('SIGTERM')
    expect((await beforeOut).stdout).toContain('Seeded the privacy policy')

    const refused = await exitedWithin(servers.start({ ...local, DATABASE_URL: '', PORT: String(await freePort()) }, folder), 30_000)
    expect(refused.code).toBe(1)
    expect(refused.stdout).toBe('')
    expect(refused.stderr.trim().split('\n')).toEqual([
      `assent: The SQLite database is at ${path.join(folder, 'data/assent.db')}, where Assent kept it before it followed ASSENT_DATA_DIR, and ${volume} holds none: ` +
        `stop Assent and move assent.db, with any assent.db-wal and assent.db-shm beside it, into ${volume}, or set DATABASE_URL=file:${path.join(folder, 'data/assent.db')} to keep it where it is.`,
    ])
    expect(existsSync(path.join(volume, 'assent.db'))).toBe(false)

    for (const file of readdirSync(path.join(folder, 'data'))) renameSync(path.join(folder, 'data', file), path.join(volume, file))
    const port = await freePort()
    const after = servers.start({ ...local, DATABASE_URL: '', PORT: String(port) }, folder)
    const afterOut = exited(after)
    await printed(after, /Assent is serving/)
    const policies = (await (await fetch(`http://127.0.0.1:${port}/api/policies`)).json()) as { totalDocs: number }
    after.kill('SIGTERM')
    const again = await afterOut
    expect(policies.totalDocs).toBe(2)
    expect(again.stdout).not.toMatch(/First admin|Seeded|Migrating/)
    expect(readdirSync(path.join(folder, 'data'))).toEqual([])
  })

  it('is made there on a first start, with nothing written beside the working folder', async () => {
    const folder = scratch()
    const volume = path.join(folder, 'volume')
    mkdirSync(volume)
    const port = await freePort()
    const server = servers.start({ ASSENT_DATA_DIR: volume, DATABASE_URL: '', PAYLOAD_SECRET: '', ASSENT_ENV: 'local', PORT: String(port) }, folder)
    const out = exited(server)
    await printed(server, /Assent is serving/)
    const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { database: string }
    server.kill('SIGTERM')
    await out
    expect(health.database).toBe('sqlite')
    expect(readdirSync(volume)).toEqual(expect.arrayContaining(['assent.db', 'ledger-signing-key.pem', 'payload-secret']))
    expect(readdirSync(folder)).toEqual(['volume'])
  })
})
