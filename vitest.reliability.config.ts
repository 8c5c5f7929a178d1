import { configDefaults, defineConfig } from 'vitest/config'

import base from './vitest.config'

const alone = ['test/reliability/writeStorm.test.ts']
// Each project names its own files: a project's settings are added to these, not put instead.
const { include: _include, exclude: _exclude, ...shared } = base.test ?? {}

/** `npm run test:reliability`: faults, concurrency, access, hostile input and abuse. Figures go to
 * docs/reliability.md. `RELIABILITY_SOAK=1` runs the longer soaks. The write storm runs last and
 * alone: its latency figures are the server's, not those of another test file beside it. */
export default defineConfig({
  test: {
    ...shared,
    globalSetup: ['test/reliability/figuresReport.ts'],
    testTimeout: 300_000,
    projects: [
      { extends: true, test: { name: 'reliability', include: ['test/reliability/**/*.test.ts'], exclude: [...configDefaults.exclude, ...alone], sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'write storm', include: alone, sequence: { groupOrder: 1 } } },
    ],
  },
})
