import i18next from 'i18next'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { api } from './client'
import { unwrap } from './problem'
import { sessionStore } from './session'
import { fakeApi, route, tokens } from '../test/fakeApi'

describe('API client', () => {
  afterEach(async () => {
    await i18next.changeLanguage('en')
  })

  it('sends the language the dashboard shows, so problems come back in it', async () => {
    sessionStore.write(tokens())
    const languages: (string | null)[] = []
    vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
      languages.push(request.headers.get('Accept-Language'))
      return new Response(JSON.stringify({ memberships: [] }), { headers: { 'Content-Type': 'application/json' } })
    }))
    await unwrap(api.GET('/api/v1/me'))
    await i18next.changeLanguage('zh-Hant')
    await unwrap(api.GET('/api/v1/me'))
    await unwrap(api.POST('/api/v1/auth/login', { body: { email: 'a@example.com', password: 'long enough' } })).catch(() => {})
    expect(languages).toEqual(['en', 'zh-Hant', 'zh-Hant'])
  })

  it('refreshes an expired access token before the request and sends the new one', async () => {
    sessionStore.write(tokens({ accessToken: 'old', refreshToken: 'r-old', expiresIn: 0 }))
    const calls = fakeApi(
      route('POST', '/api/v1/auth/refresh', 200, tokens({ accessToken: 'new', refreshToken: 'r-new' })),
      route('GET', '/api/v1/me', 200, { memberships: [] }),
    )
    await unwrap(api.GET('/api/v1/me'))
    expect(calls.requests.map((r) => r.path)).toEqual(['/api/v1/auth/refresh', '/api/v1/me'])
    expect(calls.requests[0].body).toEqual({ refreshToken: 'r-old' })
    expect(calls.requests[1].authorization).toBe('Bearer new')
    expect(sessionStore.read()?.refreshToken).toBe('r-new')
  })

  it('signs out locally when the refresh token is refused', async () => {
    sessionStore.write(tokens({ expiresIn: 0 }))
    fakeApi(route('POST', '/api/v1/auth/refresh', 401, { type: 'https://parley.dev/problems/invalid-token', status: 401 }),
      route('GET', '/api/v1/me', 401, { type: 'https://parley.dev/problems/unauthorized', status: 401 }))
    await expect(unwrap(api.GET('/api/v1/me'))).rejects.toMatchObject({ status: 401, kind: 'unauthorized' })
    expect(sessionStore.read()).toBeNull()
  })

  it('sends the access token to the account calls under /auth (sign-in methods, provider link, verification email)', async () => {
    sessionStore.write(tokens({ accessToken: 'mine' }))
    const calls = fakeApi(route('GET', '/api/v1/auth/identities', 200, { hasPassword: true, items: [] }),
      route('POST', '/api/v1/auth/oauth/acme/link', 200, { url: 'https://sso.example/authorize' }),
      route('POST', '/api/v1/auth/verify-email/resend', 204))
    await unwrap(api.GET('/api/v1/auth/identities'))
    await unwrap(api.POST('/api/v1/auth/oauth/{provider}/link', { params: { path: { provider: 'acme' } } }))
    await unwrap(api.POST('/api/v1/auth/verify-email/resend'))
    expect(calls.requests.map((r) => r.authorization)).toEqual(['Bearer mine', 'Bearer mine', 'Bearer mine'])
  })

  it('sends no access token with the signed-out calls (sign-in, refresh, provider list)', async () => {
    sessionStore.write(tokens({ accessToken: 'mine' }))
    const calls = fakeApi(route('POST', '/api/v1/auth/login', 200, tokens()),
      route('GET', '/api/v1/auth/oauth/providers', 200, { items: [] }))
    await unwrap(api.POST('/api/v1/auth/login', { body: { email: 'a@example.com', password: 'long enough' } }))
    await unwrap(api.GET('/api/v1/auth/oauth/providers'))
    expect(calls.requests.map((r) => r.authorization)).toEqual([null, null])
  })

  it('asks for JSON, so the all-in-one server routes API reads to the API and not to the dashboard', async () => {
    sessionStore.write(tokens())
    let accept: string | null = null
    vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
      accept = request.headers.get('Accept')
      return new Response(JSON.stringify({ memberships: [] }), { headers: { 'Content-Type': 'application/json' } })
    }))
    await unwrap(api.GET('/api/v1/me'))
    expect(accept).toBe('application/json, application/problem+json')
  })
})
