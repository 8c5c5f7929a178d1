/**
 * What is wrong with a webhook endpoint's URL, or undefined: an absolute http(s) URL without
 * credentials or fragment; in production only https (plain http is for local receivers).
 */
export function webhookUrlProblem(value: unknown, production: boolean): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return 'must be an absolute URL such as https://example.com/hooks/assent'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'must be an absolute URL such as https://example.com/hooks/assent'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `must use https, not ${url.protocol.replace(':', '')}`
  if (production && url.protocol !== 'https:') return 'must use https in production'
  if (url.username || url.password) return 'must not carry a user name or password: the signature authenticates deliveries'
  if (url.hash) return 'must not have a #fragment'
  return undefined
}
