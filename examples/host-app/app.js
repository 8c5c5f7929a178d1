// A minimal "host product": it signs its users in, asks Assent what each still owes, shows
// Assent's banner, and lets nobody in who owes acceptance of a version in force.
import { randomBytes } from 'node:crypto'

import express from 'express'

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
const page = (title, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} · Demo product</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}input,button{font:inherit;padding:.4rem .8rem}</style></head>
<body>${body}</body></html>`

/** The demo product, talking to Assent at `assentUrl` with an integration API key. */
export function createHostApp({ assentUrl, apiKey }) {
  const sessions = new Map()
  const app = express()
  app.use(express.urlencoded({ extended: false }))

  /** One call to Assent's integration API, server to server. */
  async function assent(method, path, body) {
    const res = await fetch(`${assentUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    })
    if (!res.ok) throw new Error(`Assent answered ${res.status} to ${method} ${path}`)
    return res.json()
  }
  const sessionOf = (req) => sessions.get(/(?:^|;\s*)sid=(\w+)/.exec(req.get('cookie') ?? '')?.[1])

  app.get('/', (req, res) => res.redirect(sessionOf(req) ? '/app' : '/login'))

  app.get('/login', (_req, res) => {
    res.send(page('Sign in', `<h1>Sign in</h1><form method="post" action="/login"><label>User name <input name="user" required pattern="[A-Za-z0-9._\\-]{1,64}" autofocus></label> <button>Sign in</button></form>`))
  })

  app.post('/login', async (req, res, next) => {
    try {
      const user = String(req.body.user ?? '').trim()
      if (!/^[A-Za-z0-9._-]{1,64}$/.test(user)) return res.status(400).send(page('Sign in', '<p>Letters, digits, dots, dashes and underscores only.</p><a href="/login">Back</a>'))
      // Tell Assent about the user (the id is the product's own; the address receives change notices).
      await assent('PUT', `/api/v1/subjects/${encodeURIComponent(user)}`, { email: `${user}@example.com` })
      const sid = randomBytes(16).toString('hex')
      sessions.set(sid, { user })
      res.set('set-cookie', `sid=${sid}; HttpOnly; SameSite=Lax; Path=/`).redirect('/app')
    } catch (error) {
      next(error)
    }
  })

  app.get('/app', async (req, res, next) => {
    try {
      const session = sessionOf(req)
      if (!session) return res.redirect('/login')
      const user = encodeURIComponent(session.user)
      // What does this user still owe? Recording the display is the proof the banner was shown.
      const status = await assent('GET', `/api/v1/subjects/${user}/status`)
      const owed = status.policies.filter((p) => p.owed)
      const gated = owed.some((p) => p.owed.action === 'accept' && !p.owed.upcoming)
      const banner = owed.length > 0 ? `<script src="${assentUrl}/embed/banner.js" data-token="${(await assent('POST', `/api/v1/subjects/${user}/token`)).token}"></script>` : ''
      if (gated) {
        return res.send(page('Updated terms', `<h1>Before you continue</h1><p id="gate">We have updated terms that you need to accept to use the product.</p>${banner}
<script>document.addEventListener('assent:accepted', function () { location.reload() })</script>`))
      }
      res.send(page('Dashboard', `<h1 id="welcome">Welcome, ${escape(session.user)}</h1><p>This is the product.</p><form method="post" action="/logout"><button>Sign out</button></form>${banner}`))
    } catch (error) {
      next(error)
    }
  })

  app.post('/logout', (req, res) => {
    const sid = /(?:^|;\s*)sid=(\w+)/.exec(req.get('cookie') ?? '')?.[1]
    if (sid) sessions.delete(sid)
    res.set('set-cookie', 'sid=; Max-Age=0; Path=/').redirect('/login')
  })

  app.use((error, _req, res, _next) => {
    console.error(error)
    res.status(502).send(page('Unavailable', '<p>Our terms service did not answer. Please try again in a moment.</p>'))
  })
  return app
}
