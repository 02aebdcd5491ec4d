import { describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { sessionStore } from '../../api/session'

const members = {
  items: [
    { userId: 'u1', email: 'owner@example.com', role: 'owner', joinedAt: '2026-11-01T08:00:00Z' },
    { userId: 'u2', email: 'agent@example.com', role: 'agent', joinedAt: '2026-11-02T08:00:00Z' },
  ],
  nextCursor: null,
}
const meAs = (role: string) => route('GET', '/api/v1/me', 200, { memberships: [{ tenantId: 't1', tenantName: 'Acme Coffee', role }] })

describe('members page', () => {
  it('lets an owner change a teammate\'s role and invite someone, showing the link to send', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(meAs('owner'), route('GET', /^\/api\/v1\/members/, 200, members),
      route('GET', '/api/v1/invitations', 200, { items: [], nextCursor: null }),
      route('PATCH', '/api/v1/members/u2', 200, { ...members.items[1], role: 'admin' }),
      route('POST', '/api/v1/invitations', 201, {
        id: 'i1', email: 'new@example.com', role: 'viewer', createdAt: '2026-11-21T00:00:00Z',
        expiresAt: '2026-11-28T00:00:00Z', acceptUrl: 'https://parley.example/invitations/accept?token=abc',
      }))
    renderApp('/settings/members')

    await userEvent.selectOptions(await screen.findByLabelText('Role: agent@example.com'), 'admin')
    await waitFor(() => expect(api.requests.find((r) => r.method === 'PATCH')?.body).toEqual({ role: 'admin' }))

    await userEvent.type(screen.getByRole('textbox', { name: 'Email' }), 'new@example.com')
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'viewer')
    await userEvent.click(screen.getByRole('button', { name: 'Send invitation' }))

    expect(await screen.findByLabelText('new@example.com')).toHaveTextContent('https://parley.example/invitations/accept?token=abc')
    expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({ email: 'new@example.com', role: 'viewer' })
  })

  it('shows an agent the team without role controls or invitations', async () => {
    sessionStore.write(tokens({ user: { id: 'u2', email: 'agent@example.com' } }))
    fakeApi(meAs('agent'), route('GET', /^\/api\/v1\/members/, 200, members))
    renderApp('/settings/members')

    expect(await screen.findByText('owner@example.com')).toBeInTheDocument()
    expect(screen.queryByLabelText(/^Role:/)).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Send invitation' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Leave workspace' })).toBeInTheDocument()
  })
})
