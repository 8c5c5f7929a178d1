import type { Payload } from 'payload'

import type { RevisionFile } from '../../formats/parseRevisionFile'
import type { PublishedVersion } from '../legalCenter/publishedVersions'

/** What an import did with a translation file. */
export interface ImportedTranslation {
  file: string
  locale: string
  /** The version it translates. */
  version: number
  /** False when that version already had a text in its locale (imported before): not added twice. */
  added: boolean
}

/** A translation an import writes: on the draft of revision `revision` of this import, or added
 * to published `version`. */
export interface TranslationToWrite {
  file: string
  locale: string
  markdown: string
  /** Its front matter's; else the version's summary is taken. */
  summary?: string
  revision?: string
  version?: { id: PublishedVersion['id']; summary: string }
}

/** A translation file and the version it goes to: a published version's number, or the name of
 * the revision of this import that will become it. */
type Placed = { file: string; locale: string; added: boolean; target: number | string }

/**
 * Where each translation file of an import goes: to the version of its date's file in the
 * default locale (the one published from it now, the one it was imported as before, or the one
 * whose text it repeats). One already there in its locale, ready or draft, frozen or not, is
 * left as it is; so is a second file for the same version and locale.
 */
export async function planTranslations(
  payload: Payload,
  plan: {
    ordered: RevisionFile[]
    translationFiles: RevisionFile[]
    planned: { name: string }[]
    repeats: { file: string; of: { version?: number; name?: string } }[]
    published: PublishedVersion[]
  },
): Promise<{ all: Placed[]; toWrite: (TranslationToWrite & { target: number | string })[] }> {
  if (plan.translationFiles.length === 0) return { all: [], toWrite: [] }
  const plannedNames = new Set(plan.planned.map((p) => p.name))
  // The default-locale file of each date: the last in history order, as it is the text that stood.
  const byDate = new Map(plan.ordered.map((f) => [f.effectiveAt.getTime(), f.name]))
  const targetOf = (name: string): number | string => {
    if (plannedNames.has(name)) return name
    const { of } = plan.repeats.find((r) => r.file === name)!
    return of.version ?? of.name!
  }
  const present = await localesPresent(payload, plan.published)
  const all: Placed[] = []
  const toWrite: (TranslationToWrite & { target: number | string })[] = []
  for (const file of plan.translationFiles) {
    const locale = file.locale!
    const target = targetOf(byDate.get(file.effectiveAt.getTime())!)
    const key = `${typeof target}:${target}|${locale}`
    const added = !present.has(key)
    all.push({ file: file.name, locale, added, target })
    if (!added) continue
    present.add(key)
    const version = typeof target === 'number' ? plan.published.find((v) => v.version === target)! : undefined
    toWrite.push({
      file: file.name,
      locale,
      markdown: file.markdown,
      summary: file.summary,
      target,
      ...(version ? { version: { id: version.id, summary: version.summary } } : { revision: target as string }),
    })
  }
  return { all, toWrite }
}

/** `number:<version>|<locale>` for every text the published versions have: their own locale's
 * and every translation, drafts included (a version has one translation per locale). */
async function localesPresent(payload: Payload, published: PublishedVersion[]): Promise<Set<string>> {
  const present = new Set<string>()
  if (published.length === 0) return present
  const numberOf = new Map(published.map((v) => [String(v.id), v.version]))
  for (const v of published) if (v.locale) present.add(`number:${v.version}|${v.locale}`)
  const { docs } = await payload.find({
    collection: 'version-translations',
    where: { version: { in: published.map((v) => v.id) } },
    pagination: false,
    depth: 0,
    draft: true,
    select: { version: true, locale: true },
  })
  for (const t of docs) {
    const id = typeof t.version === 'object' && t.version ? t.version.id : t.version
    present.add(`number:${numberOf.get(String(id))}|${t.locale}`)
  }
  return present
}
