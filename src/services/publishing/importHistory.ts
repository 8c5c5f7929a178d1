import type { Payload } from 'payload'

import { canonicalText } from '../../domain/canonicalText'
import { contentHash } from '../../domain/contentHash'
import { importPlanRefusal, isUpcoming, upcomingRefusal, type ImportRefusal, type PlannedRevision } from '../../domain/importRefusal'
import { inHistoryOrder, type RevisionFile } from '../../formats/parseRevisionFile'
import { rulesOf, type AcceptanceMode, type VersionRules } from '../../domain/versionRules'
import { AssentError, isAssentError } from '../../errors/AssentError'
import type { Policy } from '../../payload-types'
import { IMPORT_CONTEXT_FLAG } from './freezeVersion'
import { bodyToMarkdown, markdownToBody } from './lexicalMarkdown'
import { publishedVersions, type PublishedVersion } from '../legalCenter/publishedVersions'
import { withTransaction } from '../../store/withTransaction'
import { translationImportRefusal } from '../../domain/translationImportRefusal'
import { siteLanguages } from '../locales/siteLanguages'
import { planTranslations, type ImportedTranslation, type TranslationToWrite } from './planTranslations'

/** The choices that create a policy by import; an existing policy needs none. */
export interface PolicyChoices {
  /** When absent, the first revision (in history order) whose front matter has `title:` gives it. */
  title?: string
  acceptanceMode?: AcceptanceMode
  noticePeriodDays?: number
}

/** How an import treats what is not plain history. */
export interface ImportOptions {
  /** Publish revisions dated in the future through the publishing rules (notice period,
   * two-person rule, notices, webhooks) instead of refusing them. */
  publishUpcoming?: boolean
  /** Required when no policy has the slug. Given for an existing policy, they must match it. */
  policy?: PolicyChoices
}

/** What an import did. */
export interface ImportResult {
  policy: string
  /** The policy the import created, with the choices it was created with. */
  created?: Required<PolicyChoices>
  /** `upcoming`: published through the rules, with `notices` queued for subjects. */
  imported: { file: string; version: number; upcoming: boolean; notices: number }[]
  /** Files already published with their text and date (a folder imported again). */
  skipped: string[]
  /** Every file not published because a version has its text (content hash), however its Markdown
   * is spelled: `sameDate` when that version also has its date (it is in `skipped`), else the file
   * would only repeat the version before it on another date, which is no new version. */
  sameText: SameTextFile[]
  /** Every translation file (`2020-02-10.fr.md`, `fr/2020-02-10.md`): added to the version of its
   * date's text, or not (`added: false`) when that version already has a text in its locale. */
  translations: ImportedTranslation[]
}

/** A file whose text is version `version`'s, effective `effectiveAt`. */
export interface SameTextFile {
  file: string
  version: number
  effectiveAt: Date
  sameDate: boolean
}

/** The policy fields the choices set, in the order a person is asked for them. */
export const policyChoiceFields = ['title', 'acceptanceMode', 'noticePeriodDays'] as const
type ChoiceField = (typeof policyChoiceFields)[number]

const refused = (refusal: ImportRefusal) => new AssentError(refusal.code, refusal.message, { files: refusal.files })

async function findPolicy(payload: Payload, slug: string): Promise<Policy | undefined> {
  const { docs } = await payload.find({ collection: 'policies', where: { slug: { equals: slug } }, limit: 1, pagination: false, depth: 0 })
  return docs[0]
}

/** The policy an import would create, or a refusal naming every missing choice. */
function newPolicy(slug: string, choices: PolicyChoices, files: RevisionFile[]): Required<PolicyChoices> {
  const title = choices.title ?? files.find((f) => f.title)?.title
  const chosen = { title, acceptanceMode: choices.acceptanceMode, noticePeriodDays: choices.noticePeriodDays }
  const missing = policyChoiceFields.filter((field) => chosen[field] === undefined)
  if (missing.length > 0) {
    throw new AssentError('validation_failed', `No policy "${slug}" exists; creating it by import needs a choice of ${missing.join(', ')}.`, { fields: missing, missing })
  }
  return chosen as Required<PolicyChoices>
}

/** An existing policy keeps its settings: a choice that differs from them is refused, not ignored. */
function refuseConflictingChoices(policy: Policy, choices: PolicyChoices): void {
  const conflicting = policyChoiceFields.filter((field: ChoiceField) => choices[field] !== undefined && choices[field] !== policy[field])
  if (conflicting.length === 0) return
  const described = conflicting.map((field) => `${field} ${JSON.stringify(choices[field])} (it has ${JSON.stringify(policy[field])})`).join(', ')
  throw new AssentError('validation_failed', `Policy "${policy.slug}" exists and an import does not change it: ${described}.`, {
    fields: conflicting,
    conflicting: conflicting.map((field) => ({ field, given: choices[field], existing: policy[field] })),
  })
}

type Planned = PlannedRevision & { body: Awaited<ReturnType<typeof markdownToBody>> }

/** A version, published or planned, as the plan compares files with it. */
type Known = { hash: string; effectiveAt: Date; version?: number; name?: string }

/** A file whose text a version has, that version named by its number or, when it is planned in
 * this import, by its file. */
type Repeat = { file: string; of: Known; sameDate: boolean }

/**
 * The revisions still to publish, with their text as it will be frozen, and the files that repeat
 * a version's text: with its date (imported before), or on another date right after it (only the
 * Markdown's spelling changed: `*` for `_`, trailing blanks). A revision back to an older text is
 * a change, and is published.
 */
async function plan(payload: Payload, ordered: RevisionFile[], published: PublishedVersion[]) {
  const known = new Map<string, Known>(published.map((v) => [`${v.contentHash}|${v.effectiveAt.toISOString()}`, { hash: v.contentHash, effectiveAt: v.effectiveAt, version: v.version }]))
  // The version a new revision follows: the latest published, then each planned one.
  const latest = [...published].sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime() || a.version - b.version).at(-1)
  let previous: Known | undefined = latest && { hash: latest.contentHash, effectiveAt: latest.effectiveAt, version: latest.version }
  const planned: Planned[] = []
  const repeats: Repeat[] = []
  for (const file of ordered) {
    const body = await markdownToBody(payload.config, file.markdown)
    const text = canonicalText(await bodyToMarkdown(payload.config, body))
    const hash = contentHash(text)
    const key = `${hash}|${file.effectiveAt.toISOString()}`
    const present = known.get(key)
    if (present || previous?.hash === hash) {
      repeats.push({ file: file.name, of: present ?? previous!, sameDate: Boolean(present) })
      // A version already there is where the history stands for the files after it.
      if (present) previous = present
      continue
    }
    previous = { hash, effectiveAt: file.effectiveAt, name: file.name }
    known.set(key, previous)
    // Public text: the date, never the file it came from.
    const summary = file.summary ?? `Revision effective ${file.effectiveAt.toISOString().slice(0, 10)}; no summary of its changes was recorded.`
    planned.push({ name: file.name, effectiveAt: file.effectiveAt, changeClass: file.changeClass ?? 'informational', summary, text, body })
  }
  return { planned, repeats }
}

/** Publishes one revision in its own transaction, creating the policy first when `policyId` is
 * not known yet. History keeps its recorded dates and is not announced again; an upcoming
 * version takes the publishing path of an editor's publication (rules, notices, webhooks). */
async function publish(payload: Payload, revision: Planned, translations: TranslationToWrite[], upcoming: boolean, policy: { id?: Policy['id']; create: () => Record<string, unknown> }) {
  return withTransaction(payload, async (req) => {
    const policyId = policy.id ?? (await payload.create({ collection: 'policies', data: policy.create() as never, req })).id
    const data = {
      policy: policyId,
      body: revision.body as never,
      changeClass: revision.changeClass,
      summary: revision.summary,
      effectiveAt: revision.effectiveAt.toISOString(),
    }
    // Said either way: Payload keeps the context of earlier calls on a shared req.
    const context = { ...req.context, [IMPORT_CONTEXT_FLAG]: !upcoming }
    if (translations.length === 0) {
      const version = await payload.create({ collection: 'policy-versions', data: { ...data, _status: 'published' }, req, context })
      return { policyId, version }
    }
    // Translations marked ready on the draft freeze with its publication, as an editor's do.
    const draft = await payload.create({ collection: 'policy-versions', data: { ...data, _status: 'draft' }, req, draft: true })
    for (const t of translations) {
      await payload.create({ collection: 'version-translations', data: { version: draft.id, locale: t.locale, summary: t.summary ?? revision.summary, body: (await markdownToBody(payload.config, t.markdown)) as never, _status: 'published' }, req })
    }
    const version = await payload.update({ collection: 'policy-versions', id: draft.id, data: { _status: 'published' }, req, context })
    return { policyId, version }
  }).catch((error: unknown) => {
    // Checked before writing; publishing checks again at its own time (a notice period can run
    // out between the two), and its refusal names the file as the plan's does.
    if (isAssentError(error)) throw new AssentError(error.code, `${revision.name}: ${error.message}`, { ...error.details, files: [revision.name] })
    throw error
  })
}

/** Adds translations to versions published before, in one transaction: each is frozen (and
 * recorded in the ledger) the moment it is added, as a translation added later is. */
async function addToPublished(payload: Payload, translations: TranslationToWrite[]): Promise<void> {
  if (translations.length === 0) return
  await withTransaction(payload, async (req) => {
    for (const t of translations) {
      const body = await markdownToBody(payload.config, t.markdown)
      await payload.create({ collection: 'version-translations', data: { version: t.version!.id, locale: t.locale, summary: t.summary ?? t.version!.summary, body: body as never, _status: 'published' }, req })
    }
  })
}

/**
 * Imports a policy's history of dated revisions as published versions with their recorded
 * effective dates, oldest first. A revision already published with the same text and effective
 * date is skipped, so running an import again imports nothing twice; one with the text of the
 * version it would follow, on another date, is not published either: both are reported in
 * `sameText` with the version that has their text.
 *
 * Only history keeps its recorded dates quietly. A revision dated in the future is refused unless
 * `publishUpcoming` is set; then it is published as an editor's publication is (notice period,
 * two-person rule, notices, webhooks, ledger). Every refusal the rules would give is found before
 * anything is written; each revision is then one transaction (creating the policy with the first).
 *
 * A file named for a locale (`2020-02-10.fr.md`, `fr/2020-02-10.md`) translates the same date's
 * file: it is marked ready on that version's draft and frozen with its publication, or added
 * (frozen at once) to the version imported before. A translation whose version already has its
 * locale is not added again.
 */
export async function importHistory(payload: Payload, slug: string, files: RevisionFile[], options: ImportOptions = {}): Promise<ImportResult> {
  const now = new Date()
  const ordered = inHistoryOrder(files.filter((f) => f.locale === undefined))
  const translationFiles = inHistoryOrder(files.filter((f) => f.locale !== undefined))
  if (ordered.length === 0 && translationFiles.length === 0) return { policy: slug, imported: [], skipped: [], sameText: [], translations: [] }
  if (translationFiles.length > 0) {
    const languages = await siteLanguages(payload)
    const translations = translationFiles.map((f) => ({ name: f.name, locale: f.locale!, effectiveAt: f.effectiveAt }))
    const refusal = translationImportRefusal({ translations, defaultDates: ordered.map((f) => f.effectiveAt), offered: languages.locales, defaultLocale: languages.defaultLocale })
    if (refusal) throw refused(refusal)
  }

  const existing = await findPolicy(payload, slug)
  if (existing) refuseConflictingChoices(existing, options.policy ?? {})
  const toCreate = existing ? undefined : newPolicy(slug, options.policy ?? {}, ordered)
  const rules: VersionRules = toCreate ? { ...toCreate, requireSecondApproval: false } : rulesOf(existing!)
  const published = existing ? await publishedVersions(payload, existing.id) : []
  const { planned, repeats } = await plan(payload, ordered, published)

  // Only what would be written is refused: a folder imported before imports again as "present".
  const upcoming = upcomingRefusal(planned, now, options.publishUpcoming ?? false)
  if (upcoming) throw refused(upcoming)
  const latest = published.map((v) => v.effectiveAt).reduce<Date | undefined>((max, d) => (!max || d > max ? d : max), undefined)
  const refusal = importPlanRefusal({ revisions: planned, rules, latestPublishedEffectiveAt: latest, now })
  if (refusal) throw refused(refusal)

  const translations = await planTranslations(payload, { ordered, translationFiles, planned, repeats, published })
  const result: ImportResult = { policy: slug, imported: [], skipped: repeats.filter((r) => r.sameDate).map((r) => r.file), sameText: [], translations: [] }
  let policyId = existing?.id
  for (const revision of planned) {
    const isUpcomingRevision = isUpcoming(revision, now)
    const own = translations.toWrite.filter((t) => t.revision === revision.name)
    const { version, ...written } = await publish(payload, revision, own, isUpcomingRevision, { id: policyId, create: () => ({ slug, ...toCreate }) })
    if (policyId === undefined) result.created = toCreate
    policyId = written.policyId
    const notices = isUpcomingRevision ? (await payload.count({ collection: 'notices', where: { version: { equals: version.id } } })).totalDocs : 0
    result.imported.push({ file: revision.name, version: version.version as number, upcoming: isUpcomingRevision, notices })
  }
  const versionOf = (of: Known) => of.version ?? result.imported.find((i) => i.file === of.name)!.version
  result.sameText = repeats.map(({ file, of, sameDate }) => ({ file, version: versionOf(of), effectiveAt: of.effectiveAt, sameDate }))
  await addToPublished(payload, translations.toWrite.filter((t) => t.version !== undefined))
  const numberOf = (target: number | string) => (typeof target === 'number' ? target : result.imported.find((i) => i.file === target)!.version)
  result.translations = translations.all.map(({ file, locale, added, target }) => ({ file, locale, added, version: numberOf(target) }))
  return result
}
