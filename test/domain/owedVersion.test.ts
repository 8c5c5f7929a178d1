import { describe, expect, it } from 'vitest'

import type { ChangeClass } from '../../src/domain/changeClass'
import { owedVersion } from '../../src/domain/owedVersion'

const now = new Date('2026-11-28T00:00:00Z')
const v = (version: number, effective: string, changeClass: ChangeClass) => ({ version, effectiveAt: new Date(effective), changeClass })
const seeded = [v(1, '2020-02-10', 'material'), v(2, '2026-12-29', 'material')]

describe('owedVersion', () => {
  it('asks a new subject to accept the version in force', () => {
    expect(owedVersion(seeded, [], 'clickwrap', now)).toMatchObject({ action: 'accept', version: { version: 1 }, upcoming: false })
  })

  it('asks a subject who accepted version 1 to accept the coming material version 2 early', () => {
    expect(owedVersion(seeded, [1], 'clickwrap', now)).toMatchObject({ action: 'accept', version: { version: 2 }, upcoming: true })
  })

  it('owes version 2 to a new subject once it is in force', () => {
    expect(owedVersion(seeded, [], 'clickwrap', new Date('2027-01-05T00:00:00Z'))).toMatchObject({ action: 'accept', version: { version: 2 }, upcoming: false })
  })

  it('owes nothing once the newest version is accepted', () => {
    expect(owedVersion(seeded, [1, 2], 'clickwrap', now)).toBeUndefined()
  })

  it('asks only for an acknowledgement of informational changes', () => {
    const history = [v(1, '2020-02-10', 'material'), v(2, '2026-01-01', 'informational')]
    expect(owedVersion(history, [1], 'clickwrap', now)).toMatchObject({ action: 'acknowledge', version: { version: 2 } })
  })

  it('owes nothing for editorial changes', () => {
    const history = [v(1, '2020-02-10', 'material'), v(2, '2026-01-01', 'editorial')]
    expect(owedVersion(history, [1], 'clickwrap', now)).toBeUndefined()
  })

  it('asks for acknowledgement of material changes under continued use', () => {
    expect(owedVersion(seeded, [1], 'continued-use', now)).toMatchObject({ action: 'acknowledge', version: { version: 2 } })
  })

  it('still asks for acceptance when a material change hides behind a later editorial one', () => {
    const history = [v(1, '2020-02-10', 'material'), v(2, '2026-01-01', 'material'), v(3, '2026-02-01', 'editorial')]
    expect(owedVersion(history, [1], 'clickwrap', now)).toMatchObject({ action: 'accept', version: { version: 3 } })
  })
})
