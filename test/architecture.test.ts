import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

// The layering rules of STYLE.md, checked over the import lines of every file under src/ and
// collections/: a forbidden arrow fails here rather than waiting for a reviewer to notice it.

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SOURCE_FOLDERS = ['src', 'collections']
const SOURCE_FILE = /\.(ts|tsx|js|mjs|cjs)$/

/** tsconfig `paths`: an alias resolves like a relative import. */
const ALIASES: Record<string, string> = { '@payload-config': 'src/payload.config' }

/** What `src/domain` may import besides itself: Node's pure modules and the npm libraries it uses today. */
const DOMAIN_MAY_IMPORT = [
  'node:crypto', // hashes and signatures
  'node:net', // IP address parsing for outbound URL checks
  '@jest/diff-sequences', // the diff under redlines
  'canonicalize', // JSON canonicalization for digests
  'htmlparser2', // HTML trees for redlines
  'marked', // Markdown to HTML
  'sanitize-html', // the HTML that Markdown may produce
  'yaml', // front matter of imported revisions
  'zod', // the export filter schema
]

/** Database drivers and adapter internals: only the storage seam may import them. */
const DRIVER = /^(@libsql\/|libsql$|better-sqlite3$|pg$|pg\/|mongodb$|mongodb\/|mongoose$|mongoose\/|drizzle-orm$|drizzle-orm\/|@payloadcms\/db-)/

/** The storage seam. Migrations belong to it: `payload migrate:create` generates them against one adapter each. */
const STORAGE_SEAM = ['src/db/', 'src/store/', 'src/migrations/']

/** An import from one file: `to` is a repository path without extension for a relative import, else the bare specifier. */
interface Arrow {
  from: string
  to: string
}

/** A forbidden arrow that stays for now, with why. Remove the entry with the arrow: a stale entry fails the test. */
interface Allowed extends Arrow {
  reason: string
}

const ALLOWED: Allowed[] = [
  { from: 'src/store/evidence/mongoExportRows.ts', to: 'src/services/subjects/findSubject', reason: "MongoDB's export resolves its subject filter with the use case's refusals (400 for a malformed id, its 404 wording); SQL answers in SQL" },
]

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && SOURCE_FILE.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
}

// Import lines: `import … from`, `export … from` (also over several lines and `type`-only), bare
// `import '…'` and `import('…')`. Over src/ they find what TypeScript's own scanner finds.
const STATIC_IMPORT = /^[ \t]*(?:import|export)\b[^'"`;]*?\bfrom\s*(['"])([^'"]+)\1/gm
const BARE_IMPORT = /^[ \t]*import\s*(['"])([^'"]+)\1/gm
const DYNAMIC_IMPORT = /\bimport\s*\(\s*(['"])([^'"]+)\1\s*\)/g

/** Every import of a file, relative ones (and aliases) resolved to repository paths. */
function arrowsOf(file: string): Arrow[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8')
  const specifiers = [STATIC_IMPORT, BARE_IMPORT, DYNAMIC_IMPORT].flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[2]!))
  return specifiers.map((specifier) => {
    const target = ALIASES[specifier] ?? (specifier.startsWith('.') ? path.posix.join(path.posix.dirname(file), specifier) : undefined)
    return { from: file, to: target ?? specifier }
  })
}

const isLocal = (to: string) => SOURCE_FOLDERS.some((folder) => to === folder || to.startsWith(`${folder}/`))
const under = (file: string, folder: string) => file.startsWith(`${folder}/`)

/** Why an arrow is forbidden, or null when it is allowed. */
function forbidden({ from, to }: Arrow): string | null {
  if (under(from, 'src/domain')) {
    if (isLocal(to) ? !under(to, 'src/domain') : !DOMAIN_MAY_IMPORT.includes(to)) return 'src/domain imports only src/domain and pure libraries'
  }
  if (under(from, 'src/services') && under(to, 'src/http')) return 'src/services never imports src/http'
  const inSeam = STORAGE_SEAM.some((seam) => from.startsWith(seam))
  if (DRIVER.test(to) && !inSeam) return 'only the storage seam imports database drivers and adapter internals'
  if (under(to, 'src/db') && !inSeam) return 'only the storage seam reaches below it into src/db'
  // Migrations may run a use case once (binding published versions into the ledger); stores never do.
  if ((under(from, 'src/store') || under(from, 'src/db')) && (under(to, 'src/services') || under(to, 'src/http'))) return 'the storage seam never imports use cases or routes'
  return null
}

const key = ({ from, to }: Arrow) => `${from} -> ${to}`

describe('architecture', () => {
  const files = SOURCE_FOLDERS.flatMap(sourceFiles)
  const violations = [...new Set(files.flatMap(arrowsOf).filter((arrow) => forbidden(arrow)).map(key))].sort()

  it('reads the import lines of every source file', () => {
    expect(files.length).toBeGreaterThan(300)
    expect(arrowsOf('src/services/redline/renderRedline.ts').map((arrow) => arrow.to)).toContain('src/render/redlineHtml')
    expect(arrowsOf('src/services/publishing/lexicalMarkdown.ts').map((arrow) => arrow.to)).toContain('@payloadcms/richtext-lexical')
    expect(arrowsOf('src/startPayload.ts').map((arrow) => arrow.to)).toContain('src/payload.config')
  })

  it('has no forbidden import arrow beyond the allowlist', () => {
    const allowed = new Set(ALLOWED.map(key))
    expect(violations.filter((v) => !allowed.has(v))).toEqual([])
  })

  it('has no allowlist entry whose arrow is gone, so the allowlist only shrinks', () => {
    expect(ALLOWED.map(key).filter((entry) => !violations.includes(entry))).toEqual([])
  })

  it('refuses each kind of forbidden arrow and allows the seam', () => {
    expect(forbidden({ from: 'src/domain/redline.ts', to: 'payload' })).not.toBeNull()
    expect(forbidden({ from: 'src/domain/redline.ts', to: 'src/services/redline/renderRedline' })).not.toBeNull()
    expect(forbidden({ from: 'src/domain/redline.ts', to: 'src/domain/htmlTree' })).toBeNull()
    expect(forbidden({ from: 'src/services/audit/buildEvidencePack.ts', to: 'src/http/createApp' })).not.toBeNull()
    expect(forbidden({ from: 'src/services/audit/buildEvidencePack.ts', to: 'src/render/redlineHtml' })).toBeNull()
    expect(forbidden({ from: 'collections/Policies/index.ts', to: '@payloadcms/db-sqlite' })).not.toBeNull()
    expect(forbidden({ from: 'src/cli/run.ts', to: '@libsql/client' })).not.toBeNull()
    expect(forbidden({ from: 'src/db/directQuery.ts', to: '@libsql/client' })).toBeNull()
    expect(forbidden({ from: 'src/store/acceptances.ts', to: 'pg' })).toBeNull()
    expect(forbidden({ from: 'src/cli/exportCommand.ts', to: 'src/db/directQuery' })).not.toBeNull()
    expect(forbidden({ from: 'src/store/evidence/index.ts', to: 'src/db/directQuery' })).toBeNull()
    expect(forbidden({ from: 'src/store/outbox/sqlOutbox.ts', to: 'src/services/notices/enqueueNotices' })).not.toBeNull()
    expect(forbidden({ from: 'src/store/outbox/sqlOutbox.ts', to: 'src/http/createApp' })).not.toBeNull()
  })
})
