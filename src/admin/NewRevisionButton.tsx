'use client'
import { Button } from '@payloadcms/ui'
import React, { useState } from 'react'

/**
 * "New revision": opens a draft of the policy's next version, starting from its newest published
 * text (or the draft already open, when there is one).
 */
export function NewRevisionButton({ slug, label = 'New revision' }: { slug: string; label?: string }) {
  const [problem, setProblem] = useState<string>()
  const [busy, setBusy] = useState(false)
  const start = async () => {
    setBusy(true)
    const res = await fetch(`/api/v1/policies/${encodeURIComponent(slug)}/revisions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', credentials: 'include' })
    const body = (await res.json().catch(() => ({}))) as { editUrl?: string; error?: { message: string } }
    if (!res.ok || !body.editUrl) {
      setBusy(false)
      return setProblem(body.error?.message ?? `Could not start a revision (${res.status}).`)
    }
    window.location.assign(body.editUrl)
  }
  return (
    <span>
      <Button size="small" buttonStyle="primary" disabled={busy} onClick={() => void start()} id={`new-revision-${slug}`} margin={false}>{label}</Button>
      {problem && <span role="alert" style={{ color: 'var(--theme-error-500)', marginLeft: '0.5rem' }}>{problem}</span>}
    </span>
  )
}
