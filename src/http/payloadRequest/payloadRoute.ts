import { pathSegments } from './pathSegments'

type Method = 'GET' | 'POST'

/** Payload's routes under every collection whose name is not a document id (`versions` aside,
 * which takes ids after it): counting, and what the caller may do (`POST …/access/:id?`). */
const COLLECTION_ROUTES: Readonly<Record<string, Method>> = { count: 'GET', access: 'POST' }

/** Payload's account routes under an auth collection (`/api/users/login`…). */
const ACCOUNT_ROUTES: Readonly<Record<string, Method>> = {
  me: 'GET',
  init: 'GET',
  login: 'POST',
  logout: 'POST',
  'refresh-token': 'POST',
  'first-register': 'POST',
  'forgot-password': 'POST',
  'reset-password': 'POST',
  unlock: 'POST',
  verify: 'POST',
}

/** Whether `name` is one of Payload's own routes under a collection (and so never a document id). */
export const isPayloadRoute = (name: string): boolean => Object.hasOwn(COLLECTION_ROUTES, name) || Object.hasOwn(ACCOUNT_ROUTES, name)

/** Why a request to one of Payload's routes cannot be answered: 404 for an account route where
 * the collection holds no accounts, 405 (with the method to use) where the route takes another. */
export interface PayloadRouteProblem {
  code: 'not_found' | 'method_not_allowed'
  message: string
  allow?: Method
}

/**
 * The problem with `method path` (path below the API root) if it names one of Payload's routes
 * under a collection in a way Payload would take for a document id and fail on with a 500, or
 * undefined.
 */
export function payloadRouteProblem(method: string, path: string, slugs: ReadonlySet<string>, authSlugs: ReadonlySet<string>): PayloadRouteProblem | undefined {
  const [collection, route] = pathSegments(path)
  if (!route || !slugs.has(collection) || collection.startsWith('payload-') || !isPayloadRoute(route)) return undefined
  const allow = COLLECTION_ROUTES[route] ?? ACCOUNT_ROUTES[route]
  if (!Object.hasOwn(COLLECTION_ROUTES, route) && !authSlugs.has(collection)) {
    return { code: 'not_found', message: `No ${collection} with id ${route}: ${collection} holds no accounts, so it has no ${route} route.` }
  }
  const upper = method.toUpperCase()
  if (upper === allow || upper === 'OPTIONS' || (upper === 'HEAD' && allow === 'GET')) return undefined
  return { code: 'method_not_allowed', message: `${route} takes ${allow} only, not ${upper}.`, allow }
}
