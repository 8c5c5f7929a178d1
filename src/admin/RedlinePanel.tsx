'use client'
import { useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React, { useEffect, useRef, useState } from 'react'

import { textDirection } from '../domain/locale/textDirection'
import { languageName, useVersionTranslations } from './useVersionTranslations'

interface Redline {
  basedOn: number | null
  changes: number
  html: string
}

const STYLE = `
.assent-redline { max-height: 70vh; overflow: auto; border: 1px solid var(--theme-elevation-150); border-radius: 4px; padding: 0.5rem 0.75rem; font-size: 15px; line-height: 1.5; }
.assent-redline ins { background: #dafbe1; color: #116329; text-decoration: underline; }
.assent-redline del { background: #ffebe9; color: #a40e26; text-decoration: line-through; }
.assent-redline ins.rl-block, .assent-redline del.rl-block { display: block; }
.assent-redline p, .assent-redline h2, .assent-redline h3, .assent-redline h4 { margin: 0.35rem 0; }
.assent-redline .rl-tag { font-size: 14px; font-style: italic; }
.assent-redline .rl-nav { font-size: 13px; color: var(--theme-elevation-500); }
.assent-redline table { border-collapse: collapse; margin: 0.5rem 0; display: block; overflow-x: auto; }
.assent-redline th, .assent-redline td { border: 1px solid var(--theme-elevation-150); padding: 0.2rem 0.4rem; vertical-align: top; text-align: left; }
.assent-redline tr.rl-ins > *, .assent-redline .rl-ins:is(td, th) { background: #dafbe1; }
.assent-redline tr.rl-del > *, .assent-redline .rl-del:is(td, th) { background: #ffebe9; }
`
const WAIT_MS = 600

/**
 * While drafting, the side panel with the redline of the document as typed against the version
 * it follows. It asks Assent a moment after each edit; publishing freezes the same text. A
 * language selector shows instead the redline of this version's translation in that language
 * (as last saved) against the previous version's text in it.
 */
export function RedlinePanel() {
  const { id } = useDocumentInfo()
  const body = useFormFields(([fields]) => fields.body?.value)
  const publishedAt = useFormFields(([fields]) => fields.publishedAt?.value)
  const [redline, setRedline] = useState<Redline>()
  const [problem, setProblem] = useState<string>()
  const [locale, setLocale] = useState('')
  const panel = useRef<HTMLDivElement>(null)
  const { answer: languages } = useVersionTranslations(publishedAt ? undefined : id)
  const translated = (languages?.locales ?? []).filter((l) => l.translationId !== undefined).map((l) => l.locale)
  const ownText = !locale || locale === languages?.locale

  useEffect(() => {
    if (!id || publishedAt) return
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      try {
        const request = ownText ? (body ? { body } : {}) : { locale }
        const res = await fetch(`/api/v1/policy-versions/${id}/redline`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request), credentials: 'include', signal: controller.signal })
        const answer = (await res.json()) as Redline & { error?: { message: string } }
        if (!res.ok) return setProblem(answer.error?.message ?? `No redline (${res.status}).`)
        setProblem(undefined)
        setRedline(answer)
      } catch (error) {
        if ((error as Error).name !== 'AbortError') setProblem('No redline: Assent did not answer.')
      }
    }, WAIT_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [id, body, publishedAt, locale, ownText])

  // A policy runs to pages: bring the first change into view in the panel (not the page).
  useEffect(() => {
    const box = panel.current
    const first = box?.querySelector<HTMLElement>('ins, del')
    if (box && first) box.scrollTop = Math.max(0, first.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop - 48)
  }, [redline])

  if (!id || publishedAt) return null
  return (
    // Payload's admin text is 13 px: a document is read here, so the panel sets its own size.
    <section data-testid="redline-panel" style={{ marginBottom: '1.5rem', fontSize: '15px' }}>
      <style>{STYLE}</style>
      <h4 style={{ margin: '0 0 0.25rem' }}>Your changes</h4>
      {languages && translated.length > 0 && (
        <label style={{ display: 'block', margin: '0 0 0.5rem', fontSize: '13px' }}>
          Language{' '}
          <select data-testid="redline-locale" value={locale || languages.locale} onChange={(e) => setLocale(e.target.value)}>
            {[languages.locale, ...translated].map((l) => <option key={l} value={l}>{languageName(l)}</option>)}
          </select>
        </label>
      )}
      {problem && <p role="alert" style={{ color: 'var(--theme-error-500)' }}>{problem}</p>}
      {!redline ? <p>Comparing…</p> : (
        <>
          <p style={{ margin: '0 0 0.5rem' }} data-testid="redline-summary">
            {redline.basedOn == null ? (ownText ? 'The first version: everything is new.' : `The first text in ${languageName(locale)}: everything is new.`) : !ownText ? `${redline.changes} ${redline.changes === 1 ? 'change' : 'changes'} against version ${redline.basedOn}'s ${languageName(locale)} text (the translation as last saved).` : redline.changes === 0 ? `No changes yet against version ${redline.basedOn}.` : `${redline.changes} ${redline.changes === 1 ? 'change' : 'changes'} against version ${redline.basedOn}.`}
          </p>
          <div className="assent-redline" ref={panel} data-testid="redline-text" dir={textDirection(ownText ? (languages?.locale ?? 'en') : locale)} dangerouslySetInnerHTML={{ __html: redline.html }} />
        </>
      )}
    </section>
  )
}
