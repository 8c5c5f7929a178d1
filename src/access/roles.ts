/** Staff roles. Admins manage users and may override publishing rules; editors draft and
 * publish; auditors read everything and change nothing. */
export const roles = ['admin', 'editor', 'auditor'] as const
export type Role = (typeof roles)[number]

interface MaybeStaff {
  role?: string | null
  collection?: string
}

/** Whether `user` is a logged-in staff user holding one of `allowed`. */
export function hasRole(user: MaybeStaff | null | undefined, ...allowed: Role[]): boolean {
  if (!user || user.collection !== 'users') return false
  return allowed.includes(user.role as Role)
}
