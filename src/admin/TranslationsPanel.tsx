'use client'
import { useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React from 'react'

import type { LocaleState } from '../domain/locale/translationStates'
import { languageName, useVersionTranslations } from './useVersionTranslations'

const LABEL: Record<LocaleState['state'], string> = {
  own: 'the version\'s own language',
  frozen: 'translated (frozen)',
  ready: 'translated (ready)',
  draft: 'draft',
  missing: 'missing',
}

/** What an editor sees of one locale: its state, and whether it still has the previous text. */
function describe(state: LocaleState): string {
  const unchanged = state.unchangedSince !== undefined ? `, unchanged since version ${state.unchangedSince}` : ''
  return `${LABEL[state.state]}${unchanged}${state.notOffered ? ' (no longer offered)' : ''}`
}

/**
 * On a version's edit view, the side panel listing every language the site offers with where
 * this version stands in it, linking to each translation, or to create the missing one with the
 * version and language already chosen.
 */
export function TranslationsPanel() {
  const { id } = useDocumentInfo()
  // Asked again after each save: a published version or a new translation changes the states.
  const updatedAt = useFormFields(([fields]) => fields.updatedAt?.value)
  const { answer, problem } = useVersionTranslations(id, updatedAt)
  if (!id) return null
  return (
    <section data-testid="translations-panel" style={{ marginBottom: '1.5rem' }}>
      <h4 style={{ margin: '0 0 0.25rem' }}>Translations</h4>
      {problem && <p role="alert" style={{ color: 'var(--theme-error-500)' }}>{problem}</p>}
      {!answer && !problem && <p>Loading…</p>}
      {answer && (
        <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
          {answer.locales.map((state) => (
            <li key={state.locale} data-locale={state.locale} data-state={state.state} style={{ margin: '0.2rem 0', color: state.state === 'missing' || state.unchangedSince !== undefined ? 'var(--theme-warning-700, inherit)' : undefined }}>
              <strong>{languageName(state.locale)}</strong>: {describe(state)}
              {state.translationId !== undefined && <> · <a href={`/admin/collections/version-translations/${state.translationId}`}>open</a></>}
              {state.state === 'missing' && <> · <a href={`/admin/collections/version-translations/create?version=${encodeURIComponent(String(id))}&locale=${encodeURIComponent(state.locale)}`}>translate</a></>}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
