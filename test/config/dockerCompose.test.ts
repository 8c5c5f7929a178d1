import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

const compose = readFileSync('docker-compose.yml', 'utf8')

describe('docker-compose.yml', () => {
  it('pins every image to a version tag', () => {
    const images = [...compose.matchAll(/^\s*image:\s*(\S+)\s*$/gm)].map((m) => m[1])
    expect(images.length).toBeGreaterThan(0)
    for (const image of images) expect(image, image).toMatch(/:(?!latest$)[\w.-]+$/)
  })

  it('requires PAYLOAD_SECRET instead of defaulting to a placeholder everyone knows', () => {
    const line = compose.split('\n').find((l) => /^\s*PAYLOAD_SECRET:/.test(l))
    expect(line).toMatch(/\$\{PAYLOAD_SECRET:\?[^}]+\}/)
  })
})
