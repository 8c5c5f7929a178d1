import { createHash } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'

import { hostOf, isAllowedHost, literalInternalHost } from '../../domain/outbound/outboundHost'
import { answerFailure, MAX_ANSWER_BYTES, REFUSED_TARGET_CODE, requestFailure, TIMED_OUT_CODE } from '../../domain/outbound/requestFailure'
import { guardedLookup, type Resolve } from './guardedLookup'

/** How one POST may go out. */
export interface PostOptions {
  timeoutMs: number
  /** Internal hosts that may be called (WEBHOOK_ALLOW_HOSTS, normalised). */
  allowHosts: readonly string[]
  /** Name resolution; DNS unless a test stands in. */
  resolve?: Resolve
}

/** What is kept of an answer: its size and a SHA-256 of its bytes, never the bytes. */
export interface AnswerDigest {
  bytes: number
  sha256: string
}

/** The outcome of one POST: 2xx is delivered; otherwise why not, in a few fixed words. */
export type PostOutcome = { delivered: true; status: number; answer: AnswerDigest } | { delivered: false; status?: number; answer?: AnswerDigest; error: string }

/**
 * POSTs `body` to `url` and reads at most MAX_ANSWER_BYTES of the answer to count and hash it.
 * A host not in `allowHosts` is reached only at a public address: a literal address (or a name
 * under localhost) is checked here, any other name when the socket looks it up. No redirect is
 * followed and no connection is reused (a pooled socket would skip the lookup).
 */
export function postDelivery(url: string, headers: Record<string, string>, body: string, options: PostOptions): Promise<PostOutcome> {
  const target = new URL(url)
  const host = hostOf(target)
  const allowed = isAllowedHost(host, options.allowHosts)
  if (literalInternalHost(host, options.allowHosts)) return Promise.resolve({ delivered: false, error: requestFailure(REFUSED_TARGET_CODE, options.timeoutMs) })
  return new Promise((resolve) => {
    let settled = false
    let timer: NodeJS.Timeout | undefined
    const settle = (outcome: PostOutcome) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      request.destroy()
      resolve(outcome)
    }
    const fail = (code: string | undefined) => settle({ delivered: false, error: requestFailure(code, options.timeoutMs) })
    const request = (target.protocol === 'https:' ? https : http).request(target, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      lookup: guardedLookup(!allowed, options.resolve),
      agent: false,
    })
    timer = setTimeout(() => fail(TIMED_OUT_CODE), options.timeoutMs)
    request.on('error', (error: NodeJS.ErrnoException) => fail(error.code))
    request.on('response', (response) => {
      const hash = createHash('sha256')
      let bytes = 0
      const done = (cutOff: boolean) => {
        if (settled) return
        const answer = { bytes, sha256: hash.digest('hex') }
        const status = response.statusCode ?? 0
        settle(status >= 200 && status < 300 ? { delivered: true, status, answer } : { delivered: false, status, answer, error: answerFailure(status, cutOff) })
      }
      response.on('data', (chunk: Buffer) => {
        if (settled) return
        const room = MAX_ANSWER_BYTES - bytes
        hash.update(chunk.subarray(0, room))
        bytes += Math.min(chunk.length, room)
        if (chunk.length > room) done(true)
      })
      // An answer cut short still has its status; what arrived is what is counted.
      response.on('close', () => done(false))
      response.on('error', () => done(false))
    })
    request.end(body)
  })
}
