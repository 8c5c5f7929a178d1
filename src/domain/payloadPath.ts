/** Payload's own routes under a collection, which are not document ids. */
const COLLECTION_ROUTES = new Set(['versions', 'me', 'login', 'logout', 'refresh-token', 'init', 'first-register', 'forgot-password', 'reset-password', 'verify', 'unlock', 'access'])

const safeDecode = (part: string) => {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}

/** Why a path names no document Payload could find, or undefined. */
export function documentPathProblem(path: string, slugs: Set<string>, versioned: Set<string>, idPattern: RegExp): string | undefined {
  const [collection, second, third] = path.split('/').slice(1).map(safeDecode)
  // Payload's own collections (preferences, locks) have endpoints keyed by name: left alone.
  if (!slugs.has(collection) || collection.startsWith('payload-') || !second) return undefined
  if (second === 'versions') {
    if (!versioned.has(collection)) return `${collection} keeps no version history.`
    return third && !idPattern.test(third) ? `No version ${third.slice(0, 40)} of ${collection}.` : undefined
  }
  if (COLLECTION_ROUTES.has(second)) return undefined
  return idPattern.test(second) ? undefined : `No ${collection} with id ${second.slice(0, 40)}.`
}
