import { isPayloadRoute } from './payloadRoute'
import { pathSegments } from './pathSegments'

/** Why a path names no document Payload could find, or undefined. */
export function documentPathProblem(path: string, slugs: Set<string>, versioned: Set<string>, idPattern: RegExp): string | undefined {
  const [collection, second, third] = pathSegments(path)
  // Payload's own collections (preferences, locks) have endpoints keyed by name: left alone.
  if (!slugs.has(collection) || collection.startsWith('payload-') || !second) return undefined
  if (second === 'versions') {
    if (!versioned.has(collection)) return `${collection} keeps no version history.`
    return third && !idPattern.test(third) ? `No version ${third.slice(0, 40)} of ${collection}.` : undefined
  }
  // Payload's own routes (`count`, `/users/login`…) are judged by payloadRouteProblem.
  if (isPayloadRoute(second)) return undefined
  return idPattern.test(second) ? undefined : `No ${collection} with id ${second.slice(0, 40)}.`
}
