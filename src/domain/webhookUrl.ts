/** Ports the fetch standard never connects to (mail, shells, file sharing…). */
const BLOCKED_PORTS = new Set([1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080])

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
  if (url.port && BLOCKED_PORTS.has(Number(url.port))) return `must not use port ${url.port}, which HTTP clients refuse to call`
  return undefined
}
