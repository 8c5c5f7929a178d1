import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { authCookies } from '../../src/config/authCookies'
import { ConfigError } from '../../src/config/ConfigError'
import { ensureDataFolder, ensureFolder } from '../../src/config/ensureFolder'
import { payloadSecret } from '../../src/config/env'
import { listenFailure } from '../../src/config/listenFailure'
import { checkSecrets, secretProblems } from '../../src/config/productionSecrets'
import { ADMIN_PASSWORD, SIGNING_SECRET, secretWeakness } from '../../src/config/secretStrength'
import { checkDatabase } from '../../src/db/checkDatabase'

const strong = 'b1946ac92492d2347c6235b4d2611184a3f0e1c7d9b8e6f5'
const ed25519 = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string
const production = { PAYLOAD_SECRET: strong, LEDGER_SIGNING_KEY: ed25519 }

describe('secret strength', () => {
  it('accepts what openssl rand -hex 32 and -base64 32 print', () => {
    expect(secretWeakness('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', SIGNING_SECRET)).toBeUndefined()
    expect(secretWeakness('q3Zr8vKx1mN0pL7sT2wY5uB9cE4gH6jA+oQ/dF3iR8k=', SIGNING_SECRET)).toBeUndefined()
  })

  it('refuses a short secret, saying how long it is and must be', () => {
    expect(secretWeakness('x', SIGNING_SECRET)).toBe('has 1 character, fewer than 32')
    expect(secretWeakness('a-31-character-secret-abcdefghi', SIGNING_SECRET)).toBe('has 31 characters, fewer than 32')
  })

  it('refuses a long secret made of few characters', () => {
    expect(secretWeakness('a'.repeat(64), SIGNING_SECRET)).toBe('uses only 1 different characters, fewer than 10')
    expect(secretWeakness('ab'.repeat(20), SIGNING_SECRET)).toBe('uses only 2 different characters, fewer than 10')
  })

  it('refuses a long secret that repeats a shorter one, even cut short', () => {
    expect(secretWeakness('0123456789'.repeat(4), SIGNING_SECRET)).toBe('repeats the same 10 characters')
    expect(secretWeakness('changeme-12'.repeat(3).slice(0, 32), SIGNING_SECRET)).toBe('repeats the same 11 characters')
  })

  it('asks less of an admin password than of a signing secret', () => {
    expect(secretWeakness('correct horse battery', ADMIN_PASSWORD)).toBeUndefined()
    expect(secretWeakness('admin', ADMIN_PASSWORD)).toBe('has 5 characters, fewer than 12')
  })
})

describe('the secrets a production start needs', () => {
  it('has nothing to say about strong secrets and a real Ed25519 key', () => {
    expect(secretProblems({ ...production, ASSENT_ADMIN_PASSWORD: 'a long admin password' }, true)).toEqual([])
  })

  it('refuses PAYLOAD_SECRET=x, which let anyone forge banner tokens', () => {
    expect(secretProblems({ ...production, PAYLOAD_SECRET: 'x' }, true)).toEqual([
      'PAYLOAD_SECRET is too weak for production (it has 1 character, fewer than 32): set it to a long random string (openssl rand -hex 32).',
    ])
  })

  it('names every problem at once: missing secret, missing key, weak admin password', () => {
    expect(secretProblems({ ASSENT_ADMIN_PASSWORD: 'password' }, true)).toEqual([
      'PAYLOAD_SECRET is required in production: set it to a long random string (openssl rand -hex 32).',
      'LEDGER_SIGNING_KEY is required in production: an Ed25519 private key in PEM (openssl genpkey -algorithm ed25519).',
      'ASSENT_ADMIN_PASSWORD is too weak for production (it has 8 characters, fewer than 12): choose a longer one, or unset it and Assent generates one and prints it once.',
    ])
  })

  it('refuses a ledger key that is not Ed25519, in production and outside it', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string
    expect(secretProblems({ ...production, LEDGER_SIGNING_KEY: rsa }, true)).toEqual([expect.stringMatching(/^LEDGER_SIGNING_KEY is an rsa key, not Ed25519: generate one/)])
    expect(secretProblems({ LEDGER_SIGNING_KEY: 'not a key' }, false)).toEqual([expect.stringMatching(/^LEDGER_SIGNING_KEY is not a PEM private key/)])
  })

  it('accepts a ledger key written on one line with \\n, as env files hold it', () => {
    expect(secretProblems({ ...production, LEDGER_SIGNING_KEY: ed25519.replace(/\n/g, '\\n') }, true)).toEqual([])
  })

  it('lets a local start generate what is missing and use short secrets', () => {
    expect(secretProblems({ PAYLOAD_SECRET: 'x', ASSENT_ADMIN_PASSWORD: 'admin' }, false)).toEqual([])
  })

  it('throws one ConfigError with a line per problem', () => {
    expect(() => checkSecrets({}, true)).toThrow(ConfigError)
    expect(() => checkSecrets({}, true)).toThrow(/^PAYLOAD_SECRET is required in production.*\nLEDGER_SIGNING_KEY is required/)
  })

  it('gives Payload no weak secret in production whatever entry point asks (server, CLI)', () => {
    const env = { ...process.env, ASSENT_ENV: 'production', PAYLOAD_SECRET: 'x', ASSENT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'assent-secret-')) }
    expect(() => payloadSecret(env)).toThrow(/^PAYLOAD_SECRET is too weak for production/)
    expect(payloadSecret({ ...env, PAYLOAD_SECRET: strong })).toBe(strong)
  })
})

describe('staff session cookies', () => {
  it('are Secure when the public URL is https', () => {
    expect(authCookies('https://legal.example.com')).toEqual({ secure: true, sameSite: 'Lax' })
  })

  it('are not Secure on plain http, so a local start can log in', () => {
    expect(authCookies('http://localhost:3000').secure).toBe(false)
  })
})

describe('a port the server cannot listen on', () => {
  const error = (code: string) => Object.assign(new Error(`listen ${code}`), { code })

  it('names the port in use and the setting to change', () => {
    expect(listenFailure(error('EADDRINUSE'), 3000).message).toBe('port 3000 is in use by another program: stop it, or set PORT to a free port.')
  })

  it('says a low port needs privileges', () => {
    expect(listenFailure(error('EACCES'), 80).message).toMatch(/^port 80 needs privileges this user lacks: set PORT to 1024 or above/)
  })
})

describe('folders Assent writes in', () => {
  it('creates missing parents one level at a time', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'assent-folder-')), 'a', 'b', 'c')
    ensureFolder(dir)
    expect(() => ensureFolder(dir)).not.toThrow()
  })

  it('fails with the file system error when a parent is a file', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'assent-folder-')), 'plain-file')
    writeFileSync(file, '')
    expect(() => ensureFolder(path.join(file, 'data'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }))
  })

  it('turns a data folder that cannot be made into one line naming it and ASSENT_DATA_DIR', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'assent-folder-')), 'plain-file')
    writeFileSync(file, '')
    expect(() => ensureDataFolder(file)).toThrow(new ConfigError(`Cannot write the data folder ${file} (ENOTDIR: ${file} is a file, not a folder): set ASSENT_DATA_DIR to a writable folder or fix its permissions.`))
  })
})

describe('the SQLite file of DATABASE_URL', () => {
  it('is created where a writable folder allows', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'assent-sqlite-'))
    await expect(checkDatabase(`file:${dir}/new/assent.db`)).resolves.toBeUndefined()
  })

  it('stops start-up with one line when its folder takes no files (/proc), even for root', async () => {
    await expect(checkDatabase('file:/proc/assent.db')).rejects.toThrow(/^Cannot (write|open) the SQLite database (in \/proc|\/proc\/assent\.db) \(.+\): fix DATABASE_URL/)
  })
})
