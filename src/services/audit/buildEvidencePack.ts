import type { Payload } from 'payload'

import { EVIDENCE_FORMAT, type EvidenceAcceptance, type EvidenceDocument, type EvidenceLedgerEntry, type EvidenceNotice, type EvidenceTranslation, type EvidenceVersion } from '../../domain/evidencePack'
import type { Checkpoint } from '../../domain/checkpointSignature'
import { MANIFEST_FILE, signPackManifest } from '../../domain/packManifest'
import { refId, type Ref } from '../../domain/refId'
import type { Policy, PolicyVersion } from '../../payload-types'
import { createCheckpoint } from '../ledger/createCheckpoint'
import { keyRotationEntries } from '../ledger/keyRotationEntries'
import { provenEntries } from '../ledger/provenEntries'
import { ledgerSigningKey } from '../ledger/ledgerSigningKey'
import { inThreadRedlines, type Redlines } from '../redline/redlines'
import { redlineText } from '../redline/renderRedline'
import { ledgerTreeStore } from '../../store/ledgerTree'
import { findSubjectForEvidence } from './findSubjectForEvidence'
import { owedForEvidence } from './owedForEvidence'
import { publicationEntries } from './publicationEntries'
import { translationEntriesOf, translationsShown } from './translationsShown'
import { renderEvidenceReport } from '../../render/renderEvidenceReport'
import { README_FILE, renderPackReadme } from '../../render/renderPackReadme'

/** The files of an evidence pack, by path inside the pack. */
export type PackFiles = Map<string, string>

/**
 * Everything Assent holds as evidence about one subject, as files an auditor can verify offline:
 * `evidence.json` (versions owed: per policy every version since the last one accepted up to the
 * one owed now, with the versions accepted and noticed; notices with their delivery; acceptances
 * with method, context and the versions each covers; the subject's ledger entries with inclusion
 * proofs), `checkpoint` signed just now over the whole
 * ledger, `public-key.pem`, `versions/<contentHash>.md` (the exact texts, and those of the
 * translations the subject accepted or would be shown, with their entries), `redlines/` between
 * consecutive accepted versions, `report.html` (printable), a README listing every file and how it
 * is checked, and `manifest.json`: every other file's SHA-256, signed by the checkpoint's key.
 * `redlines` computes the redlines (the server's off the event loop).
 */
export async function buildEvidencePack(payload: Payload, externalId: string, now = new Date(), redlines: Redlines = inThreadRedlines): Promise<{ document: EvidenceDocument; files: PackFiles }> {
  const subject = await findSubjectForEvidence(payload, externalId)
  const [acceptances, notices] = await Promise.all([
    payload.find({ collection: 'acceptances', where: { subject: { equals: subject.id } }, sort: 'acceptedAt', pagination: false, depth: 0 }),
    payload.find({ collection: 'notices', where: { subject: { equals: subject.id } }, sort: 'id', pagination: false, depth: 0 }),
  ])
  const owing = await owedForEvidence(payload, acceptances.docs, now)
  const versions = await versionsOwed(payload, [...[...acceptances.docs.map((a) => a.version), ...notices.docs.map((n) => n.version)].map((v) => refId(v)!), ...owing.versionIds])
  const slugOf = (version: Ref) => versions.get(String(refId(version)))!.policy.slug

  const { checkpoint } = await createCheckpoint(payload, now)
  const ledger = await subjectLedger(payload, subject.id, checkpoint)
  const keyRotations = await keyRotationEntries(payload, checkpoint)
  const publications = await publicationEntries(payload, [...versions.keys()], checkpoint)
  const translated = await translationsShown(payload, [...versions.keys()], new Set(acceptances.docs.map((a) => a.contentHash)), subject.locale)
  const translationEntries = await translationEntriesOf(payload, translated.map((t) => t.id), checkpoint)
  const evidenceTranslations: EvidenceTranslation[] = translated.map((t) => ({
    id: t.id,
    policy: versions.get(String(refId(t.version)))!.policy.slug,
    version: t.versionNumber as number,
    versionId: refId(t.version)!,
    locale: t.locale,
    summary: t.summary,
    contentHash: t.contentHash as string,
    addedAt: t.frozenAt as string,
    file: `versions/${t.contentHash}.md`,
  }))

  const evidenceVersions: EvidenceVersion[] = [...versions.values()]
    .sort((a, b) => a.policy.slug.localeCompare(b.policy.slug) || (a.version.version ?? 0) - (b.version.version ?? 0))
    .map(({ policy, version }) => ({
      policy: policy.slug,
      policyTitle: policy.title,
      version: version.version!,
      changeClass: version.changeClass,
      contentHash: version.contentHash!,
      publishedAt: version.publishedAt!,
      effectiveAt: version.effectiveAt!,
      file: `versions/${version.contentHash}.md`,
      summary: version.summary,
      id: version.id,
      rules: version.rules as EvidenceVersion['rules'],
      ...(version.locale ? { locale: version.locale } : {}),
    }))
  const evidenceAcceptances: EvidenceAcceptance[] = acceptances.docs.map((a) => ({
    id: a.id,
    policy: slugOf(a.version),
    version: a.versionNumber,
    contentHash: a.contentHash,
    method: a.method,
    source: a.source,
    acceptedAt: a.acceptedAt,
    ip: a.ip ?? null,
    userAgent: a.userAgent ?? null,
    locale: a.locale ?? null,
    notices: (Array.isArray(a.notices) ? a.notices : []) as EvidenceAcceptance['notices'],
    ...(Array.isArray(a.covers) && a.covers.length > 0 ? { covers: a.covers.map(Number) } : {}),
    ...(owing.derivedCovers.has(String(a.id)) ? { coversDerived: owing.derivedCovers.get(String(a.id)) } : {}),
  }))
  const evidenceNotices: EvidenceNotice[] = notices.docs.map((n) => ({
    id: n.id,
    policy: slugOf(n.version),
    version: n.versionNumber,
    channel: n.channel,
    status: n.status,
    reachedAt: n.reachedAt ?? null,
    dismissedAt: n.dismissedAt ?? null,
    attempts: n.channel === 'email' ? (n.attempts ?? 0) : null,
    messageId: n.messageId ?? null,
    messageHash: n.messageHash ?? null,
    lastReply: n.lastReply ?? null,
    address: n.address ?? null,
  }))

  const files: PackFiles = new Map()
  for (const { version } of versions.values()) files.set(`versions/${version.contentHash}.md`, version.text ?? '')
  for (const t of translated) files.set(`versions/${t.contentHash}.md`, t.text ?? '')
  const texts = (v: EvidenceAcceptance) => files.get(`versions/${v.contentHash}.md`) ?? ''
  const pairs = consecutiveAccepted(evidenceAcceptances)
  const computed = await Promise.all(pairs.map(([from, to]) => redlines.render(texts(from), texts(to), 'inline')))
  const redlineFiles = pairs.map(([from, to], i) => {
    const file = `redlines/${from.policy}-${from.version}-${to.version}.html`
    files.set(file, redlineDocument(`${from.policy}: version ${from.version} → ${to.version}`, redlineText(computed[i])))
    return { policy: from.policy, from: from.version, to: to.version, file }
  })

  const document: EvidenceDocument = {
    format: EVIDENCE_FORMAT,
    generatedAt: now.toISOString(),
    subject: { id: subject.id, externalId: subject.erasedAt ? null : subject.externalId, erasedAt: subject.erasedAt ?? null, ...(subject.erasedAt && subject.externalIdHash ? { externalIdHash: subject.externalIdHash } : {}) },
    checkpoint,
    versions: evidenceVersions,
    owed: owing.owed,
    acceptances: evidenceAcceptances,
    notices: evidenceNotices,
    ledger,
    ...(keyRotations.length > 0 ? { keyRotations } : {}),
    publications,
    ...(evidenceTranslations.length > 0 ? { translations: evidenceTranslations, translationEntries } : {}),
    redlines: redlineFiles,
  }
  files.set('evidence.json', `${JSON.stringify(document, null, 2)}\n`)
  files.set('public-key.pem', ledgerSigningKey().publicKeyPem)
  files.set('report.html', renderEvidenceReport(document))
  files.set(README_FILE, renderPackReadme([...files.keys(), README_FILE, MANIFEST_FILE], document))
  files.set(MANIFEST_FILE, `${JSON.stringify(signPackManifest(files, ledgerSigningKey().privateKey), null, 2)}\n`)
  return { document, files }
}

async function versionsOwed(payload: Payload, versionIds: Array<number | string>): Promise<Map<string, { policy: Policy; version: PolicyVersion }>> {
  const ids = [...new Set(versionIds.map(String))]
  const { docs } = await payload.find({ collection: 'policy-versions', where: { id: { in: ids } }, pagination: false, depth: 1 })
  return new Map(docs.map((version) => [String(version.id), { policy: version.policy as Policy, version }]))
}

/** The ledger entries about the subject (up to the checkpoint), found by index and kept only
 * when their own body names the subject, each with its inclusion proof. */
async function subjectLedger(payload: Payload, subjectId: number | string, checkpoint: Checkpoint): Promise<EvidenceLedgerEntry[]> {
  const named = await ledgerTreeStore(payload).entriesAbout(String(subjectId), checkpoint.treeSize)
  return provenEntries(payload, checkpoint, named.filter((e) => JSON.parse(e.body).record?.subject === subjectId))
}

/** Pairs of consecutive accepted versions of each policy. */
function consecutiveAccepted(acceptances: EvidenceAcceptance[]): Array<[EvidenceAcceptance, EvidenceAcceptance]> {
  const byPolicy = new Map<string, EvidenceAcceptance[]>()
  for (const a of acceptances) byPolicy.set(a.policy, [...(byPolicy.get(a.policy) ?? []), a])
  return [...byPolicy.values()].flatMap((list) => {
    const sorted = [...list].sort((a, b) => a.version - b.version)
    return sorted.slice(1).map((to, i) => [sorted[i], to] as [EvidenceAcceptance, EvidenceAcceptance])
  })
}

const redlineDocument = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title.replace(/[<&>]/g, '')}</title><style>ins{background:#d4f8d4;text-decoration:none}del{background:#fbd4d4}</style></head><body><h1>${title.replace(/[<&>]/g, '')}</h1>${body}</body></html>\n`
