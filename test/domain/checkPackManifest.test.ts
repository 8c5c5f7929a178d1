import { generateKeyPairSync } from 'node:crypto'

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { checkPackManifest, type PackListing } from '../../src/domain/checkPackManifest'
import { fileHash, isPackPath, MANIFEST_FILE, signPackManifest } from '../../src/domain/packManifest'

const key = generateKeyPairSync('ed25519')
const other = generateKeyPairSync('ed25519')

const PACK = new Map([
  ['evidence.json', '{"format":"assent-evidence/1"}\n'],
  ['report.html', '<h1>Evidence</h1>\n'],
  ['README.txt', 'Assent evidence pack\n'],
  ['versions/ab.md', 'We keep your data for 30 days.\n'],
])

/** The pack as a folder holds it: its files and the signed manifest, hashed. */
function folder(files: ReadonlyMap<string, string> = PACK, privateKey = key.privateKey): { manifest: string; listing: Map<string, string | null> } {
  const manifest = `${JSON.stringify(signPackManifest(files, privateKey), null, 2)}\n`
  const listing = new Map<string, string | null>([...files].map(([name, content]) => [name, fileHash(content)]))
  listing.set(MANIFEST_FILE, fileHash(manifest))
  return { manifest, listing }
}

const check = (manifest: string | undefined, listing: PackListing) => checkPackManifest(manifest, listing, key.publicKey)

describe('the signed manifest of an evidence pack', () => {
  it('covers an untouched pack: every file, the manifest included', () => {
    const { manifest, listing } = folder()
    expect(check(manifest, listing)).toEqual({ status: 'verified', problems: [], files: 5 })
  })

  it('names a file whose bytes changed', () => {
    const { manifest, listing } = folder()
    listing.set('report.html', fileHash('<h1>Evidence</h1><p>She agreed to everything.</p>\n'))
    expect(check(manifest, listing)).toMatchObject({ status: 'failed', problems: ['report.html does not hash to what manifest.json lists: it was changed'] })
  })

  it('names a file added anywhere, and a file removed', () => {
    const { manifest, listing } = folder()
    listing.set('redlines/privacy-1-2.html', fileHash('<ins>forged</ins>'))
    listing.delete('versions/ab.md')
    expect(check(manifest, listing).problems).toEqual([
      'redlines/privacy-1-2.html is not in manifest.json: it was added',
      'versions/ab.md is listed in manifest.json but missing: it was removed',
    ])
  })

  it('names the manifest when it was edited to match an edited file', () => {
    const { manifest, listing } = folder()
    const edited = JSON.parse(manifest)
    edited.files['report.html'] = fileHash('<h1>Forged</h1>\n')
    listing.set('report.html', fileHash('<h1>Forged</h1>\n'))
    expect(check(JSON.stringify(edited), listing).problems).toEqual(['manifest.json is not signed by the key that signed the checkpoint: it was changed'])
  })

  it('names the manifest when it was signed again with another key', () => {
    const { manifest, listing } = folder(PACK, other.privateKey)
    expect(check(manifest, listing).problems).toEqual(['manifest.json is not signed by the key that signed the checkpoint: it was changed'])
  })

  it('names the manifest when it is not a manifest, or names a path outside the pack', () => {
    const { manifest, listing } = folder()
    expect(check('{"format":"x"}', listing)).toMatchObject({ status: 'failed', problems: ['manifest.json is not an assent-evidence-manifest/1 manifest: it was changed'] })
    const escaping = JSON.parse(manifest)
    escaping.files['../etc/passwd'] = fileHash('')
    expect(check(JSON.stringify(escaping), listing).status).toBe('failed')
  })

  it('fails a pack without a manifest, naming the files nothing covers', () => {
    const { listing } = folder()
    listing.delete(MANIFEST_FILE)
    expect(check(undefined, listing)).toEqual({
      status: 'missing',
      files: 0,
      problems: ["manifest.json is missing, so nothing covers README.txt, evidence.json, report.html, versions/ab.md (packs made before Assent signed a manifest have none; ask the operator for a new pack)"],
    })
  })

  it('names a link or device in place of a file', () => {
    const { manifest, listing } = folder()
    listing.set('report.html', null)
    expect(check(manifest, listing).problems).toEqual(['report.html is not a regular file'])
  })

  it('cannot be checked without a trusted key', () => {
    const { manifest, listing } = folder()
    expect(checkPackManifest(manifest, listing, undefined).problems).toEqual(['manifest.json cannot be checked: no trusted key signed the checkpoint'])
  })

  it('fails for any file added, removed or changed in any pack, naming that file', () => {
    const name = fc.array(fc.constantFrom('a', 'b', 'r', '.', '-', '_', '1'), { minLength: 1, maxLength: 6 }).map((c) => c.join(''))
    const packPath = fc.array(name, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/')).filter((p) => isPackPath(p) && p !== MANIFEST_FILE)
    const files = fc.uniqueArray(fc.tuple(packPath, fc.string()), { minLength: 1, maxLength: 8, selector: ([p]) => p })
    fc.assert(fc.property(files, fc.nat(), fc.constantFrom('add', 'remove', 'change'), packPath, (entries, pick, change, added) => {
      const pack = new Map(entries)
      const names = [...pack.keys()]
      // A new file never shares its folder path with an existing file's name.
      fc.pre(!pack.has(added) && !names.some((n) => added.startsWith(`${n}/`) || n.startsWith(`${added}/`)))
      const { manifest, listing } = folder(pack)
      expect(check(manifest, listing).status).toBe('verified')
      const target = change === 'add' ? added : names[pick % names.length]
      if (change === 'add') listing.set(target, fileHash('extra'))
      if (change === 'remove') listing.delete(target)
      if (change === 'change') listing.set(target, fileHash(`${pack.get(target)}x`))
      const verdict = check(manifest, listing)
      expect(verdict.status).toBe('failed')
      expect(verdict.problems).toHaveLength(1)
      expect(verdict.problems[0].startsWith(`${target} `)).toBe(true)
    }))
  })
})
