// The baseline of the HTTP scenarios: express answering a constant JSON (BARE_BODY) on every GET,
// in a process started like Assent's.
import express from 'express'

const body = JSON.parse(process.env.BARE_BODY ?? '{}') as unknown
const app = express()
app.get('/ready', (_req, res) => void res.json({ ok: true }))
app.get('/{*path}', (_req, res) => void res.json(body))
app.listen(Number(process.env.PORT))
