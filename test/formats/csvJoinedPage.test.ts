import { describe, expect, it } from 'vitest'

import { random } from '../../scripts/bench/revisionTexts'
import { csvRow } from '../../src/formats/csvCell'
import { csvOfJoinedPage, JOINED_CELL, JOINED_ROW } from '../../src/formats/csvJoinedPage'

/** A page as the database joins it: a null cell empty. */
const joined = (rows: Array<Array<string | null>>) => rows.map((cells) => cells.map((c) => c ?? '').join(JOINED_CELL)).join(JOINED_ROW)
const csvOf = (rows: Array<Array<string | null>>) => Buffer.from(rows.map((cells) => csvRow(cells)).join(''))

/** Characters that CSV escaping or a spreadsheet treats specially, and some that it does not. */
const ALPHABET = ['"', ',', '\r', '\n', '=', '+', '-', '@', '\t', "'", ' ', 'a', 'Z', '7', 'é', '\u202e', '😀', ';']

describe('a page the database joined, as CSV', () => {
  it('is byte for byte the rows one by one, for cells full of quotes, commas, line breaks and formula starts', () => {
    const next = random(20261205)
    const cell = () => (next() < 0.1 ? null : Array.from({ length: Math.floor(next() * 6) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join(''))
    let quoted = 0
    let neutralised = 0
    for (let page = 0; page < 3000; page++) {
      const width = 1 + Math.floor(next() * 5)
      const rows = Array.from({ length: 1 + Math.floor(next() * 4) }, () => Array.from({ length: width }, cell))
      const csv = csvOf(rows)
      expect(csvOfJoinedPage(joined(rows), rows.length, width)?.toString()).toBe(csv.toString())
      quoted += csv.toString().includes('"') ? 1 : 0
      neutralised += csv.toString().includes("'=") ? 1 : 0
    }
    // The pages did exercise both escapes.
    expect(quoted).toBeGreaterThan(1000)
    expect(neutralised).toBeGreaterThan(100)
  })

  it('writes the examples an auditor would look for', () => {
    const rows = [
      ['1', 'user-1', '=HYPERLINK("http://evil.example","open me")', 'Mozilla/5.0 (KHTML, like Gecko)', null],
      ['2', '+1', '', '\rX', '12 13'],
    ]
    expect(csvOfJoinedPage(joined(rows), 2, 5)?.toString()).toBe(
      `1,user-1,"'=HYPERLINK(""http://evil.example"",""open me"")","Mozilla/5.0 (KHTML, like Gecko)",\r\n2,'+1,,"'\rX",12 13\r\n`,
    )
    expect(csvOfJoinedPage('', 0, 5)).toEqual(Buffer.alloc(0))
  })

  it('gives up on a page where a cell holds a separator character, so that its cells are read one by one', () => {
    for (const inside of ['\x1f', '\x1e', '\x1e\x1e', `a${JOINED_ROW}b${JOINED_CELL}c`]) {
      const rows = [
        ['1', `agent${inside}`, 'x'],
        ['2', 'b', 'y'],
      ]
      expect(csvOfJoinedPage(joined(rows), 2, 3)).toBeUndefined()
    }
    // One row (as the database counted) whose cell holds what would end a row and start another is
    // not taken for two rows: its text reads like rows [1, x] and [2, y].
    expect(csvOfJoinedPage(joined([['1', `x${JOINED_ROW}2`, 'y']]), 1, 3)).toBeUndefined()
  })
})
