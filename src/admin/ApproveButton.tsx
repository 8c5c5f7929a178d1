'use client'
import { Button, useDocumentInfo } from '@payloadcms/ui'
import React, { useState } from 'react'

/** A second editor approves the saved draft for publishing (two-person rule). */
export function ApproveButton() {
  const { id } = useDocumentInfo()
  const [problem, setProblem] = useState<string>()
  const approve = async () => {
    const res = await fetch(`/api/v1/policy-versions/${id}/approval`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', credentials: 'include' })
    if (res.ok) return window.location.reload()
    const body = (await res.json().catch(() => ({}))) as { error?: { message: string } }
    setProblem(body.error?.message ?? `Not approved (${res.status}).`)
  }
  return (
    <span>
      <Button size="small" buttonStyle="secondary" onClick={() => void approve()} id="approve-version" margin={false}>Approve the saved draft</Button>
      {problem && <span role="alert" style={{ color: 'var(--theme-error-500)', marginLeft: '0.5rem' }}>{problem}</span>}
    </span>
  )
}
