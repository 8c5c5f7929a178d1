import type { GlobalConfig } from 'payload'

import { isAdmin } from '../../src/access/isAdmin'
import { isStaff } from '../../src/access/isStaff'

/**
 * The login banner's wording, as Handlebars templates an admin may edit (empty: Assent's own).
 * Values are escaped; the context is documented in the field descriptions.
 */
export const BannerTemplate: GlobalConfig = {
  slug: 'banner-template',
  label: 'Login banner',
  admin: { group: 'Legal documents' },
  access: { read: isStaff, update: isAdmin },
  fields: [
    {
      name: 'html',
      type: 'code',
      admin: {
        language: 'html',
        description: "Empty: Assent's own wording (src/domain/bannerDefaults.ts). Context: items[] and accepting[] (policyTitle, version, action, summary, effectiveDate, upcoming, hasPrevious, redlineUrl, versionUrl), mustAccept.",
      },
    },
    { name: 'text', type: 'textarea', admin: { description: "Plain-text banner for hosts that render their own. Empty: Assent's own wording." } },
  ],
}
