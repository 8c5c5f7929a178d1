import express from 'express'

import { listen, type Listening } from './listen'

/** A host product's page: its server creates the signed-in user in Assent (`?user=`, in the
 * language `?locale=` when given), asks for a banner token and embeds Assent's banner script with it. */
export async function startDemoHost(assentUrl: string, key: string): Promise<Listening> {
  const demo = express()
  demo.get('/dashboard', async (req, res) => {
    const user = String(req.query.user)
    const locale = typeof req.query.locale === 'string' ? { locale: req.query.locale } : {}
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' }
    await fetch(`${assentUrl}/api/v1/subjects/${user}`, { method: 'PUT', headers, body: JSON.stringify({ email: `${user}@example.com`, ...locale }) })
    const { token } = (await (await fetch(`${assentUrl}/api/v1/subjects/${user}/token`, { method: 'POST', headers })).json()) as { token: string }
    res.send(`<!doctype html><html><head><title>Demo product</title></head><body><h1>Welcome back, ${user}</h1>
        <script src="${assentUrl}/embed/banner.js" data-token="${token}"></script></body></html>`)
  })
  return listen(demo)
}
