'use client'
import { Button, useAuth, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React, { useState } from 'react'

/**
 * On a subject's page, for admins: erase the subject's personal data (GDPR), after typing the
 * external id to confirm. The evidence stays and still verifies; the page reloads pseudonymised.
 */
export function EraseSubjectButton() {
  const { user } = useAuth<{ role?: string }>()
  const { id } = useDocumentInfo()
  const externalId = useFormFields(([fields]) => fields.externalId?.value as string | undefined)
  const erasedAt = useFormFields(([fields]) => fields.erasedAt?.value as string | undefined)
  const [message, setMessage] = useState<string>()
  if (!id || user?.role !== 'admin') return null
  if (erasedAt) return <p data-testid="erased">Personal data erased on {new Date(erasedAt).toUTCString()}.</p>
  const erase = async () => {
    const typed = window.prompt(`Erase the personal data of "${externalId}"? Acceptances and notices stay as pseudonymous evidence. Type the external id to confirm.`)
    if (typed !== externalId) return setMessage('Not erased: the external id did not match.')
    const res = await fetch(`/api/v1/subjects/${encodeURIComponent(externalId ?? '')}/erase`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ confirm: typed }), credentials: 'include' })
    const body = (await res.json()) as { error?: { message: string } }
    if (!res.ok) return setMessage(body.error?.message ?? `Refused (${res.status}).`)
    window.location.reload()
  }
  return (
    <div style={{ marginBottom: '1.5rem' }}>
      <Button buttonStyle="error" size="small" onClick={() => void erase()}>Erase personal data…</Button>
      {message && <p role="alert">{message}</p>}
    </div>
  )
}
