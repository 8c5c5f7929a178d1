import { pathSegments } from './pathSegments'

/** Payload's account routes under an auth collection (`/api/users/login`…), each with the one
 * method it answers. Payload's permissions route is `/api/access`, not one of these. */
const ACCOUNT_ROUTES: Readonly<Record<string, 'GET' | 'POST'>> = {
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

/** Whether `name` is one of Payload's account routes (and so never a document id). */
export const isAccountRoute = (name: string): boolean => Object.hasOwn(ACCOUNT_ROUTES, name)

/** Why a request to an account route cannot be answered: 404 where the collection holds no
 * accounts, 405 (with the method to use) where the route takes another method. */
export interface AccountRouteProblem {
  code: 'not_found' | 'method_not_allowed'
  message: string
  allow?: string
}

/**
 * The problem with `method path` (path below the API root) if it names an account route Payload
 * would otherwise take as a document id and fail on with a 500, or undefined.
 */
export function accountRouteProblem(method: string, path: string, slugs: ReadonlySet<string>, authSlugs: ReadonlySet<string>): AccountRouteProblem | undefined {
  const [collection, route] = pathSegments(path)
  if (!route || !slugs.has(collection) || collection.startsWith('payload-') || !isAccountRoute(route)) return undefined
  if (!authSlugs.has(collection)) {
    return { code: 'not_found', message: `No ${collection} with id ${route}: ${collection} holds no accounts, so it has no ${route} route.` }
  }
  const allow = ACCOUNT_ROUTES[route]
  const upper = method.toUpperCase()
  if (upper === allow || upper === 'OPTIONS' || (upper === 'HEAD' && allow === 'GET')) return undefined
  return { code: 'method_not_allowed', message: `${route} takes ${allow} only, not ${upper}.`, allow }
}
