import type { GlobalConfig } from 'payload'

import { isAdmin } from '../../src/access/isAdmin'
import { isStaff } from '../../src/access/isStaff'
import { defaultBannerWording } from '../../src/domain/bannerDefaults'
import { isLocaleTag } from '../../src/domain/locale/localeTag'

const wording = (name: keyof typeof defaultBannerWording, label: string) => ({
  name,
  label,
  type: 'text' as const,
  maxLength: 300,
  admin: { placeholder: defaultBannerWording[name] || undefined, description: defaultBannerWording[name] ? `Empty: "${defaultBannerWording[name]}".` : 'Empty: none.' },
})

/**
 * The login banner's wording, which an admin may change. Plain text shown as written (escaped):
 * the layout is Assent's own, so no staff-supplied text is ever compiled as a template.
 */
export const BannerTemplate: GlobalConfig = {
  slug: 'banner-template',
  label: 'Login banner',
  admin: { group: 'Legal documents', description: 'The words of the banner shown at login. Each policy owed is listed with its summary and links; the consent sentence ends with the titles being accepted.' },
  access: { read: isStaff, update: isAdmin },
  fields: [
    wording('intro', 'Introduction'),
    wording('changesLinkLabel', 'Label of the link to the redline'),
    wording('fullTextLabel', 'Label of the link to the full text'),
    wording('consentLead', 'Start of the consent sentence'),
    {
      name: 'translations',
      label: 'In other languages',
      type: 'array',
      admin: {
        description:
          'The fields above are the wording in the site’s default language. Add a row to word the banner in another language the site offers; an empty field keeps Assent’s own wording in that language (English, French and Arabic are built in).',
      },
      fields: [
        {
          name: 'locale',
          label: 'Language',
          type: 'text',
          required: true,
          maxLength: 35,
          admin: { placeholder: 'fr' },
          validate: (value: unknown) => isLocaleTag(value) || 'A language tag such as fr, ar or pt-BR.',
        },
        wording('intro', 'Introduction'),
        wording('changesLinkLabel', 'Label of the link to the redline'),
        wording('fullTextLabel', 'Label of the link to the full text'),
        wording('consentLead', 'Start of the consent sentence'),
      ],
    },
  ],
}
