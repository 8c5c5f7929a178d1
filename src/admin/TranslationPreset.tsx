'use client'
import { useDocumentInfo, useField } from '@payloadcms/ui'
import { useEffect, useRef } from 'react'

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
  // Set until the form holds the value: the form's own start can empty a field set too early.
  // Once it holds, a later change is the editor's.
  const held = useRef({ version: false, locale: false })
  useEffect(() => {
    if (id) return
    const query = new URLSearchParams(window.location.search)
    const preset = (key: 'version' | 'locale', field: { value: unknown; setValue: (v: unknown) => void }, wanted: number | string | null) => {
      if (wanted === null || held.current[key]) return
      if (String(field.value ?? '') === String(wanted)) held.current[key] = true
      else if (!field.value) field.setValue(wanted)
    }
    const wantedVersion = query.get('version')
    preset('version', version, wantedVersion ? idOf(wantedVersion) : null)
    preset('locale', locale, query.get('locale'))
  }, [id, version, locale])
  return null
}
