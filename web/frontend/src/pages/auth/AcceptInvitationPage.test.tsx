import { describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { sessionStore } from '../../api/session'

describe('accepting an invitation', () => {
  it('asks a signed-out visitor to sign in and brings them back to the invitation', async () => {
    renderApp('/invitations/accept?token=inv-123')
    const signIn = await screen.findByRole('link', { name: 'Sign in' })
    expect(signIn).toHaveAttribute('href', `/sign-in?next=${encodeURIComponent('/invitations/accept?token=inv-123')}`)
  })

  it('joins the workspace and switches to it', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(
      route('POST', '/api/v1/invitations/accept', 200, { tenantId: 't2', tenantName: 'Tea House', role: 'agent' }),
      route('POST', '/api/v1/auth/switch-tenant', 200, tokens({ accessToken: 'access-2', tenant: { id: 't2', name: 'Tea House' } })),
      route('GET', '/api/v1/me', 200, { memberships: [] }),
      route('GET', /^\/api\/v1\/conversations/, 200, { items: [], nextCursor: null }),
    )
    const { router } = renderApp('/invitations/accept?token=inv-123')
    await userEvent.click(await screen.findByRole('button', { name: 'Accept invitation' }))

    await waitFor(() => expect(router.state.location.pathname).toBe('/inbox'))
    expect(api.requests[0].body).toEqual({ token: 'inv-123' })
    expect(api.requests[1].body).toEqual({ tenantId: 't2', refreshToken: 'refresh-1' })
    expect(sessionStore.read()?.tenant?.name).toBe('Tea House')
  })

  it('says why when the invitation is for someone else', async () => {
    sessionStore.write(tokens())
    fakeApi(route('POST', '/api/v1/invitations/accept', 403, {
      type: 'https://parley.dev/problems/forbidden', status: 403, title: 'Forbidden',
      detail: 'This invitation was sent to another email address',
    }))
    renderApp('/invitations/accept?token=inv-123')
    await userEvent.click(await screen.findByRole('button', { name: 'Accept invitation' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('another email address')
  })
})
