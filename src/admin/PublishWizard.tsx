'use client'
import { Button, useAuth, useDocumentInfo, useForm, useFormFields } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useEffect, useMemo, useRef, useState } from 'react'

import type { ChangeClass } from '../domain/changeClass'
import { type HeldValues, settleHeldValues } from '../domain/heldFormValues'
import { publicationOutcome } from '../domain/publicationOutcome'
import { supersededByDate, supersessionWarning } from '../domain/supersessionWarnings'
import type { PublishingPlan } from '../services/editing/publishingPlan'
import { TranslationWarnings } from './TranslationWarnings'

const CLASSES: Array<{ value: ChangeClass; label: string; explanation: string }> = [
  { value: 'editorial', label: 'Editorial', explanation: 'Wording, typos, formatting: nothing that changes what the policy means. No one is notified.' },
  { value: 'informational', label: 'Informational', explanation: 'People should know, but their rights do not change. Everyone is told by email and banner; no one accepts again.' },
  { value: 'material', label: 'Material', explanation: 'Changes people’s rights or how their data is used. Everyone is told, and must accept again after the notice period.' },
]
/** The draft's fields the dialog sets. */
type Kept = 'changeClass' | 'summary' | 'effectiveAt'
type Section = Kept | 'approval' | 'general'
type Problems = Partial<Record<Section, string>>
interface ErrorAnswer { error?: { code: string; message: string; fields?: Array<string | { field: string; message: string }> } }
interface Published { version: number; effectiveAt: string; contentHash: string; notices: { email: number; banner: number } }

const dayOf = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '')
/** The instant a day's version takes effect: its midnight UTC. */
const midnightOf = (day: string) => `${day}T00:00:00.000Z`
const sectionOf = (answer: ErrorAnswer): Section => {
  const first = answer.error?.fields?.[0]
  const name = typeof first === 'string' ? first : first?.field
  return name === 'changeClass' || name === 'summary' || name === 'effectiveAt' || name === 'approval' ? name : name === 'effectiveOverrideReason' ? 'effectiveAt' : 'general'
}
const sectionStyle: React.CSSProperties = { margin: '0 0 1.25rem' }
const errorStyle: React.CSSProperties = { color: 'var(--theme-error-500)', margin: '0.35rem 0 0' }
const warningStyle: React.CSSProperties = { margin: '0.6rem 0 0', padding: '0.6rem 0.75rem', border: '1px solid var(--theme-warning-500)', borderRadius: 4, background: 'var(--theme-warning-100)' }
const hintStyle: React.CSSProperties = { color: 'var(--theme-elevation-600)', margin: '0.25rem 0 0', fontSize: '0.9rem' }
const inputStyle: React.CSSProperties = { width: '100%', font: 'inherit', padding: '0.5rem', border: '1px solid var(--theme-elevation-250)', borderRadius: 4, background: 'var(--theme-input-bg)', color: 'var(--theme-text)' }

/**
 * The admin's one way to publish a version: a guided dialog in place of Payload's Publish button.
 * The editor chooses the kind of change (each explained), writes the summary, sets the effective
 * date (the earliest the rules allow is suggested), previews the public page, the banner and the
 * email, reads what will happen, and confirms. Assent checks everything again when publishing;
 * a refusal is shown next to the choice it concerns and nothing is published.
 */
export function PublishWizard() {
  const { id, setHasPublishedDoc, setUnpublishedVersionCount } = useDocumentInfo()
  const router = useRouter()
  const { user } = useAuth<{ role?: string }>()
  const saved = {
    changeClass: useFormFields(([f]) => f.changeClass?.value as ChangeClass | undefined),
    summary: useFormFields(([f]) => f.summary?.value as string | undefined),
    effectiveAt: useFormFields(([f]) => f.effectiveAt?.value as string | undefined),
    body: useFormFields(([f]) => f.body?.value),
    publishedAt: useFormFields(([f]) => f.publishedAt?.value as string | undefined),
  }
  const savedAt = useFormFields(([f]) => f.updatedAt?.value as string | undefined)
  const { dispatchFields, setModified } = useForm()
  const dialog = useRef<HTMLDialogElement>(null)
  const [plan, setPlan] = useState<PublishingPlan>()
  const [changeClass, setChangeClass] = useState<ChangeClass | undefined>()
  const [summary, setSummary] = useState('')
  const [day, setDay] = useState('')
  const [overrideReason, setOverrideReason] = useState('')
  const [supersedeConfirmed, setSupersedeConfirmed] = useState(false)
  const [preview, setPreview] = useState<'page' | 'banner' | 'email'>('page')
  const [problems, setProblems] = useState<Problems>({})
  const [busy, setBusy] = useState(false)
  const [published, setPublished] = useState<Published>()

  const earliest = plan && changeClass ? dayOf(plan.earliestEffectiveAt[changeClass]) : ''
  // A chosen day that the rules put too early. Admins may still publish it with a reason, unless
  // it is before a version already published: no reason allows that.
  const early = Boolean(day && earliest && day < earliest)
  const beforePublished = Boolean(day && plan?.latestPublishedEffectiveAt && midnightOf(day) < plan.latestPublishedEffectiveAt)
  const overridable = early && !beforePublished && Boolean(plan?.canOverride)

  useEffect(() => {
    if (plan && changeClass && !day && earliest) {
      setDay(earliest)
      keep('effectiveAt', midnightOf(earliest))
    }
  }, [plan, changeClass, earliest, day])

  // The dialog's choices go into the draft (autosave keeps them), so a second editor approves
  // and previews show what the editor chose, and reopening the dialog starts from them. Each is
  // held until a save returns it: an answer to a save sent before it would otherwise put the old
  // value back (see heldFormValues).
  const held = useRef<HeldValues<Kept>>({})
  const keep = (path: Kept, value: string | null) => {
    held.current[path] = { value, before: held.current[path]?.before ?? saved[path] ?? null }
    dispatchFields({ type: 'UPDATE', path, value })
    setModified(true)
  }
  const lastSavedAt = useRef(savedAt)
  useEffect(() => {
    const settled = settleHeldValues(held.current, { changeClass: saved.changeClass, summary: saved.summary, effectiveAt: saved.effectiveAt }, savedAt !== lastSavedAt.current)
    lastSavedAt.current = savedAt
    held.current = settled.held
    for (const [path, value] of settled.restore) keep(path, value)
  }, [savedAt, saved.changeClass, saved.summary, saved.effectiveAt])

  /** The published version, from the top of its page (where its frozen facts are). */
  const openPublished = () => {
    window.history.scrollRestoration = 'manual'
    window.scrollTo(0, 0)
    window.location.reload()
  }

  /** A problem shown by a choice goes once the editor changes that choice. */
  const settle = (section: Section) => setProblems((current) => ({ ...current, [section]: undefined }))

  const open = async () => {
    setProblems({})
    setPublished(undefined)
    setChangeClass(saved.changeClass)
    setSummary(saved.summary ?? '')
    setDay(dayOf(saved.effectiveAt))
    setOverrideReason('')
    setSupersedeConfirmed(false)
    dialog.current?.showModal()
    const res = await fetch(`/api/v1/policy-versions/${id}/publishing-plan`, { credentials: 'include' })
    const answer = (await res.json()) as PublishingPlan & ErrorAnswer
    if (!res.ok) return setProblems({ general: answer.error?.message ?? `Cannot publish (${res.status}).` })
    setPlan(answer)
  }

  const effectiveAt = day ? midnightOf(day) : null
  const outcome = useMemo(
    () => plan && changeClass
      ? publicationOutcome({ changeClass, acceptanceMode: plan.policy.acceptanceMode, nextVersion: plan.nextVersion, subjects: plan.audience.subjects, withEmail: plan.audience.withEmail, effectiveAt: effectiveAt ? new Date(effectiveAt) : undefined })
      : [],
    [plan, changeClass, effectiveAt],
  )
  // An upcoming version dated on or after this one's date would never take effect: say which, and
  // have the editor confirm it (a later date keeps it). A date before a published version's is
  // refused anyway, so it warns of nothing.
  const supersedes = useMemo(
    () => (plan && changeClass && !beforePublished ? supersededByDate(plan.upcoming.map((u) => ({ ...u, effectiveAt: new Date(u.effectiveAt) })), effectiveAt ? new Date(effectiveAt) : undefined, new Date()) : []),
    [plan, changeClass, effectiveAt, beforePublished],
  )
  const previewQuery = new URLSearchParams({ ...(changeClass ? { changeClass } : {}), ...(summary.trim() ? { summary: summary.trim() } : {}), ...(effectiveAt ? { effectiveAt } : {}) }).toString()
  const previewUrl = preview === 'email' ? `/api/v1/policy-versions/${id}/notice-preview?${previewQuery}` : `/api/v1/policy-versions/${id}/${preview}-preview?${previewQuery}`
  const needsApproval = Boolean(plan?.policy.requireSecondApproval && changeClass === 'material')

  const publish = async () => {
    const missing: Problems = {}
    if (!changeClass) missing.changeClass = 'Choose the kind of change: it decides who is told and whether they must accept again.'
    if (!summary.trim()) missing.summary = 'Write the summary: it is what the public page, the email and the banner say changed.'
    if (changeClass === 'material' && !day) missing.effectiveAt = `A material change needs an effective date, ${plan?.policy.noticePeriodDays ?? 'its notice period in'} days or more from now.`
    if (overridable && !overrideReason.trim()) missing.effectiveAt = `This date is before the earliest allowed (${earliest}): give the reason for the exception, or choose a later date.`
    else if (supersedes.length > 0 && !supersedeConfirmed && (!early || overridable)) missing.effectiveAt = `Confirm that the ${supersedes.length === 1 ? 'version named above' : 'versions named above'} will never take effect, or choose a later date.`
    setProblems(missing)
    if (Object.keys(missing).length > 0) return
    setBusy(true)
    const res = await fetch(`/api/v1/policy-versions/${id}/publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'include',
      body: JSON.stringify({ changeClass, summary: summary.trim(), effectiveAt, ...(supersedes.length > 0 && supersedeConfirmed ? { supersedes: supersedes.map((v) => v.version) } : {}), ...(overridable && overrideReason.trim() ? { effectiveOverrideReason: overrideReason.trim() } : {}), ...(saved.body ? { body: saved.body } : {}) }),
    })
    const answer = (await res.json()) as Published & ErrorAnswer
    setBusy(false)
    if (!res.ok) return setProblems({ [sectionOf(answer)]: answer.error?.message ?? `Not published (${res.status}).` })
    setPublished(answer)
    // Nothing is left to autosave (a published version refuses edits), and the status behind the
    // result says Published at once; closing the result shows the frozen version in place.
    setModified(false)
    setHasPublishedDoc(true)
    setUnpublishedVersionCount(0)
  }

  /** Closes the result and renders the page again as the server now has it: frozen, read-only. */
  const closePublished = () => {
    dialog.current?.close()
    router.refresh()
  }

  // Once published the button goes; the result stays open until the editor closes it.
  if (!id || (saved.publishedAt && !published)) return null
  return (
    <>
      {!published && <Button buttonStyle="primary" size="medium" onClick={() => void open()} id="publish-wizard" margin={false}>Publish…</Button>}
      {/* Held at the top, not centred: a section that grows (the preview, once the kind of change is
          chosen) must not move the choices above it under the editor's pointer. */}
      <dialog ref={dialog} data-testid="publish-dialog" aria-labelledby="publish-title" style={{ width: 'min(60rem, 95vw)', maxHeight: '92vh', margin: '4vh auto auto', overflow: 'auto', padding: '1.5rem', border: '1px solid var(--theme-elevation-150)', borderRadius: 8, background: 'var(--theme-bg)', color: 'var(--theme-text)' }}>
        {published ? (
          <div data-testid="publish-done">
            <h2 id="publish-title" style={{ marginTop: 0 }}>Version {published.version} is published</h2>
            <p data-testid="publish-result">
              {published.notices.email.toLocaleString('en-US')} {published.notices.email === 1 ? 'email is' : 'emails are'} queued and {published.notices.banner.toLocaleString('en-US')} {published.notices.banner === 1 ? 'person sees' : 'people see'} the banner at their next login. It takes effect {dayOf(published.effectiveAt)}.
            </p>
            <p>SHA-256 of its text: <code style={{ wordBreak: 'break-all' }}>{published.contentHash}</code></p>
            <div style={{ display: 'flex', gap: '0.75rem' }}>
              <Button buttonStyle="primary" onClick={openPublished} id="publish-finish" margin={false}>Open the published version</Button>
              <Button buttonStyle="secondary" onClick={closePublished} id="publish-close" margin={false}>Close</Button>
            </div>
          </div>
        ) : (
          <div>
            <h2 id="publish-title" style={{ marginTop: 0 }}>Publish {plan ? `version ${plan.nextVersion} of the ${plan.policy.title}` : 'this version'}</h2>
            {!plan && !problems.general && <p>Loading…</p>}
            {plan && (
              <>
                <fieldset style={{ ...sectionStyle, border: 0, padding: 0 }} data-section="changeClass">
                  <legend style={{ fontWeight: 600, marginBottom: '0.5rem' }}>1. What kind of change is this?</legend>
                  {CLASSES.map((c) => (
                    <label key={c.value} style={{ display: 'block', margin: '0.35rem 0', cursor: 'pointer' }}>
                      <input type="radio" name="changeClass" value={c.value} checked={changeClass === c.value} onChange={() => { setChangeClass(c.value); keep('changeClass', c.value); setDay(''); setSupersedeConfirmed(false); setProblems({}) }} />{' '}
                      <strong>{c.label}</strong>: {c.explanation}
                    </label>
                  ))}
                  {problems.changeClass && <p role="alert" style={errorStyle}>{problems.changeClass}</p>}
                </fieldset>
                <div style={sectionStyle} data-section="summary">
                  <label htmlFor="publish-summary" style={{ fontWeight: 600 }}>2. What changed, in plain language</label>
                  <textarea id="publish-summary" rows={3} value={summary} onChange={(e) => { setSummary(e.target.value); keep('summary', e.target.value); settle('summary') }} style={inputStyle} placeholder="For example: Adds how long we keep support tickets (24 months)." />
                  <p style={hintStyle}>Shown at the top of the public page, in the email and in the banner.</p>
                  {problems.summary && <p role="alert" style={errorStyle}>{problems.summary}</p>}
                </div>
                <div style={sectionStyle} data-section="effectiveAt">
                  <label htmlFor="publish-effective" style={{ fontWeight: 600 }}>3. Takes effect on</label>
                  <input id="publish-effective" type="date" value={day} onChange={(e) => { setDay(e.target.value); keep('effectiveAt', e.target.value ? midnightOf(e.target.value) : null); setSupersedeConfirmed(false); settle('effectiveAt') }} style={{ ...inputStyle, width: 'auto', display: 'block' }} />
                  <p style={hintStyle} data-testid="effective-hint">
                    {!changeClass ? 'Choose the kind of change first: it decides the earliest date.'
                      : earliest ? `Earliest allowed: ${earliest}${changeClass === 'material' ? ` (${plan.policy.noticePeriodDays} days' notice for a material change)` : ' (after the version already published)'}.`
                      : 'Leave empty to take effect on publishing, or choose a later day.'}
                    {' '}Dates are midnight UTC.
                  </p>
                  {overridable && (
                    <div style={{ marginTop: '0.5rem' }}>
                      <label htmlFor="publish-override">Reason for taking effect sooner (admins only; recorded with the version)</label>
                      <textarea id="publish-override" rows={2} value={overrideReason} onChange={(e) => { setOverrideReason(e.target.value); settle('effectiveAt') }} style={inputStyle} />
                    </div>
                  )}
                  {supersedes.length > 0 && (
                    <div data-testid="supersession-warning" style={warningStyle}>
                      {supersedes.map((v) => <p key={v.version} style={{ margin: '0 0 0.35rem' }}><strong>{supersessionWarning(v)}</strong></p>)}
                      <p style={{ margin: '0 0 0.35rem' }}>Everywhere it is announced it will show as superseded before it took effect, with this version in its place. To keep it, choose a later date.</p>
                      <label style={{ cursor: 'pointer' }}>
                        <input type="checkbox" id="publish-supersede" checked={supersedeConfirmed} onChange={(e) => { setSupersedeConfirmed(e.target.checked); settle('effectiveAt') }} />{' '}
                        I understand: publish this version in its place.
                      </label>
                    </div>
                  )}
                  {problems.effectiveAt && <p role="alert" style={errorStyle}>{problems.effectiveAt}</p>}
                </div>
                <div style={sectionStyle} data-section="preview">
                  <p style={{ fontWeight: 600, margin: '0 0 0.5rem' }}>4. Preview</p>
                  <div role="tablist" style={{ display: 'flex', gap: '0.5rem', marginBottom: '0.5rem' }}>
                    {(['page', 'banner', 'email'] as const).map((p) => (
                      <Button key={p} size="small" buttonStyle={preview === p ? 'primary' : 'secondary'} onClick={() => setPreview(p)} margin={false} id={`preview-${p}`}>{{ page: 'Public page', banner: 'Login banner', email: 'Notice email' }[p]}</Button>
                    ))}
                  </div>
                  {!changeClass
                    ? <p data-testid="preview-waiting">The previews appear once you choose the kind of change: it decides what the page, the banner and the email say.</p>
                    : preview !== 'page' && changeClass === 'editorial'
                    ? <p>An editorial change sends no email and shows no banner.</p>
                    : <iframe key={previewUrl} title={`Preview: ${preview}`} src={previewUrl} data-testid="publish-preview" style={{ width: '100%', height: '26rem', border: '1px solid var(--theme-elevation-150)', borderRadius: 4, background: '#fff' }} />}
                  <p style={hintStyle}>Previews show the text as last saved (edits save within seconds).</p>
                </div>
                <div style={sectionStyle} data-section="outcome">
                  <p style={{ fontWeight: 600, margin: '0 0 0.5rem' }}>5. What happens when you publish</p>
                  {outcome.length === 0 ? <p>Choose the kind of change to see who will be told.</p> : (
                    <ul data-testid="publish-outcome" style={{ margin: 0, paddingLeft: '1.25rem' }}>{outcome.map((line) => <li key={line}>{line}</li>)}</ul>
                  )}
                  {needsApproval && (
                    <p data-testid="publish-approval" style={{ margin: '0.5rem 0 0' }}>
                      <strong>Two-person rule:</strong>{' '}
                      {plan.approval.approvedBy && plan.approval.coversSavedDraft ? `approved by ${plan.approval.approvedBy}.` : 'a second editor must approve this version (as saved) before it can be published.'}
                    </p>
                  )}
                  {problems.approval && <p role="alert" style={errorStyle}>{problems.approval}</p>}
                  {id && <TranslationWarnings id={id} />}
                </div>
              </>
            )}
            {problems.general && <p role="alert" style={errorStyle}>{problems.general}</p>}
            <div style={{ display: 'flex', gap: '0.75rem', justifyContent: 'flex-end' }}>
              <Button buttonStyle="secondary" onClick={() => dialog.current?.close()} margin={false} id="publish-cancel">Cancel</Button>
              <Button buttonStyle="primary" disabled={!plan || busy} onClick={() => void publish()} margin={false} id="publish-confirm">{busy ? 'Publishing…' : plan ? `Publish version ${plan.nextVersion}` : 'Publish'}</Button>
            </div>
          </div>
        )}
      </dialog>
    </>
  )
}
