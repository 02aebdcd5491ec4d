import { afterEach, describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { sessionStore } from '../../api/session'
import { meRoute } from '../../test/signedIn'

const providers = route('GET', '/api/v1/auth/oauth/providers', 200, {
  items: [{ id: 'google', name: 'Google' }, { id: 'acme-sso', name: 'Acme SSO' }],
})

afterEach(() => window.history.replaceState(null, '', '/'))

describe('sign in with a provider', () => {
  it('offers a button per configured provider that starts at the API', async () => {
    fakeApi(providers)
    renderApp('/sign-in')

    const google = await screen.findByRole('link', { name: 'Sign in with Google' })
    expect(google).toHaveAttribute('href', '/api/v1/auth/oauth/google/start')
    expect(screen.getByRole('link', { name: 'Sign in with Acme SSO' }))
      .toHaveAttribute('href', '/api/v1/auth/oauth/acme-sso/start')
  })

  it('shows no provider button when none is configured', async () => {
    const api = fakeApi(route('GET', '/api/v1/auth/oauth/providers', 200, { items: [] }))
    renderApp('/sign-in')

    await waitFor(() => expect(api.requests.some((r) => r.path === '/api/v1/auth/oauth/providers')).toBe(true))
    expect(screen.queryByRole('link', { name: /Sign in with/ })).toBeNull()
  })

  it('exchanges the one-time code for a session and wipes it from the address bar', async () => {
    window.history.replaceState(null, '', '/auth/callback#code=one-time-code')
    const api = fakeApi(route('POST', '/api/v1/auth/oauth/exchange', 200, tokens()), meRoute,
      route('GET', /^\/api\/v1\//, 200, { items: [], nextCursor: null }))
    const { router } = renderApp('/auth/callback')

    await waitFor(() => expect(sessionStore.read()?.refreshToken).toBe('refresh-1'))
    expect(api.requests.find((r) => r.path === '/api/v1/auth/oauth/exchange')?.body).toEqual({ code: 'one-time-code' })
    expect(window.location.hash).toBe('')
    await waitFor(() => expect(router.state.location.pathname).not.toBe('/auth/callback'))
  })

  it('says in words why a provider sign-in failed', async () => {
    window.history.replaceState(null, '', '/auth/callback#error=email_not_verified')
    fakeApi()
    renderApp('/auth/callback')

    expect(await screen.findByRole('alert')).toHaveTextContent('has not verified your email address')
    expect(sessionStore.read()).toBeNull()
  })
})
