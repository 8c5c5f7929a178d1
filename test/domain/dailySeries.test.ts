import { describe, expect, it } from 'vitest'

import { cumulative, dailySeries } from '../../src/domain/dailySeries'

describe('dailySeries', () => {
  it('fills the days without counts with zero, both ends included', () => {
    const series = dailySeries([{ day: '2026-11-02', count: 4 }, { day: '2026-11-04', count: 1 }], new Date('2026-11-01T23:00:00Z'), new Date('2026-11-04T01:00:00Z'))
    expect(series).toEqual([{ day: '2026-11-01', count: 0 }, { day: '2026-11-02', count: 4 }, { day: '2026-11-03', count: 0 }, { day: '2026-11-04', count: 1 }])
    expect(cumulative(series).map((d) => d.count)).toEqual([0, 4, 4, 5])
  })

  it('drops counts outside the range', () => {
    expect(dailySeries([{ day: '2026-10-01', count: 9 }], new Date('2026-11-01'), new Date('2026-11-01'))).toEqual([{ day: '2026-11-01', count: 0 }])
  })
})
