import { describe, expect, it } from 'vitest'

import { isDeliverableAddress } from '../../src/domain/mailAddress'

describe('isDeliverableAddress', () => {
  it('takes ordinary addresses', () => {
    for (const a of ['ada@example.com', 'o.brien+legal@mail.example.co.uk', "x_y-z'q@sub-1.example.org"]) expect(isDeliverableAddress(a), a).toBe(true)
  })

  it('refuses what is not one address, or could add a recipient or a header', () => {
    for (const a of ['', 'ada', 'ada@', '@example.com', 'ada@example', 'ada@@example.com', 'ada@example..com', 'a da@example.com', 'ada@example.com, eve@example.com', 'Ada <ada@example.com>', 'ada@example.com\r\nBcc: eve@example.com', 'ada.@example.com', 'ada@-example.com', 'ada@127.0.0.1', `${'a'.repeat(65)}@example.com`]) {
      expect(isDeliverableAddress(a), JSON.stringify(a)).toBe(false)
    }
  })
})
