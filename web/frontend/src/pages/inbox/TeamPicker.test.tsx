import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { sessionStore } from '../../api/session'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { conversation, message, workspace } from '../../test/inboxFixtures'
import { renderApp } from '../../test/render'

const list = (...items: object[]) => ({ items, nextCursor: null })
const member = (userId: string, displayName: string) => ({ tenantId: 't1', userId, role: 'agent', email: `${userId}@example.com`, displayName, createdAt: '2026-11-20T10:00:00Z' })
const team = (id: string, name: string, memberIds: string[]) => ({ id, name, memberIds, createdAt: '2026-11-20T10:00:00Z', updatedAt: '2026-11-20T10:00:00Z' })

describe('the team picker of a conversation', () => {
  it('assigns the conversation to a team and then offers only that team’s members', async () => {
    sessionStore.write(tokens())
    const open = conversation({ assigneeId: null, teamId: null })
    const api = fakeApi(...workspace(),
      route('GET', /^\/api\/v1\/members/, 200, list(member('u1', 'Ann'), member('u2', 'Ben'))),
      route('GET', /^\/api\/v1\/teams/, 200, list(team('tb', 'Billing', ['u2']))),
      route('GET', /^\/api\/v1\/conversations\/c1\/messages/, 200, list(message('m1', 'My invoice is wrong'))),
      (r) => (r.method === 'PATCH' && r.path === '/api/v1/conversations/c1'
        ? { status: 200, body: { ...open, ...(r.body as object) } } : undefined),
      route('GET', '/api/v1/conversations/c1', 200, open),
      route('GET', /^\/api\/v1\/conversations(\?|$)/, 200, list(open)))
    renderApp('/inbox/c1')

    const picker = await screen.findByRole('combobox', { name: 'Team' })
    expect(within(screen.getByRole('combobox', { name: 'Assigned to' })).getByRole('option', { name: 'Ben' })).toBeInTheDocument()
    expect(within(screen.getByRole('combobox', { name: 'Assigned to' })).getByRole('option', { name: 'Me' })).toBeInTheDocument()
    await userEvent.selectOptions(picker, 'Billing')

    await waitFor(() => expect(api.requests).toContainEqual(expect.objectContaining({
      method: 'PATCH', path: '/api/v1/conversations/c1', body: { teamId: 'tb' } })))
    await waitFor(() => expect(within(screen.getByRole('combobox', { name: 'Assigned to' })).queryByRole('option', { name: 'Me' })).not.toBeInTheDocument())
    expect(within(screen.getByRole('combobox', { name: 'Assigned to' })).getByRole('option', { name: 'Ben' })).toBeInTheDocument()
  })

  it('says why instead of offering "Assign to me" on a team’s conversation the user is not in', async () => {
    sessionStore.write(tokens())
    const billing = conversation({ assigneeId: null, teamId: 'tb' })
    fakeApi(...workspace(),
      route('GET', /^\/api\/v1\/members/, 200, list(member('u1', 'Ann'), member('u2', 'Ben'))),
      route('GET', /^\/api\/v1\/teams/, 200, list(team('tb', 'Billing', ['u2']))),
      route('GET', /^\/api\/v1\/conversations\/c1\/messages/, 200, list(message('m1', 'My invoice is wrong'))),
      route('GET', '/api/v1/conversations/c1', 200, billing),
      route('GET', /^\/api\/v1\/conversations(\?|$)/, 200, list(billing)))
    renderApp('/inbox/c1')

    expect(await screen.findByText('Only members of Billing can take it')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Assign to me' })).not.toBeInTheDocument()
  })

  it('offers "Assign to me" on a team’s conversation the user is in', async () => {
    sessionStore.write(tokens())
    const billing = conversation({ assigneeId: null, teamId: 'tb' })
    fakeApi(...workspace(),
      route('GET', /^\/api\/v1\/members/, 200, list(member('u1', 'Ann'), member('u2', 'Ben'))),
      route('GET', /^\/api\/v1\/teams/, 200, list(team('tb', 'Billing', ['u1', 'u2']))),
      route('GET', /^\/api\/v1\/conversations\/c1\/messages/, 200, list(message('m1', 'My invoice is wrong'))),
      route('GET', '/api/v1/conversations/c1', 200, billing),
      route('GET', /^\/api\/v1\/conversations(\?|$)/, 200, list(billing)))
    renderApp('/inbox/c1')

    expect(await screen.findByRole('button', { name: 'Assign to me' })).toBeInTheDocument()
    expect(screen.queryByText(/Only members of/)).not.toBeInTheDocument()
  })
})
