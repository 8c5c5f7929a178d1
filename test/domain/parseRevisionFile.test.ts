import { describe, expect, it } from 'vitest'

import { inHistoryOrder, parseRevisionFile } from '../../src/formats/parseRevisionFile'

describe('parseRevisionFile', () => {
  it('takes the effective date from a file name that starts with one', () => {
    const file = parseRevisionFile('2020-02-10-privacy.md', '# Privacy\n')
    expect(file.effectiveAt.toISOString()).toBe('2020-02-10T00:00:00.000Z')
    expect(file.markdown).toBe('# Privacy\n')
  })

  it('prefers front matter, and reads change class and summary from it', () => {
    const file = parseRevisionFile('privacy.md', '---\neffective: 2021-03-04T09:00:00Z\nchangeClass: material\nsummary: Adds retention\n---\n# Privacy\n')
    expect(file).toMatchObject({ effectiveAt: new Date('2021-03-04T09:00:00Z'), changeClass: 'material', summary: 'Adds retention', markdown: '# Privacy\n' })
  })

  it('reads the policy title from front matter, and refuses one that is not text', () => {
    expect(parseRevisionFile('2020-01-01.md', '---\ntitle: " Terms of Service "\n---\nx').title).toBe('Terms of Service')
    expect(parseRevisionFile('2020-01-01.md', 'x').title).toBeUndefined()
    expect(() => parseRevisionFile('2020-01-01.md', '---\ntitle: [a, b]\n---\nx')).toThrow(/2020-01-01\.md: title must be text/)
  })

  it('refuses a file without a date, naming it', () => {
    expect(() => parseRevisionFile('privacy.md', '# Privacy')).toThrow(/privacy\.md: no effective date/)
  })

  it('says "invalid date" for a file named with a date that does not exist, naming the file', () => {
    expect(() => parseRevisionFile('2020-13-45-x.md', '# Privacy')).toThrow(/^2020-13-45-x\.md: invalid date 2020-13-45 in the file name/)
    expect(() => parseRevisionFile('2021-02-30-x.md', '# Privacy')).toThrow(/^2021-02-30-x\.md: invalid date/)
    expect(() => parseRevisionFile('privacy.md', '---\neffective: 2020-13-45\n---\nx')).toThrow(/^privacy\.md: invalid date "2020-13-45" in front matter/)
  })

  it('refuses broken YAML front matter in one line naming the file', () => {
    let message = ''
    try {
      parseRevisionFile('2020-01-01-broken.md', '---\neffective: [2020\nsummary: x\n---\n# Privacy\n')
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(/^2020-01-01-broken\.md: the front matter is not valid YAML \(line \d+ of the file\): \S/)
    expect(message).not.toContain('\n')
  })

  it('refuses an unknown change class', () => {
    expect(() => parseRevisionFile('2020-01-01.md', '---\nchangeClass: huge\n---\nx')).toThrow(/changeClass must be one of/)
  })

  it('orders revisions by date, then by name for revisions of the same day', () => {
    const files = ['2021-01-01-b.md', '2020-01-01.md', '2021-01-01-a.md'].map((n) => parseRevisionFile(n, 'x'))
    expect(inHistoryOrder(files).map((f) => f.name)).toEqual(['2020-01-01.md', '2021-01-01-a.md', '2021-01-01-b.md'])
  })
})
