import { spawnSync } from 'node:child_process'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { openDirectDatabase, type DirectDatabase } from '../../src/db/directQuery'
import { createApiKey } from '../../src/services/staff/apiKeys'
import { createCheckpoint } from '../../src/services/ledger/createCheckpoint'
import { issueBannerToken } from '../../src/services/subjects/subjectTokens'
import { upsertSubjects } from '../../src/services/subjects/upsertSubjects'
import { makePolicy, makeVersion } from '../support/fixtures'
import { loginStaff } from '../support/staff'
import { startTestApp, type TestApp } from '../support/testApp'
import { recordFigure } from './figures'

// Published versions and acceptances are evidence: no caller changes or deletes them by any path,
// and an edit made straight in the database is caught by `npx assent ledger:verify`.
let app: TestApp
let db: DirectDatabase
let headers: Record<string, Record<string, string>>
let policyId: number | string
let versionId: number | string
let acceptanceId: number | string
let historyId: number | string

beforeAll(async () => {
  // A file on SQLite: the ledger:verify command opens the database from its own process.
  app = await startTestApp({ sharedDatabase: true })
  db = await openDirectDatabase(app.database.url)
  const tokens = await loginStaff(app.payload, app.baseUrl)
  const policy = await makePolicy(app.payload, { title: 'Evidence terms' })
  policyId = policy.id
  const version = await makeVersion(app.payload, policy.id, { _status: 'published' }, '# Terms\n\nThe accepted text.')
  versionId = version.id
  historyId = (await app.payload.findVersions({ collection: 'policy-versions', where: { parent: { equals: version.id } }, limit: 1 })).docs[0].id
  await upsertSubjects(app.payload, [{ externalId: 'evidence-subject', email: 'evidence@example.com' }])
  const integration = await createApiKey(app.payload, 'evidence host', 'integration')
  const accepted = await fetch(`${app.baseUrl}/api/v1/acceptances`, {
    method: 'POST',
    headers: { authorization: `Bearer ${integration.key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ subject: 'evidence-subject', versions: [{ policy: policy.slug, version: 1, contentHash: version.contentHash }] }),
  })
  expect(accepted.status).toBe(201)
  acceptanceId = (await app.payload.find({ collection: 'acceptances', limit: 1 })).docs[0].id
  await createCheckpoint(app.payload)
  const audit = await createApiKey(app.payload, 'evidence audit', 'audit')
  headers = {
    anonymous: {},
    'subject token': { authorization: `Bearer ${issueBannerToken(app.payload, 'evidence-subject', new Date()).token}` },
    'integration key': { authorization: `Bearer ${integration.key}` },
    'audit key': { authorization: `Bearer ${audit.key}` },
    editor: { authorization: `JWT ${tokens.editor}` },
    auditor: { authorization: `JWT ${tokens.auditor}` },
    admin: { authorization: `JWT ${tokens.admin}` },
  }
})
afterAll(async () => {
  await db?.close()
  await app?.close()
})

/** Everything that must never change, as the database holds it. */
async function evidence(): Promise<string> {
  const versions = await db.query('select id, version, text, html, content_hash, summary, change_class, effective_at, published_at, policy_id from policy_versions where id = ?', [versionId])
  const acceptances = await db.query('select * from acceptances order by id', [])
  const ledger = await db.query('select seq, body, leaf_hash from ledger_entries order by seq', [])
  const checkpoints = await db.query('select * from ledger_checkpoints order by id', [])
  return JSON.stringify({ versions, acceptances, ledger, checkpoints }, (_k, v) => (v instanceof Date ? v.toISOString() : v))
}

const attempts: Array<[string, string, string, unknown?]> = [
  ['edit the published version', 'PATCH', '/api/policy-versions/$V', { summary: 'rewritten', text: 'forged' }],
  ['save a draft over it', 'PATCH', '/api/policy-versions/$V?draft=true', { summary: 'rewritten' }],
  ['unpublish it', 'PATCH', '/api/policy-versions/$V', { _status: 'draft' }],
  ['publish it again', 'PATCH', '/api/policy-versions/$V', { _status: 'published' }],
  ['delete it', 'DELETE', '/api/policy-versions/$V'],
  ['delete it by query', 'DELETE', '/api/policy-versions?where[id][equals]=$V'],
  ['edit every version by query', 'PATCH', '/api/policy-versions?where[policy][equals]=$P', { summary: 'bulk rewrite' }],
  ['restore an older draft over it', 'POST', '/api/policy-versions/versions/$H'],
  ['delete its policy', 'DELETE', '/api/policies/$P'],
  ['edit the acceptance', 'PATCH', '/api/acceptances/$A', { contentHash: 'f'.repeat(64) }],
  ['delete the acceptance', 'DELETE', '/api/acceptances/$A'],
  ['delete acceptances by query', 'DELETE', '/api/acceptances?where[id][exists]=true'],
  ['edit the ledger', 'PATCH', '/api/ledger-entries?where[seq][exists]=true', { body: '{}' }],
  ['delete the ledger', 'DELETE', '/api/ledger-entries?where[seq][exists]=true'],
  ['delete checkpoints', 'DELETE', '/api/ledger-checkpoints?where[id][exists]=true'],
  ['GraphQL: edit the version', 'POST', '/api/graphql', { query: 'mutation { updatePolicyVersion(id: $V, data: { summary: "rewritten" }) { id } }' }],
  ['GraphQL: delete the version', 'POST', '/api/graphql', { query: 'mutation { deletePolicyVersion(id: $V) { id } }' }],
  ['GraphQL: edit the acceptance', 'POST', '/api/graphql', { query: 'mutation { updateAcceptance(id: $A, data: { method: api }) { id } }' }],
  ['GraphQL: delete the acceptance', 'POST', '/api/graphql', { query: 'mutation { deleteAcceptance(id: $A) { id } }' }],
]

describe('published versions and acceptances cannot be changed or deleted', () => {
  it('by any of 7 callers through REST, GraphQL or a bulk query', async () => {
    const before = await evidence()
    const fill = (text: string) => text.replaceAll('$V', String(versionId)).replaceAll('$P', String(policyId)).replaceAll('$A', String(acceptanceId)).replaceAll('$H', String(historyId))
    let tried = 0
    let serverErrors = 0
    for (const [caller, auth] of Object.entries(headers)) {
      for (const [, method, path, body] of attempts) {
        const res = await fetch(`${app.baseUrl}${fill(path)}`, {
          method,
          headers: { ...auth, ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? fill(JSON.stringify(body)) : undefined,
        })
        tried++
        if (res.status >= 500) serverErrors++
        expect(res.status, `${caller} ${method} ${path}`).toBeLessThan(500)
      }
    }
    const changed = (await evidence()) !== before
    recordFigure('Immutability', 'attempts to change evidence (7 callers × 19 paths)', tried)
    recordFigure('Immutability', 'attempts that changed evidence', changed ? 1 : 0, 0)
    recordFigure('Immutability', 'attempts answered 5xx', serverErrors, 0)
    expect(changed).toBe(false)
  })

  it('by trusted server code with access overridden (Local API)', async () => {
    const before = await evidence()
    const local = [
      () => app.payload.update({ collection: 'policy-versions', id: versionId, data: { summary: 'rewritten' } }),
      () => app.payload.update({ collection: 'policy-versions', id: versionId, data: { _status: 'draft' } }),
      () => app.payload.delete({ collection: 'policy-versions', id: versionId }),
      () => app.payload.update({ collection: 'acceptances', id: acceptanceId, data: { method: 'api' } }),
      () => app.payload.delete({ collection: 'acceptances', id: acceptanceId }),
      () => app.payload.update({ collection: 'ledger-entries', where: { seq: { exists: true } }, data: { body: '{}' } }),
      () => app.payload.delete({ collection: 'ledger-entries', where: { seq: { exists: true } } }),
    ]
    let through = 0
    for (const attempt of local) {
      const outcome = await attempt().then(
        (result) => ((result as { errors?: unknown[] }).errors?.length ? 'refused' : 'done'),
        () => 'refused',
      )
      if (outcome === 'done') through++
    }
    const changed = (await evidence()) !== before
    recordFigure('Immutability', 'Local API attempts with access overridden', local.length)
    recordFigure('Immutability', 'Local API attempts that changed evidence', changed ? Math.max(through, 1) : 0, 0)
    expect(changed).toBe(false)
  })
})

describe('a direct database edit is caught by ledger:verify', () => {
  const verify = () =>
    spawnSync(process.execPath, ['scripts/assent.js', 'ledger:verify'], {
      env: { ...process.env, DATABASE_URL: app.database.url },
      encoding: 'utf8',
    })

  it('names what was edited, for each kind of edit', async () => {
    const clean = verify()
    expect(clean.status, clean.stderr).toBe(0)
    expect(clean.stdout).toMatch(/Records match the ledger: 1 acceptance,/)

    const [acceptance] = await db.query('select content_hash, accepted_at from acceptances where id = ?', [acceptanceId])
    const [version] = await db.query('select text from policy_versions where id = ?', [versionId])
    const [entry] = await db.query('select body from ledger_entries where seq = 1', [])
    const edits: Array<{ name: string; edit: () => Promise<unknown>; undo: () => Promise<unknown>; names: RegExp }> = [
      {
        name: "an acceptance's content hash",
        edit: () => db.query('update acceptances set content_hash = ? where id = ?', ['0'.repeat(64), acceptanceId]),
        undo: () => db.query('update acceptances set content_hash = ? where id = ?', [acceptance.content_hash, acceptanceId]),
        names: new RegExp(`acceptance ${acceptanceId} differs from ledger entry \\d+ in: contentHash`),
      },
      {
        name: "an acceptance's time",
        edit: () => db.query('update acceptances set accepted_at = ? where id = ?', [app.database.kind === 'postgres' ? '2001-01-01T00:00:00Z' : '2001-01-01T00:00:00.000Z', acceptanceId]),
        undo: () => db.query('update acceptances set accepted_at = ? where id = ?', [acceptance.accepted_at, acceptanceId]),
        names: new RegExp(`acceptance ${acceptanceId} differs from ledger entry \\d+ in: acceptedAt`),
      },
      {
        name: "a published version's text",
        edit: () => db.query('update policy_versions set text = ? where id = ?', ['# Terms\n\nA different text.', versionId]),
        undo: () => db.query('update policy_versions set text = ? where id = ?', [version.text, versionId]),
        names: /FAILED/,
      },
      {
        name: 'a ledger entry',
        edit: () => db.query('update ledger_entries set body = ? where seq = 1', [String(entry.body).replace('"v":1', '"v":2')]),
        undo: () => db.query('update ledger_entries set body = ? where seq = 1', [entry.body]),
        names: /first bad entry: 1/,
      },
      {
        name: 'an acceptance deleted',
        edit: () => db.query('delete from acceptances where id = ?', [acceptanceId]),
        undo: async () => undefined,
        names: new RegExp(`records acceptance ${acceptanceId}, which is missing`),
      },
    ]
    let caught = 0
    for (const { name, edit, undo, names } of edits) {
      await edit()
      const result = verify()
      const said = `${result.stdout}${result.stderr}`
      if (result.status === 1 && names.test(said)) caught++
      expect(result.status, `${name}: ${said}`).toBe(1)
      expect(said, name).toMatch(names)
      await undo()
    }
    recordFigure('Immutability', 'direct database edits made', edits.length)
    recordFigure('Immutability', 'direct database edits caught by ledger:verify', caught, edits.length)
  }, 180_000)
})
