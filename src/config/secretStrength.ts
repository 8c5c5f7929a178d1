/** How strong a secret from the environment must be in production. */
export interface SecretRule {
  minLength: number
  minDistinct: number
}

/**
 * Secrets that sign or derive keys (PAYLOAD_SECRET signs staff sessions and banner tokens): 32
 * characters is 128 bits of hex or more of base64 (`openssl rand -hex 32` gives 64), and ten
 * different characters rule out "aaaa…" and "abab…" that a length alone would let through.
 */
export const SIGNING_SECRET: SecretRule = { minLength: 32, minDistinct: 10 }

/** A password a person types once (ASSENT_ADMIN_PASSWORD): shorter, but not "password1234". */
export const ADMIN_PASSWORD: SecretRule = { minLength: 12, minDistinct: 6 }

/** The shortest piece that, repeated at least twice, makes up all of `value` (the last repeat
 * may be cut short); its length when there is none. */
function period(value: string): number {
  for (let p = 1; p <= value.length / 2; p++) {
    if (value.slice(p) === value.slice(0, -p)) return p
  }
  return value.length
}

/**
 * Why `value` is too weak under `rule`, as words that finish "is too weak: it …", or undefined
 * when it is strong enough. Never quotes the secret.
 */
export function secretWeakness(value: string, rule: SecretRule): string | undefined {
  const chars = [...value]
  if (chars.length < rule.minLength) return `has ${chars.length} character${chars.length === 1 ? '' : 's'}, fewer than ${rule.minLength}`
  const distinct = new Set(chars).size
  if (distinct < rule.minDistinct) return `uses only ${distinct} different characters, fewer than ${rule.minDistinct}`
  const p = period(value)
  if (p < value.length) return `repeats the same ${p} characters`
  return undefined
}
