/** Where a published version is read in the Legal Center, and where its changes are shown. */
export interface LegalLinks {
  versionUrl: string
  /** The redline against the previous version; the version itself when it is the first. */
  changesUrl: string
}

/** The Legal Center addresses of version `version` of policy `slug` (after `previous`, if any). */
export function legalLinks(publicUrl: string, slug: string, version: number, previous?: number | null): LegalLinks {
  const versionUrl = `${publicUrl}/legal/${slug}/versions/${version}`
  return { versionUrl, changesUrl: previous ? `${publicUrl}/legal/${slug}/compare/${previous}/${version}` : versionUrl }
}
