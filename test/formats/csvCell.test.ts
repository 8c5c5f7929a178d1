import { describe, expect, it } from 'vitest'

import { csvCell, csvRow } from '../../src/formats/csvCell'

describe('csvCell', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`)
    expect(csvCell('+1+1')).toBe("'+1+1")
    expect(csvCell('-2')).toBe("'-2")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\t=1')).toBe("'\t=1")
  })

  it('quotes commas, quotes and line breaks, and leaves plain values alone', () => {
    expect(csvCell('Mozilla/5.0 (X11, Linux)')).toBe('"Mozilla/5.0 (X11, Linux)"')
    expect(csvCell('a "b"')).toBe('"a ""b"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('user-42')).toBe('user-42')
    expect(csvCell(3)).toBe('3')
    expect(csvCell(null)).toBe('')
    expect(csvCell([1, 2])).toBe('"[1,2]"')
  })

  it('ends a record with CRLF', () => {
    expect(csvRow(['a', 1, null])).toBe('a,1,\r\n')
  })
})
