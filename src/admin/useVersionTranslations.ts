'use client'
import { useEffect, useState } from 'react'

import type { LocaleState } from '../domain/locale/translationStates'

/** What `GET /api/v1/policy-versions/:id/translations` answers. */
export interface VersionTranslationsAnswer {
  locale: string
  previous: number | null
  locales: LocaleState[]
  warnings: { missing: string[]; unchanged: { locale: string; since: number }[] }
}

/** A language's name for editors ("French (fr)"), or the tag alone where the browser has none. */
export function languageName(locale: string): string {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(locale)
    return name && name !== locale ? `${name} (${locale})` : locale
  } catch {
    return locale
  }
}

/** Where each locale of version `id` stands, asked of Assent on this host; again when `refresh` changes. */
export function useVersionTranslations(id: number | string | undefined, refresh?: unknown): { answer?: VersionTranslationsAnswer; problem?: string } {
  const [state, setState] = useState<{ answer?: VersionTranslationsAnswer; problem?: string }>({})
  useEffect(() => {
    if (!id) return
    const controller = new AbortController()
    fetch(`/api/v1/policy-versions/${id}/translations`, { credentials: 'include', signal: controller.signal })
      .then(async (res) => {
        const answer = (await res.json()) as VersionTranslationsAnswer & { error?: { message: string } }
        setState(res.ok ? { answer } : { problem: answer.error?.message ?? `No translations (${res.status}).` })
      })
      .catch((error: Error) => {
        if (error.name !== 'AbortError') setState({ problem: 'Assent did not answer.' })
      })
    return () => controller.abort()
  }, [id, refresh])
  return state
}
