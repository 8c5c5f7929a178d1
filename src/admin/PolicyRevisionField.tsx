import type { UIFieldServerComponent } from 'payload'
import React from 'react'

import { hasRole } from '../access/roles'
import { NewRevisionButton } from './NewRevisionButton'

/** In a policy's sidebar: the way to change its text (a new revision of the newest version). */
export const PolicyRevisionField: UIFieldServerComponent = ({ data, user }) => {
  if (!data?.slug || !hasRole(user, 'editor', 'admin')) return null
  return (
    <div style={{ marginBottom: '1.5rem' }}>
      <p style={{ margin: '0 0 0.5rem' }}>Change the text through a new revision: it starts from the newest published version.</p>
      <NewRevisionButton slug={data.slug} />
    </div>
  )
}
