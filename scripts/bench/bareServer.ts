// The baseline of the HTTP scenarios: express answering a constant JSON (BARE_BODY), or the HTML
// page of the file BARE_PAGE read once, on every GET, in a process started like Assent's.
import { readFileSync } from 'node:fs'

import express from 'express'

const body = JSON.parse(process.env.BARE_BODY ?? '{}') as unknown
const page = process.env.BARE_PAGE ? readFileSync(process.env.BARE_PAGE) : undefined
const app = express()
app.get('/ready', (_req, res) => void res.json({ ok: true }))
app.get('/{*path}', (_req, res) => void (page ? res.type('html').send(page) : res.json(body)))
app.listen(Number(process.env.PORT))
