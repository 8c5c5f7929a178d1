import type { PolicyVersion } from '../../payload-types'

/** The public face of a published version, as the JSON API shows it. */
export interface PublishedVersionView {
  policy: string
  version: number
  changeClass: PolicyVersion['changeClass']
  summary: string
  effectiveAt: string
  publishedAt: string
  contentHash: string
  text: string
  html: string
}

export function toPublishedVersionView(slug: string, doc: Omit<PolicyVersion, 'body'>): PublishedVersionView {
  return {
    policy: slug,
    version: doc.version as number,
    changeClass: doc.changeClass,
    summary: doc.summary,
    effectiveAt: doc.effectiveAt as string,
    publishedAt: doc.publishedAt as string,
    contentHash: doc.contentHash as string,
    text: doc.text as string,
    html: doc.html as string,
  }
}
