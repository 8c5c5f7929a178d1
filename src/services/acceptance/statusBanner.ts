import { keepJson } from '../../domain/keptJson'
import { matchLocale } from '../../domain/locale/negotiateLocale'
import { renderBanner, type BannerChange, type BannerItem, type BannerLanguage, type RenderedBanner } from '../../render/renderBanner'
import { keptPerCatalog } from './keptPerCatalog'
import type { StatusCatalog } from './statusCatalog'
import type { OwedChange, Owing } from './subjectStatus'

/** One of the changes a banner lists. */
const bannerChange = (c: OwedChange): BannerChange => ({
  version: c.version,
  changeClass: c.changeClass,
  effectiveDate: c.effectiveAt.slice(0, 10),
  upcoming: c.upcoming,
  supersededBy: c.supersededBeforeEffectBy,
  summary: c.summary,
  versionUrl: c.versionUrl,
})

/** What the banner lists for what is owed. */
const bannerItems = (owing: Owing[]): BannerItem[] =>
  owing.map(({ policy, version, status }) => ({
    policyTitle: policy.title,
    version: version.version,
    action: status.owed!.action,
    summary: status.owed!.summary,
    locale: status.owed!.locale,
    effectiveDate: version.effectiveAt.toISOString().slice(0, 10),
    upcoming: status.owed!.upcoming,
    hasPrevious: status.owed!.since !== null,
    since: status.owed!.since,
    redlineUrl: status.owed!.redlineUrl,
    versionUrl: status.owed!.versionUrl,
    changes: status.owed!.changes.length > 1 ? status.owed!.changes.map(bannerChange) : [],
  }))

const banners = keptPerCatalog<RenderedBanner>(1000)

/** A number per status object: a kept status is a new object whenever what it says may change. */
const statusIds = new WeakMap<Owing, number>()
let nextStatusId = 0
function statusId(status: Owing): number {
  let id = statusIds.get(status)
  if (id === undefined) statusIds.set(status, (id = nextStatusId++))
  return id
}

/** The banner for what is `owing`, in `language`, rendered once per catalog: what it says comes
 * from the catalog, the kept statuses (known by identity, not by their words) and the language. */
export function bannerFor(catalog: StatusCatalog, owing: Owing[], language: BannerLanguage): RenderedBanner {
  const key = `${language.locale} ${language.fallback} ${owing.map(statusId).join(' ')}`
  let banner = banners.get(catalog, key)
  if (!banner) banners.set(catalog, key, (banner = keepJson(renderBanner(catalog.banner, bannerItems(owing), language))))
  return banner
}

/** The banner's language for a subject: theirs where the site offers it, else the default (and
 * the banner says their language is not available). */
export function bannerLanguage(catalog: StatusCatalog, wanted: string | null | undefined): BannerLanguage {
  const { locales, defaultLocale } = catalog.languages
  const offered = matchLocale(wanted, locales)
  return { locale: offered ?? defaultLocale, defaultLocale, fallback: !offered && !!wanted }
}
