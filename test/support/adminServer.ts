import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { ensureAdminBuild } from './adminBuild'
import { freePort } from './freePort'
import { exited, printed, type serverProcesses } from './spawnServer'

type Staff = { email: string; password: string }

/**
 * Assent as `npm start` serves it, admin included, on a SQLite file of its own with `admin` as its
 * first admin: started among `servers` (stopped with them), once it says it is serving. Returns
 * its address and the admin's headers for Payload's REST API.
 */
export async function startAdminServer(servers: ReturnType<typeof serverProcesses>, name: string, admin: Staff): Promise<{ base: string; auth: Record<string, string> }> {
  await ensureAdminBuild()
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const dir = mkdtempSync(path.join(tmpdir(), `assent-${name}-`))
  const server = servers.start({
    ASSENT_ADMIN: 'on', NODE_ENV: 'production', ASSENT_ENV: 'local', PORT: String(port), PUBLIC_URL: base,
    DATABASE_URL: `file:${dir}/assent.db`, ASSENT_DATA_DIR: dir, PAYLOAD_SECRET: `${name}-secret`,
    ASSENT_ADMIN_EMAIL: admin.email, ASSENT_ADMIN_PASSWORD: admin.password, NOTICE_POLL_SECONDS: '0.2',
  })
  void exited(server)
  await printed(server, /Assent is serving/)
  const login = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) })
  const { token } = (await login.json()) as { token: string }
  return { base, auth: { authorization: `JWT ${token}`, 'content-type': 'application/json' } }
}
