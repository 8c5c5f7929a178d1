import React from 'react'

import { MARK } from '../brand/assentMark'

/** Assent's mark, drawn inline. */
export function AssentMark({ size }: { size: number | string }) {
  return (
    <svg viewBox={MARK.viewBox} width={size} height={size} aria-hidden="true" focusable="false">
      <path d={MARK.sheet} fill={MARK.colour} />
      <path d={MARK.fold} fill="none" stroke="#ffffff" strokeOpacity={0.55} strokeWidth={3} strokeLinejoin="round" />
      <path d={MARK.tick} fill="none" stroke="#ffffff" strokeWidth={6} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}

/** The admin's small icon (navigation, step bar) in place of Payload's. */
export function AssentIcon() {
  return <span data-testid="assent-icon" style={{ display: 'inline-flex' }}><AssentMark size={24} /></span>
}
