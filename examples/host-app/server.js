// node examples/host-app/server.js, with ASSENT_URL and ASSENT_API_KEY (an integration key).
import { createHostApp } from './app.js'

const assentUrl = (process.env.ASSENT_URL ?? 'http://localhost:3000').replace(/\/+$/, '')
const apiKey = process.env.ASSENT_API_KEY
if (!apiKey) {
  console.error('Set ASSENT_API_KEY to an integration key: npx assent apikey:create --scope integration --name demo')
  process.exit(1)
}
const port = Number(process.env.PORT ?? 4000)
createHostApp({ assentUrl, apiKey }).listen(port, () => console.log(`Demo product on http://localhost:${port} (Assent at ${assentUrl})`))
