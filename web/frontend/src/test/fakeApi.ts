import { vi } from 'vitest'

export interface Recorded {
  method: string; path: string; body: unknown; authorization: string | null; idempotencyKey?: string | null
}

type Handler = (request: Recorded) => { status: number; body?: unknown } | undefined

/**
 * A fake of Parley's HTTP API for component tests: `fetch` answers from the handlers (first that answers wins) and
 * records every request. Unanswered requests get a 404 problem, as the real API would for an unknown route.
 */
export function fakeApi(...handlers: Handler[]) {
  const requests: Recorded[] = []
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init)
    const text = await request.clone().text()
    const recorded: Recorded = {
      method: request.method,
      path: new URL(request.url).pathname + new URL(request.url).search,
      body: text ? JSON.parse(text) : undefined,
      authorization: request.headers.get('Authorization'),
      idempotencyKey: request.headers.get('Idempotency-Key'),
    }
    requests.push(recorded)
    const answer = handlers.map((h) => h(recorded)).find(Boolean)
      ?? { status: 404, body: { type: 'https://parley.dev/problems/not-found', title: 'Not found', status: 404, detail: `No route ${recorded.path}` } }
    const problem = answer.status >= 400
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': problem ? 'application/problem+json' : 'application/json' },
    })
  })
  vi.stubGlobal('fetch', fetchMock)
  return { requests }
}

export const route = (method: string, path: string | RegExp, status: number, body?: unknown): Handler =>
  (r) => (r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)) ? { status, body } : undefined)

export const tokens = (overrides: Record<string, unknown> = {}) => ({
  accessToken: 'access-1', refreshToken: 'refresh-1', tokenType: 'Bearer', expiresIn: 900,
  tenant: { id: 't1', name: 'Acme Coffee' }, user: { id: 'u1', email: 'owner@example.com', emailVerified: true },
  ...overrides,
})

/** The 400 validation-failed problem the API answers, with one error per field (field → message). */
export const validationFailed = (errors: Record<string, string>) => ({
  type: 'https://parley.dev/problems/validation-failed', title: 'Validation failed', status: 400,
  detail: Object.entries(errors).map(([field, message]) => `${field}: ${message}`).join('; '),
  errors: Object.entries(errors).map(([field, message]) => ({ field, message })),
})
