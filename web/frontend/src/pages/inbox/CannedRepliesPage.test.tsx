import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { sessionStore } from '../../api/session'
import { fakeApi, route, tokens, validationFailed } from '../../test/fakeApi'
import { workspace } from '../../test/inboxFixtures'
import { renderApp } from '../../test/render'

const reply = (id: string, shortcut: string, text: string) => ({ id, shortcut, text, createdAt: '2026-11-20T10:00:00Z', updatedAt: '2026-11-20T10:00:00Z' })

describe('the canned replies page', () => {
  it('lists canned replies and saves a new one', async () => {
    sessionStore.write(tokens())
    let items = [reply('r1', 'address', '12 Main St.')]
    const api = fakeApi(...workspace(),
      (r) => (r.method === 'GET' && r.path.startsWith('/api/v1/canned-replies') ? { status: 200, body: { items, nextCursor: null } } : undefined),
      (r) => (r.method === 'POST' && r.path === '/api/v1/canned-replies'
        ? (items = [...items, reply('r2', 'hours', '9:00–18:00')], { status: 201, body: items[1] }) : undefined))
    renderApp('/settings/canned-replies')

    const saved = await screen.findByRole('list', { name: 'Canned replies' })
    expect(within(saved).getByText('/address')).toBeInTheDocument()
    await userEvent.type(screen.getByRole('textbox', { name: /Shortcut/ }), 'hours')
    await userEvent.type(screen.getByRole('textbox', { name: 'Text' }), '9:00–18:00')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(api.requests).toContainEqual(expect.objectContaining({
      method: 'POST', path: '/api/v1/canned-replies', body: { shortcut: 'hours', text: '9:00–18:00' } })))
    expect(await within(saved).findByText('/hours')).toBeInTheDocument()
  })

  it('shows the API\'s field errors next to the fields', async () => {
    sessionStore.write(tokens())
    fakeApi(...workspace(), route('GET', /^\/api\/v1\/canned-replies/, 200, { items: [], nextCursor: null }),
      route('POST', '/api/v1/canned-replies', 400, validationFailed({ shortcut: 'must be 1 to 32 lower-case letters' })))
    renderApp('/settings/canned-replies')

    await userEvent.type(await screen.findByRole('textbox', { name: /Shortcut/ }), 'Bad One')
    await userEvent.type(screen.getByRole('textbox', { name: 'Text' }), 'x')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))

    expect(await screen.findByText('must be 1 to 32 lower-case letters')).toBeInTheDocument()
    expect(screen.getByText('No canned replies yet')).toBeInTheDocument()
  })
})
