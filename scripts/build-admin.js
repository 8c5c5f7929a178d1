#!/usr/bin/env node
// `npm run build`: builds the admin (Next) now, for images and deployments.
import { buildAdmin } from './adminBuild.js'

if (process.env.NODE_ENV !== 'production' && !process.env.ASSENT_ENV) process.env.ASSENT_ENV = 'local'
try {
  buildAdmin()
} catch (error) {
  console.error(`assent: ${error.message}`)
  process.exit(1)
}
