import { describe, expect, it } from 'vitest'

import { plainAutolinks } from '../../src/domain/plainAutolinks'

const text = (t: string) => ({ type: 'text', text: t, format: 0 })

describe('plainAutolinks', () => {
  it('replaces autolinks, at any depth, with their text, and keeps links an editor made', () => {
    const link = { type: 'link', fields: { url: 'https://example.com/sub' }, children: [text('sub-processors')] }
    const state = {
      root: {
        type: 'root',
        children: [
          { type: 'paragraph', children: [text('Write to '), { type: 'autolink', fields: { url: 'mailto:a@b.c' }, children: [text('a@b.c')] }, text('.')] },
          { type: 'list', children: [{ type: 'listitem', children: [link, { type: 'autolink', children: [text('https://x.y')] }] }] },
        ],
      },
    }
    expect(plainAutolinks(state).root.children).toEqual([
      { type: 'paragraph', children: [text('Write to '), text('a@b.c'), text('.')] },
      { type: 'list', children: [{ type: 'listitem', children: [link, text('https://x.y')] }] },
    ])
  })

  it('leaves the given document unchanged', () => {
    const state = { root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'autolink', children: [text('a@b.c')] }] }] } }
    const before = JSON.stringify(state)
    plainAutolinks(state)
    expect(JSON.stringify(state)).toBe(before)
  })
})
