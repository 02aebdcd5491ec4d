import i18next from 'i18next'
import createClient, { type Middleware } from 'openapi-fetch'
import type { paths } from './schema'
import { sessionStore, type StoredSession, type Tokens } from './session'

/**
 * The typed API client (types generated from the server's OpenAPI document: `npm run gen:api`). Same origin: the
 * web role serves the dashboard next to the API, and `npm run dev` proxies /api.
 */
export const api = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
  // Say what we take: with fetch's default "Accept: */*", the all-in-one server routes API GETs to the dashboard's
  // client-side route catch-all (it "produces */*"), which answers 404.
  headers: { Accept: 'application/json, application/problem+json' },
  // looked up per call (not captured once), so tests can replace fetch
  fetch: (request) => globalThis.fetch(request),
})

/**
 * Every call says which language the dashboard shows, so the API writes its problems (plan limits, validation,
 * provider errors) in it too: docs/api/problems.md "Languages".
 */
export const language: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', i18next.resolvedLanguage ?? i18next.language ?? 'en')
    return request
  },
}
api.use(language)

const retries = new WeakMap<Request, Request>()

/**
 * The calls made signed out (or that carry their own credential, as refresh and sign-out do): they go without the
 * access token, and never wait for a refresh. Every other call, /api/v1/auth/identities and the provider link
 * included, carries the token.
 */
const ANONYMOUS = new Set<string>(['/api/v1/auth/signup', '/api/v1/auth/login', '/api/v1/auth/refresh',
  '/api/v1/auth/logout', '/api/v1/auth/verify-email', '/api/v1/auth/forgot-password', '/api/v1/auth/reset-password',
  '/api/v1/auth/oauth/providers', '/api/v1/auth/oauth/exchange'])

const auth: Middleware = {
  async onRequest({ request, schemaPath }) {
    if (ANONYMOUS.has(schemaPath)) {
      return request
    }
    const session = await freshSession()
    if (session) {
      request.headers.set('Authorization', `Bearer ${session.accessToken}`)
      retries.set(request, request.clone())
    }
    return request
  },
  async onResponse({ request, response }) {
    const copy = retries.get(request)
    if (response.status !== 401 || !copy) {
      return response
    }
    // the access token was revoked or expired early (clock skew): refresh once and try again
    const session = await refreshSession(request.headers.get('Authorization')?.substring(7))
    if (!session) {
      return response
    }
    copy.headers.set('Authorization', `Bearer ${session.accessToken}`)
    return fetch(copy)
  },
}
api.use(auth)

/** The current session, refreshed first if its access token has expired; null when signed out. */
export async function freshSession(): Promise<StoredSession | null> {
  const session = sessionStore.read()
  if (!session || session.expiresAt > Date.now()) {
    return session
  }
  return refreshSession(session.accessToken)
}

/**
 * Exchanges the refresh token for a new pair, one tab at a time: after taking the lock, a tab that finds the
 * session already renewed by another (its access token differs from the stale one) uses it as it is.
 */
export async function refreshSession(staleAccessToken: string | undefined): Promise<StoredSession | null> {
  const run = async () => {
    const current = sessionStore.read()
    if (!current) {
      return null
    }
    if (current.accessToken !== staleAccessToken && current.expiresAt > Date.now()) {
      return current
    }
    let response: Response
    try {
      response = await fetch('/api/v1/auth/refresh', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refreshToken: current.refreshToken }),
      })
    } catch {
      return null // offline: keep the session, the next request tries again
    }
    if (response.status === 401) {
      sessionStore.clear()
      return null
    }
    if (!response.ok) {
      return null
    }
    return sessionStore.write((await response.json()) as Tokens)
  }
  return navigator.locks ? navigator.locks.request('parley.refresh', run) : run()
}
