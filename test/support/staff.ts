import type { Payload } from 'payload'
import { afterAll, beforeAll } from 'vitest'

import type { Role } from '../../src/access/roles'
import { startTestApp, type TestApp } from './testApp'

export type Caller = Role | 'anonymous'
export const callers: Caller[] = ['anonymous', 'auditor', 'editor', 'admin']

const PASSWORD = 'correct-horse-battery-staple'

/** Creates one staff account per role and logs each in over REST; returns their JWTs. */
export async function loginStaff(payload: Payload, baseUrl: string): Promise<Record<Role, string>> {
  const tokens = {} as Record<Role, string>
  for (const role of ['admin', 'editor', 'auditor'] as const) {
    const email = `${role}@example.com`
    await payload.create({ collection: 'users', data: { email, password: PASSWORD, role } })
    const res = await fetch(`${baseUrl}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    })
    const body = (await res.json()) as { token?: string }
    if (!body.token) throw new Error(`login of ${role} failed: ${res.status}`)
    tokens[role] = body.token
  }
  return tokens
}

/** fetch as a caller: adds `Authorization: JWT …` for staff, JSON body and content type. */
export function requestAs(baseUrl: string, tokens: Record<Role, string>) {
  return async (caller: Caller, method: string, path: string, body?: unknown): Promise<Response> => {
    const headers: Record<string, string> = {}
    if (caller !== 'anonymous') headers.authorization = `JWT ${tokens[caller]}`
    if (body !== undefined) headers['content-type'] = 'application/json'
    return fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  }
}

/** A running app with one logged-in staff account per role, for one test file. */
export interface StaffApp {
  app: TestApp
  tokens: Record<Role, string>
  request: ReturnType<typeof requestAs>
}

/** Starts the app before the file's tests and stops it after; fields are set once started. */
export function useStaffApp(): StaffApp {
  const staff = {} as StaffApp
  beforeAll(async () => {
    staff.app = await startTestApp()
    staff.tokens = await loginStaff(staff.app.payload, staff.app.baseUrl)
    staff.request = requestAs(staff.app.baseUrl, staff.tokens)
  })
  afterAll(() => staff.app?.close())
  return staff
}
