import autocannon from 'autocannon'

/** What one autocannon run measured. */
export interface LoadFigures {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  meanMs: number
  ok: number
  non2xx: number
  errors: number
  seconds: number
}

export interface LoadOptions {
  url: string
  connections: number
  seconds: number
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  /** A fresh path (and body) for every request. */
  request?: () => { path: string; body?: string }
}

/** Runs autocannon against `url` and returns its figures. */
export async function loadTest(options: LoadOptions): Promise<LoadFigures> {
  const { request } = options
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    method: options.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...options.headers },
    requests: request ? [{ setupRequest: (req) => ({ ...req, ...request() }) }] : undefined,
  })
  return {
    requestsPerSecond: Math.round(result.requests.total / (result.duration || options.seconds)),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: Math.round(result.latency.average * 100) / 100,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    seconds: result.duration,
  }
}
