import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { parseRevisionFile, type RevisionFile } from '../src/formats/parseRevisionFile'
import { redline, sideOf } from '../src/domain/redline'
import { isAssentError } from '../src/errors/AssentError'
import { findVersion } from '../src/services/legalCenter/findVersion'
import { IMPORT_CONTEXT_FLAG } from '../src/services/publishing/freezeVersion'
import { importHistory, type ImportOptions } from '../src/services/publishing/importHistory'
import { markdownToBody } from '../src/services/publishing/lexicalMarkdown'
import { makePolicy, makeSubject } from './support/fixtures'
import { generateHistory } from './support/generateHistory'
import { loginStaff, requestAs } from './support/staff'
import { createTestDatabase, type TestDatabase } from './support/testDatabase'
import { startTestApp, type TestApp } from './support/testApp'

let app: TestApp
let request: ReturnType<typeof requestAs>
beforeAll(async () => {
  app = await startTestApp()
  request = requestAs(app.baseUrl, await loginStaff(app.payload, app.baseUrl))
})
afterAll(() => app?.close())

const REVISIONS = 40

describe('importing a long policy history', () => {
  const history = generateHistory(REVISIONS).map((r) => parseRevisionFile(r.name, r.markdown))

  /** How many revisions became versions: a revision whose edits leave the text as it was (a moved
   * blank line) repeats the version before it and is no new version. */
  let versions = 0

  it('publishes every revision that changes the text, oldest first, with its recorded effective date', async () => {
    expect(Math.min(...history.map((r) => r.markdown.length))).toBeGreaterThan(50_000)
    const result = await importHistory(app.payload, 'long-history', [...history].reverse(), { policy: { title: 'Privacy Policy', acceptanceMode: 'continued-use', noticePeriodDays: 30 } })
    versions = result.imported.length
    expect(versions).toBeGreaterThan(REVISIONS - 5)
    expect(result.imported.map((r) => r.version)).toEqual(Array.from({ length: versions }, (_, i) => i + 1))
    expect(result.sameText.map((r) => r.sameDate)).toEqual(Array(REVISIONS - versions).fill(false))
    const last = await findVersion(app.payload, 'long-history', versions)
    expect(last.version.effectiveAt).toBe(history.find((h) => h.name === result.imported.at(-1)!.file)!.effectiveAt.toISOString())
  }, 300_000)

  it('imports nothing twice when run again', async () => {
    const result = await importHistory(app.payload, 'long-history', history)
    expect(result.imported).toEqual([])
    expect(result.skipped).toHaveLength(versions)
    expect(result.sameText).toHaveLength(REVISIONS)
  }, 300_000)

  it('renders every consecutive redline so each side reads exactly as its version', async () => {
    for (let n = 1; n < versions; n++) {
      const res = await fetch(`${app.baseUrl}/api/v1/policies/long-history/diff?from=${n}&to=${n + 1}`)
      const diff = (await res.json()) as { blocks: Parameters<typeof sideOf>[0]['blocks']; changes: number }
      const [from, to] = await Promise.all([findVersion(app.payload, 'long-history', n), findVersion(app.payload, 'long-history', n + 1)])
      expect(sideOf({ blocks: diff.blocks, changeStarts: [] }, 'from')).toBe(from.version.text)
      expect(sideOf({ blocks: diff.blocks, changeStarts: [] }, 'to')).toBe(to.version.text)
      const page = await fetch(`${app.baseUrl}/legal/long-history/compare/${n}/${n + 1}`)
      expect(page.status).toBe(200)
    }
  }, 300_000)

  it('compares revisions far apart correctly too', async () => {
    const [first, last] = await Promise.all([findVersion(app.payload, 'long-history', 1), findVersion(app.payload, 'long-history', versions)])
    const result = redline(first.version.text!, last.version.text!)
    expect(sideOf(result, 'from')).toBe(first.version.text)
    expect(sideOf(result, 'to')).toBe(last.version.text)
    expect(result.changeStarts.length).toBeGreaterThan(20)
  })
})

const DAY_MS = 86_400_000
/** Midnight UTC `n` days from today. */
const day = (n: number) => new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS + n * DAY_MS)
const revision = (name: string, effectiveAt: Date, over: Partial<RevisionFile> = {}): RevisionFile => ({
  name,
  effectiveAt,
  markdown: `# Terms\n\nThe text of ${name}.\n`,
  changeClass: 'material',
  summary: `What changed in ${name}.`,
  ...over,
})
const choices = { title: 'Imported terms', acceptanceMode: 'clickwrap', noticePeriodDays: 30 } as const

/** Everything an import could write, counted: equal counts before and after mean nothing was. */
const written = async () => {
  const count = async (collection: 'policies' | 'policy-versions' | 'notices' | 'ledger-entries') => (await app.payload.count({ collection })).totalDocs
  return { policies: await count('policies'), versions: await count('policy-versions'), notices: await count('notices'), ledger: await count('ledger-entries') }
}

/** The refusal an import rejects with. */
async function refusalOf(slug: string, files: RevisionFile[], options?: ImportOptions) {
  const error = await importHistory(app.payload, slug, files, options).then(() => undefined, (e: unknown) => e)
  if (!isAssentError(error)) throw new Error(`expected a refusal, got ${String(error)}`)
  return { code: error.code, message: error.message, details: error.details }
}

/** A policy with one published version in force since 2020, and two subjects to tell of changes. */
async function policyWithHistory(over: Record<string, unknown> = {}) {
  const policy = await makePolicy(app.payload, over)
  await importHistory(app.payload, policy.slug, [revision('2020-01-01-terms.md', new Date('2020-01-01T00:00:00Z'))])
  await Promise.all([makeSubject(app.payload), makeSubject(app.payload)])
  return policy
}

const publishedOf = async (policyId: number | string) =>
  (await app.payload.find({ collection: 'policy-versions', where: { policy: { equals: policyId } }, sort: 'version', depth: 0, pagination: false })).docs

describe('imports cannot bypass the publishing rules', () => {
  it('refuses a revision dated in the future, naming the file, and writes nothing (not even the history before it)', async () => {
    const before = await written()
    const refusal = await refusalOf('upcoming-refused', [revision('2021-01-01-terms.md', new Date('2021-01-01T00:00:00Z')), revision('next-terms.md', day(40))], { policy: choices })
    expect(refusal.code).toBe('import_dated_in_future')
    expect(refusal.message).toMatch(/^next-terms\.md \(effective .*\) takes effect in the future/)
    expect(refusal.details).toMatchObject({ files: ['next-terms.md'] })
    expect(await written()).toEqual(before)
  })

  it('imports history as before: recorded dates, no notices, no notice-period check', async () => {
    const policy = await policyWithHistory()
    const result = await importHistory(app.payload, policy.slug, [revision('yesterday.md', day(-1))])
    expect(result.imported).toEqual([{ file: 'yesterday.md', version: 2, upcoming: false, notices: 0 }])
    const [, v2] = await publishedOf(policy.id)
    expect(v2.effectiveAt).toBe(day(-1).toISOString())
    expect((await app.payload.count({ collection: 'notices', where: { version: { equals: v2.id } } })).totalDocs).toBe(0)
  })

  it('with publishUpcoming, refuses a material revision inside the notice period with the publish API\'s code and message, writing nothing', async () => {
    const policy = await policyWithHistory()
    const before = await written()
    const refusal = await refusalOf(policy.slug, [revision('2020-06-01-terms.md', new Date('2020-06-01T00:00:00Z')), revision('soon.md', day(10))], { publishUpcoming: true })
    expect(await written()).toEqual(before)

    const api = await request('editor', 'POST', `/api/v1/policies/${policy.slug}/versions`, { markdown: '# Terms\n\nSoon.', changeClass: 'material', summary: 'Soon.', effectiveAt: day(10).toISOString() })
    const { error } = (await api.json()) as { error: { code: string; message: string } }
    const sameInstant = (message: string) => message.replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, '<instant>')
    expect(refusal.code).toBe(error.code)
    expect(refusal.code).toBe('effective_date_too_early')
    expect(sameInstant(refusal.message)).toBe(sameInstant(`soon.md: ${error.message}`))
    expect(await written()).toEqual(before)
  })

  it('with publishUpcoming, publishes an upcoming revision as an editor\'s publication: notices for every subject, a webhook delivery, a ledger entry', async () => {
    const policy = await policyWithHistory()
    await app.payload.create({ collection: 'webhook-endpoints', data: { url: 'https://example.com/hooks', events: ['version.published'] } as never })
    const subjects = (await app.payload.count({ collection: 'subjects' })).totalDocs
    const result = await importHistory(app.payload, policy.slug, [revision('2020-01-01-terms.md', new Date('2020-01-01T00:00:00Z')), revision('later.md', day(31))], { publishUpcoming: true })
    expect(result.skipped).toEqual(['2020-01-01-terms.md'])
    expect(result.imported).toEqual([{ file: 'later.md', version: 2, upcoming: true, notices: expect.any(Number) }])
    const [, v2] = await publishedOf(policy.id)
    expect(v2.effectiveAt).toBe(day(31).toISOString())
    const banners = await app.payload.count({ collection: 'notices', where: { and: [{ version: { equals: v2.id } }, { channel: { equals: 'banner' } }] } })
    expect(banners.totalDocs).toBe(subjects)
    expect(result.imported[0].notices).toBeGreaterThanOrEqual(subjects)
    expect((await app.payload.count({ collection: 'webhook-deliveries', where: { eventKey: { equals: `version.published:${v2.id}` } } })).totalDocs).toBe(1)
    const entries = await app.payload.find({ collection: 'ledger-entries', where: { kind: { equals: 'publication' } }, pagination: false, depth: 0 })
    expect(entries.docs.some((e) => (e.body as string).includes(String(v2.contentHash)))).toBe(true)
  })

  it('with publishUpcoming, holds an upcoming material revision to the two-person rule, writing nothing', async () => {
    const policy = await policyWithHistory({ requireSecondApproval: true })
    const before = await written()
    const refusal = await refusalOf(policy.slug, [revision('later.md', day(60))], { publishUpcoming: true })
    expect(refusal.code).toBe('approval_required')
    expect(refusal.message).toMatch(/^later\.md: /)
    expect(await written()).toEqual(before)
  })

  it('never lets trusted code\'s import flag publish an upcoming version quietly', async () => {
    const policy = await policyWithHistory()
    const body = (await markdownToBody(app.payload.config, '# Terms\n\nFlagged.')) as never
    const flagged = (effectiveAt: Date) =>
      app.payload.create({ collection: 'policy-versions', data: { policy: policy.id, body, changeClass: 'material', summary: 'Flagged.', effectiveAt: effectiveAt.toISOString(), _status: 'published' }, context: { [IMPORT_CONTEXT_FLAG]: true } })
    await expect(flagged(day(5))).rejects.toMatchObject({ code: 'effective_date_too_early' })
    const announced = await flagged(day(31))
    expect((await app.payload.count({ collection: 'notices', where: { version: { equals: announced.id } } })).totalDocs).toBeGreaterThan(0)
  })
})

describe('creating a policy by import', () => {
  it('refuses without the choices, naming each missing one, and creates nothing', async () => {
    const before = await written()
    const refusal = await refusalOf('unchosen', [revision('2020-01-01.md', new Date('2020-01-01T00:00:00Z'))])
    expect(refusal).toMatchObject({ code: 'validation_failed', details: { missing: ['title', 'acceptanceMode', 'noticePeriodDays'] } })
    const titled = [revision('2020-01-01.md', new Date('2020-01-01T00:00:00Z'), { title: 'Terms of Use' })]
    expect((await refusalOf('unchosen', titled, { policy: { acceptanceMode: 'continued-use' } })).details).toMatchObject({ missing: ['noticePeriodDays'] })
    expect(await written()).toEqual(before)
  })

  it('creates the policy with the chosen rules and the first front matter title', async () => {
    const files = [
      revision('2019-01-01.md', new Date('2019-01-01T00:00:00Z')),
      revision('2020-01-01.md', new Date('2020-01-01T00:00:00Z'), { title: 'Acceptable Use' }),
      revision('2021-01-01.md', new Date('2021-01-01T00:00:00Z'), { title: 'Renamed later' }),
    ]
    const result = await importHistory(app.payload, 'chosen', files, { policy: { acceptanceMode: 'continued-use', noticePeriodDays: 45 } })
    expect(result.created).toEqual({ title: 'Acceptable Use', acceptanceMode: 'continued-use', noticePeriodDays: 45 })
    const { docs } = await app.payload.find({ collection: 'policies', where: { slug: { equals: 'chosen' } }, depth: 0 })
    expect(docs[0]).toMatchObject({ title: 'Acceptable Use', acceptanceMode: 'continued-use', noticePeriodDays: 45 })
    expect(result.imported.map((r) => r.version)).toEqual([1, 2, 3])
  })

  it('needs no choices for an existing policy, and refuses ones that differ from it', async () => {
    const policy = await policyWithHistory()
    const before = await written()
    const refusal = await refusalOf(policy.slug, [revision('2021-01-01.md', new Date('2021-01-01T00:00:00Z'))], { policy: { acceptanceMode: 'continued-use', noticePeriodDays: 30 } })
    expect(refusal).toMatchObject({ code: 'validation_failed', details: { conflicting: [{ field: 'acceptanceMode', given: 'continued-use', existing: 'clickwrap' }] } })
    expect(await written()).toEqual(before)
    expect((await importHistory(app.payload, policy.slug, [revision('2021-01-01.md', new Date('2021-01-01T00:00:00Z'))])).imported).toHaveLength(1)
  })
})

/** Runs `npx assent import …` against `database`, as an operator would. */
describe('a file with the text of a version', () => {
  const spelled = (emphasis: string, trailing = '') => `# Terms\n\nWe keep ${emphasis}your${emphasis} data for 24 months.${trailing}\n`
  const at = (iso: string) => new Date(`${iso}T00:00:00Z`)
  /** The revision file `<date>-<name>.md`, in force from that date. */
  const file = (date: string, markdown: string, name = 'terms') => revision(`${date}-${name}.md`, at(date), { markdown })
  /** Imports `files` into a new policy. */
  const importNew = async (...files: RevisionFile[]) => {
    const policy = await makePolicy(app.payload)
    return { policy, result: await importHistory(app.payload, policy.slug, files) }
  }
  const versionsOf = async (policyId: number | string) => (await app.payload.count({ collection: 'policy-versions', where: { policy: { equals: policyId } } })).totalDocs

  it('spelled differently (_ for *, trailing blanks) on the same date is reported as the same text as that version, not published', async () => {
    const { policy } = await importNew(file('2020-01-01', spelled('*')))
    const result = await importHistory(app.payload, policy.slug, [file('2020-01-01', spelled('_', '   '), 'respelled')])
    expect(result.imported).toEqual([])
    expect(result.sameText).toEqual([{ file: '2020-01-01-respelled.md', version: 1, effectiveAt: at('2020-01-01'), sameDate: true }])
    expect(await versionsOf(policy.id)).toBe(1)
  })

  it('on a later date, right after that version, is reported and not published: it would change nothing', async () => {
    const { policy, result } = await importNew(file('2020-01-01', spelled('*')), file('2021-01-01', spelled('_', ' ')))
    expect(result.imported.map((i) => i.file)).toEqual(['2020-01-01-terms.md'])
    expect(result.sameText).toEqual([{ file: '2021-01-01-terms.md', version: 1, effectiveAt: at('2020-01-01'), sameDate: false }])
    expect(result.skipped).toEqual([])
    const again = await importHistory(app.payload, policy.slug, [file('2021-01-01', spelled('*'))])
    expect(again.sameText).toEqual([{ file: '2021-01-01-terms.md', version: 1, effectiveAt: at('2020-01-01'), sameDate: false }])
    expect(await versionsOf(policy.id)).toBe(1)
  })

  it('going back to an older version\'s text is a change, and is published', async () => {
    const { result } = await importNew(file('2020-01-01', spelled('*')), file('2021-01-01', '# Terms\n\nWe keep your data for 36 months.\n'), file('2022-01-01', spelled('_')))
    expect(result.imported.map((i) => i.version)).toEqual([1, 2, 3])
    expect(result.sameText).toEqual([])
  })
})

const importCli = (database: TestDatabase, dataDir: string) => (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/assent.js', 'import', ...args], { env: { ...process.env, DATABASE_URL: database.url, ASSENT_DATA_DIR: dataDir }, encoding: 'utf8' })

/** A folder of revision files. */
function folderOf(files: Record<string, string>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'assent-import-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true })
    writeFileSync(path.join(folder, name), content)
  }
  return folder
}

const FLAGS = ['--title', 'Terms', '--acceptance-mode', 'clickwrap', '--notice-period-days', '30']

describe('npx assent import', () => {
  let database: TestDatabase
  let assent: ReturnType<typeof importCli>
  beforeAll(async () => {
    database = await createTestDatabase({ shared: true })
    assent = importCli(database, mkdtempSync(path.join(tmpdir(), 'assent-import-data-')))
  })
  afterAll(() => database?.drop())

  /** Imports a folder of `files` into a new policy `slug`, then again as an operator running the
   * command twice would; both runs succeed. Returns what each printed. */
  const importTwice = (slug: string, files: Record<string, string>) => {
    const folder = folderOf(files)
    return [assent(slug, folder, ...FLAGS), assent(slug, folder)].map((run) => {
      expect(run.status, run.stderr).toBe(0)
      return run.stdout
    })
  }

  it('imports a folder once, then reports everything already present', () => {
    const [first, second] = importTwice('terms', {
      '2019-05-01-terms.md': '# Terms\n\nFirst terms.\n',
      '2020-06-01-terms.md': '# Terms\n\nSecond terms.\n',
      'later.md': '---\neffective: 2021-07-01\nchangeClass: material\nsummary: Adds a clause.\n---\n# Terms\n\nThird terms.\n',
    })
    expect(first).toContain('created policy "terms": Terms, clickwrap, 30 days\' notice for material changes')
    expect(first).toContain('3 imported, 0 already present')
    expect(second).toContain('0 imported, 3 already present')
  }, 240_000)

  it('says which version a file repeats, and publishes no duplicate of it', () => {
    const [first, second] = importTwice('rules', { '2019-05-01-rules.md': '# Rules\n\nBe *kind*.\n', '2020-06-01-rules.md': '# Rules\n\nBe _kind_.  \n' })
    expect(first).toContain('2020-06-01-rules.md: same text as version 1 (effective 2019-05-01), on another date: not published, as it changes nothing')
    expect(first).toContain('1 imported, 0 already present, 1 not published (same text as the version before) (policy "rules").')
    expect(second).toContain('2019-05-01-rules.md: same text as version 1, with the same date (2019-05-01): already present')
    expect(second).toContain('0 imported, 1 already present, 1 not published')
  }, 240_000)

  it('imports each date\'s translations, named for their language or in a folder per language, once', () => {
    const folder = folderOf({
      '2019-05-01.md': '# Charter\n\nFirst.\n',
      '2019-05-01.fr.md': '# Charte\n\nPremière.\n',
      '2020-06-01.md': '# Charter\n\nSecond.\n',
      'fr/2020-06-01.md': '# Charte\n\nDeuxième.\n',
    })
    const run = () => spawnSync(process.execPath, ['scripts/assent.js', 'import', 'charter', folder, ...FLAGS], { env: { ...process.env, DATABASE_URL: database.url, ASSENT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'assent-import-data-')), LOCALES: 'en,fr' }, encoding: 'utf8' })
    const first = run()
    expect(first.status, first.stderr).toBe(0)
    expect(first.stdout).toContain('imported 2019-05-01.fr.md as the fr translation of version 1')
    expect(first.stdout).toContain('imported fr/2020-06-01.md as the fr translation of version 2')
    expect(first.stdout).toContain('2 imported, 0 already present, 2 translations added')
    const again = run()
    expect(again.stdout).toContain('fr/2020-06-01.md: version 2 already has a fr text: already present')
    expect(again.stdout).toContain('0 imported, 2 already present, 0 translations added')
  }, 240_000)

  it('refuses a folder with an undated file, naming it, before touching the database', () => {
    const result = assent('terms', folderOf({ 'terms.md': '# Terms\n' }))
    expect(result.status).toBe(2)
    expect(result.stderr.trim()).toBe('assent: terms.md: no effective date; name the file 2020-02-10-….md or add front matter "effective: 2020-02-10".')
  }, 120_000)

  it('refuses unknown flags and bad flag values in one line naming the flag, before opening the database', async () => {
    const { importCommand } = await import('../src/cli/importCommand')
    const folder = folderOf({ '2020-01-01.md': '# Terms\n' })
    const cases: [string[], string][] = [
      [['--force'], 'assent: import has no option --force (it takes --publish-upcoming, --title, --acceptance-mode, --notice-period-days).'],
      [['--acceptance-mode', 'implied'], 'assent: --acceptance-mode must be clickwrap or continued-use.'],
      [['--notice-period-days', 'thirty'], 'assent: --notice-period-days must be a whole number of days from 0 to 365.'],
      [['--notice-period-days', '400'], 'assent: --notice-period-days must be a whole number of days from 0 to 365.'],
      [['--title', '--acceptance-mode', 'clickwrap'], 'assent: --title needs a value before --acceptance-mode.'],
      [['--title'], 'assent: --title needs the policy\'s title.'],
      [['--publish-upcoming=yes'], 'assent: --publish-upcoming takes no value.'],
    ]
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      for (const [flags, line] of cases) {
        errors.mockClear()
        expect(await importCommand.run(['handbook', folder, ...flags]), flags.join(' ')).toBe(2)
        expect(errors.mock.calls, flags.join(' ')).toEqual([[line]])
      }
    } finally {
      errors.mockRestore()
    }
  })

  describe('a policy with an upcoming revision', () => {
    const folder = folderOf({
      '2020-01-01-handbook.md': '---\ntitle: Staff Handbook\n---\n# Handbook\n\nFirst.\n',
      'next.md': `---\neffective: ${day(40).toISOString().slice(0, 10)}\nchangeClass: material\nsummary: Adds remote work.\n---\n# Handbook\n\nSecond.\n`,
    })

    it('is not created without the choices: the missing flags are named, exit 2', () => {
      const result = assent('handbook', folder, '--publish-upcoming')
      expect(result.status).toBe(2)
      expect(result.stderr).toBe('assent: no policy "handbook" yet: to create it, give --acceptance-mode clickwrap|continued-use, --notice-period-days <days>.\n')
    }, 120_000)

    it('is refused for its file dated in the future, named, without --publish-upcoming', () => {
      const result = assent('handbook', folder, '--acceptance-mode', 'continued-use', '--notice-period-days', '30')
      expect(result.status).toBe(2)
      expect(result.stderr).toMatch(/^assent: next\.md \(effective \S+\) takes effect in the future: .* run the import again with --publish-upcoming\.\n$/)
    }, 120_000)

    it('is created with --publish-upcoming, history imported and the upcoming revision published through the rules (nothing was written before)', () => {
      const result = assent('handbook', folder, '--acceptance-mode', 'continued-use', '--notice-period-days', '30', '--publish-upcoming')
      expect(result.status, result.stderr).toBe(0)
      expect(result.stdout.split('\n')).toEqual([
        'created policy "handbook": Staff Handbook, continued-use, 30 days\' notice for material changes',
        'imported 2020-01-01-handbook.md as version 1',
        'published next.md as upcoming version 2 through the publishing rules: 0 notices queued',
        '2 imported, 0 already present (policy "handbook").',
        '',
      ])
    }, 120_000)

    it('refuses a flag that would change the existing policy, and needs none to import again', () => {
      const changed = assent('handbook', folder, '--acceptance-mode', 'clickwrap')
      expect([changed.status, changed.stderr]).toEqual([2, 'assent: policy "handbook" exists and an import does not change it: --acceptance-mode clickwrap (it has continued-use); leave the flag out, or change the policy in the admin.\n'])
      const again = assent('handbook', folder)
      expect(again.status, again.stderr).toBe(0)
      expect(again.stdout).toContain('0 imported, 2 already present')
    }, 120_000)
  })
})
