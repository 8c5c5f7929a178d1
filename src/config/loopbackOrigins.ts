const LOOPBACK = ['localhost', '127.0.0.1', '[::1]']

/**
 * The origins a staff browser may use for the public URL besides its own, for Payload's CSRF
 * list (`csrf`, to which Payload adds the public URL): when that URL names this machine by one
 * loopback name, the others on the same port. Otherwise none. Without them, an admin opened at
 * http://127.0.0.1:3000 while the public URL says localhost reads its pages, but every save is
 * refused as "You are not allowed to perform this action": the session cookie is ignored for a
 * request from an origin not on the list. Loopback names reach only this machine, so no other
 * site is let in.
 */
export function loopbackOrigins(publicUrl: string): string[] {
  const url = new URL(publicUrl)
  if (!LOOPBACK.includes(url.hostname)) return []
  const port = url.port ? `:${url.port}` : ''
  return LOOPBACK.filter((host) => host !== url.hostname).map((host) => `${url.protocol}//${host}${port}`)
}
