import { describe, expect, it, vi } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { meRoute, signIn } from '../../test/signedIn'

const providers = route('GET', '/api/v1/auth/oauth/providers', 200, {
  items: [{ id: 'google', name: 'Google' }, { id: 'github', name: 'GitHub' }],
})
const policy = route('GET', '/api/v1/tenant/sign-in-policy', 200, { ssoRequired: false })
const github = { id: 'i1', provider: 'github', email: 'octo@example.com', linkedAt: '2026-12-01T10:00:00Z', lastUsedAt: null }

describe('sign-in methods', () => {
  it('lists linked accounts, links another provider and unlinks one', async () => {
    signIn()
    const assign = vi.fn()
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, assign } as Location)
    const api = fakeApi(meRoute, providers, policy,
      route('GET', '/api/v1/auth/identities', 200, { hasPassword: true, identities: [github] }),
      route('POST', '/api/v1/auth/oauth/google/link', 200, { authorizationUrl: 'https://accounts.example/authorize?x=1' }),
      route('DELETE', '/api/v1/auth/identities/i1', 204))
    renderApp('/settings/sign-in')

    expect(await screen.findByText('GitHub')).toBeInTheDocument()
    expect(screen.getByText('You can sign in with your email and password.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Link GitHub' })).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: 'Link Google' }))
    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://accounts.example/authorize?x=1'))

    vi.spyOn(window, 'confirm').mockReturnValue(true)
    await userEvent.click(screen.getByRole('button', { name: 'Unlink' }))
    await waitFor(() => expect(api.requests.some((r) => r.method === 'DELETE' && r.path === '/api/v1/auth/identities/i1')).toBe(true))
    vi.restoreAllMocks()
  })

  it('offers no unlink for the only way to sign in', async () => {
    signIn()
    fakeApi(meRoute, providers, policy,
      route('GET', '/api/v1/auth/identities', 200, { hasPassword: false, identities: [github] }))
    renderApp('/settings/sign-in')

    expect(await screen.findByText('This is your only way to sign in.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Unlink' })).toBeNull()
  })

  it('lets the owner require SSO for the workspace', async () => {
    signIn()
    const api = fakeApi(meRoute, providers, policy,
      route('GET', '/api/v1/auth/identities', 200, { hasPassword: true, identities: [github] }),
      route('PUT', '/api/v1/tenant/sign-in-policy', 200, { ssoRequired: true }))
    renderApp('/settings/sign-in')

    await userEvent.click(await screen.findByLabelText(/Members must sign in through a provider/))
    await waitFor(() => expect(api.requests.find((r) => r.method === 'PUT')?.body).toEqual({ ssoRequired: true }))
  })
})
