/** Payload's `auth.cookies` for the staff session cookie. */
export interface AuthCookies {
  secure: boolean
  sameSite: 'Lax'
}

/**
 * `Secure` whenever the public URL is https, so a browser never sends a staff session over plain
 * http (a proxy that terminates TLS still counts: the browser sees https). Lax as Payload's default.
 */
export function authCookies(publicUrl: string): AuthCookies {
  return { secure: new URL(publicUrl).protocol === 'https:', sameSite: 'Lax' }
}
