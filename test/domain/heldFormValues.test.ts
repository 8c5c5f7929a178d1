import { describe, expect, it } from 'vitest'

import { type HeldValues, settleHeldValues } from '../../src/domain/heldFormValues'

type Path = 'changeClass' | 'summary' | 'effectiveAt'
const chosen: HeldValues<Path> = {
  changeClass: { value: 'material', before: null, shown: true },
  summary: { value: 'Sends disputes to arbitration.', before: '', shown: true },
}

describe('settleHeldValues', () => {
  it('holds what the dialog set while no save has answered', () => {
    expect(settleHeldValues(chosen, { changeClass: 'material', summary: 'Sends disputes to arbitration.' }, false)).toEqual({ held: chosen, restore: [] })
  })

  it('waits for the form to show a value set together with another', () => {
    const set: HeldValues<Path> = { changeClass: { value: 'material', before: null }, effectiveAt: { value: '2027-01-04T00:00:00.000Z', before: null } }
    const first = settleHeldValues(set, { changeClass: 'material', effectiveAt: null }, false)
    expect(first).toEqual({ held: { changeClass: { ...set.changeClass, shown: true }, effectiveAt: set.effectiveAt }, restore: [] })
    expect(settleHeldValues(first.held, { changeClass: 'material', effectiveAt: '2027-01-04T00:00:00.000Z' }, false).held).toEqual({
      changeClass: { ...set.changeClass, shown: true },
      effectiveAt: { ...set.effectiveAt, shown: true },
    })
    // A save's answer before the form showed it: put back all the same.
    expect(settleHeldValues(set, { changeClass: null, effectiveAt: null }, true).restore).toEqual([['changeClass', 'material'], ['effectiveAt', '2027-01-04T00:00:00.000Z']])
  })

  it('puts back a value that the answer to an earlier save replaced by the old one, and lets go of one it returned', () => {
    // The save was sent before the class was chosen; the summary, set last, kept its value.
    expect(settleHeldValues(chosen, { changeClass: null, summary: 'Sends disputes to arbitration.' }, true)).toEqual({
      held: { changeClass: chosen.changeClass },
      restore: [['changeClass', 'material']],
    })
  })

  it('lets go of everything once a save returns every value', () => {
    expect(settleHeldValues(chosen, { changeClass: 'material', summary: 'Sends disputes to arbitration.' }, true)).toEqual({ held: {}, restore: [] })
  })

  it('never fights an edit: a value changed to anything but the old one is let go, with or without a save', () => {
    expect(settleHeldValues(chosen, { changeClass: 'editorial', summary: 'Sends disputes to arbitration.' }, false)).toEqual({ held: { summary: chosen.summary }, restore: [] })
    expect(settleHeldValues(chosen, { changeClass: 'editorial', summary: 'Sends disputes to arbitration.' }, true)).toEqual({ held: {}, restore: [] })
    // The editor put the old value back by hand in the form, once it had shown the dialog's: let go.
    expect(settleHeldValues(chosen, { changeClass: null, summary: 'Sends disputes to arbitration.' }, false)).toEqual({ held: { summary: chosen.summary }, restore: [] })
  })

  it('compares dates as instants and empty as null', () => {
    const date: HeldValues<Path> = { effectiveAt: { value: '2027-01-04T00:00:00.000Z', before: '', shown: true } }
    expect(settleHeldValues(date, { effectiveAt: '2027-01-04T00:00:00Z' }, true)).toEqual({ held: {}, restore: [] })
    expect(settleHeldValues(date, { effectiveAt: undefined }, true)).toEqual({ held: date, restore: [['effectiveAt', '2027-01-04T00:00:00.000Z']] })
    expect(settleHeldValues(date, { effectiveAt: '2027-01-05T00:00:00.000Z' }, true)).toEqual({ held: {}, restore: [] })
    // Text that merely parses as a date is compared as text.
    const text: HeldValues<Path> = { summary: { value: 'March 1', before: '', shown: true } }
    expect(settleHeldValues(text, { summary: 'March 01' }, true)).toEqual({ held: {}, restore: [] })
  })
})
