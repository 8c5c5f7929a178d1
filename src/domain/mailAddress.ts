const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/
const LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/

/**
 * Whether an address can be put on an envelope as it is: one `local@domain` (dot-atom local part
 * up to 64 characters, a domain of at least two valid labels), with nothing that could smuggle in
 * another recipient or header (spaces, commas, angle brackets, line breaks).
 */
export function isDeliverableAddress(address: string): boolean {
  if (address.length > 254) return false
  const at = address.lastIndexOf('@')
  if (at <= 0) return false
  const local = address.slice(0, at)
  const labels = address.slice(at + 1).split('.')
  return local.length <= 64 && LOCAL.test(local) && labels.length >= 2 && labels.every((l) => LABEL.test(l)) && !/^\d+$/.test(labels.at(-1)!)
}
