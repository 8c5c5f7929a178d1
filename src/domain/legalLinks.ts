/** Where a published version is read in the Legal Center, and where its changes are shown. */
export interface LegalLinks {
  versionUrl: string
  /** The redline against the previous version; the version itself when it is the first. */
  changesUrl: string
}

/** The Legal Center addresses of version `version` of policy `slug` (after `previous`, if any),
 * in locale `lang` when given (the site's default needs none). */
export function legalLinks(publicUrl: string, slug: string, version: number, previous?: number | null, lang?: string): LegalLinks {
  const query = lang ? `?lang=${encodeURIComponent(lang)}` : ''
  const versionUrl = `${publicUrl}/legal/${slug}/versions/${version}${query}`
  return { versionUrl, changesUrl: previous ? `${publicUrl}/legal/${slug}/compare/${previous}/${version}${query}` : versionUrl }
}
