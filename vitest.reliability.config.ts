import { configDefaults, defineConfig } from 'vitest/config'

import base from './vitest.config'

/** `npm run test:reliability`: faults, concurrency, access, hostile input and abuse. Figures go to
 * docs/reliability.md. `RELIABILITY_SOAK=1` runs the longer soaks. */
export default defineConfig({
  test: {
    ...base.test,
    include: ['test/reliability/**/*.test.ts'],
    exclude: configDefaults.exclude,
    globalSetup: ['test/reliability/figuresReport.ts'],
    testTimeout: 300_000,
  },
})
