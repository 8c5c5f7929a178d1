'use client'
import { useDocumentInfo, useField } from '@payloadcms/ui'
import { useEffect } from 'react'

/** A document id as the URL carries it: a number on SQL databases, else the text. */
const idOf = (text: string): number | string => (/^\d+$/.test(text) ? Number(text) : text)

/**
 * On a new translation opened from a version's Translations panel
 * (`create?version=7&locale=fr`), fills in the version and the language the editor chose
 * there, unless they are filled in already. Renders nothing.
 */
export function TranslationPreset() {
  const { id } = useDocumentInfo()
  const version = useField<number | string | null>({ path: 'version' })
  const locale = useField<string | null>({ path: 'locale' })
  useEffect(() => {
    if (id) return
    const query = new URLSearchParams(window.location.search)
    const wantedVersion = query.get('version')
    const wantedLocale = query.get('locale')
    if (wantedVersion && !version.value) version.setValue(idOf(wantedVersion))
    if (wantedLocale && !locale.value) locale.setValue(wantedLocale)
    // Once, when the create view opens: later edits are the editor's.
  }, [id])
  return null
}
