import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The reliability suite runs on its own: npm run test:reliability.
    exclude: [...configDefaults.exclude, 'test/reliability/**'],
    // One process per test file: each boots its own Payload on its own fresh database.
    pool: 'forks',
    isolate: true,
    // See scripts/nodeFlags.js: Lexical's Node entry points can deadlock module loading on Node 20.
    execArgv: ['--conditions=production'],
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    env: { ASSENT_ENV: 'test', PAYLOAD_SECRET: 'test-secret-not-for-production', NEXT_TELEMETRY_DISABLED: '1' },
  },
})
