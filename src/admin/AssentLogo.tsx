import React from 'react'

import { AssentMark } from './AssentIcon'

/** The login page's logo in place of Payload's: the mark and the name. */
export function AssentLogo() {
  return (
    <span data-testid="assent-logo" style={{ display: 'inline-flex', alignItems: 'center', gap: '0.75rem' }}>
      <AssentMark size={48} />
      <span style={{ fontSize: '2.25rem', fontWeight: 700, letterSpacing: '-0.02em', color: 'var(--theme-text)' }}>Assent</span>
    </span>
  )
}
