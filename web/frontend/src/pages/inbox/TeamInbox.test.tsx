import { afterEach, describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { sessionStore } from '../../api/session'
import { fakeApi, route, tokens, type Recorded } from '../../test/fakeApi'
import { conversation, message, workspace } from '../../test/inboxFixtures'
import { renderApp } from '../../test/render'
import { titleWithCount } from './attention'

const list = (...items: object[]) => ({ items, nextCursor: null })
const LIST = /^\/api\/v1\/conversations(\?|$)/
const listRequests = (requests: Recorded[]) => requests.filter((r) => r.method === 'GET' && LIST.test(r.path)).map((r) => decodeURIComponent(r.path))
const member = (userId: string, displayName: string, role = 'agent') => ({ tenantId: 't1', userId, role, email: `${userId}@example.com`, displayName, createdAt: '2026-11-20T10:00:00Z' })
const members = route('GET', /^\/api\/v1\/members/, 200, list(member('u1', 'Ann'), member('u2', 'Ben'), member('u3', 'Vic', 'viewer')))
const counts = (waiting: number, waitingMine = 0, waitingUnassigned = 0, waitingTeams = 0) =>
  route('GET', '/api/v1/conversations/counts', 200, { waiting, waitingMine, waitingUnassigned, waitingTeams })
const thread = (c: object, ...more: Parameters<typeof fakeApi>) => [
  ...workspace(), members,
  route('GET', '/api/v1/conversations/c1', 200, c),
  route('GET', /^\/api\/v1\/conversations\/c1\/messages/, 200, list(message('m1', 'Where is my order?'))),
  route('GET', LIST, 200, list(c)),
  ...more,
]

afterEach(() => { document.title = 'Parley' })

describe('the team inbox', () => {
  it('opens on "needs a person", switches views and searches message text', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(...workspace(), counts(3, 1, 2), route('GET', LIST, 200, list(conversation({ status: 'waiting' }))))
    renderApp('/inbox')

    const row = await screen.findByRole('link', { name: /^陳小明/ })
    expect(row).toHaveAccessibleName(/Needs a person/)
    expect(listRequests(api.requests)[0]).toBe('/api/v1/conversations?status=waiting')
    expect(screen.getByRole('button', { name: /Needs a person/ })).toHaveAttribute('aria-pressed', 'true')

    await userEvent.click(screen.getByRole('button', { name: /Mine/ }))
    await waitFor(() => expect(listRequests(api.requests).at(-1)).toBe('/api/v1/conversations?assignee=me'))
    await userEvent.click(screen.getByRole('button', { name: 'My teams' }))
    await waitFor(() => expect(listRequests(api.requests).at(-1)).toBe('/api/v1/conversations?team=mine'))
    await userEvent.click(screen.getByRole('button', { name: /Unassigned/ }))
    await waitFor(() => expect(listRequests(api.requests).at(-1)).toBe('/api/v1/conversations?assignee=none'))
    await userEvent.click(screen.getByRole('button', { name: 'All' }))
    await userEvent.type(screen.getByRole('textbox', { name: 'Search messages and names' }), '營業時間{Enter}')
    await waitFor(() => expect(listRequests(api.requests).at(-1)).toBe('/api/v1/conversations?q=營業時間'))
    await userEvent.type(screen.getByRole('textbox', { name: 'Tier' }), 'premium{Enter}')
    await waitFor(() => expect(listRequests(api.requests).at(-1)).toBe('/api/v1/conversations?q=營業時間&tier=premium'))
  })

  it('counts the waiting conversations of my teams next to the "My teams" view, like the others', async () => {
    sessionStore.write(tokens())
    fakeApi(...workspace(), counts(5, 1, 2, 4), route('GET', LIST, 200, list()))
    renderApp('/inbox')

    const views = await screen.findByRole('navigation', { name: 'Views' })
    await waitFor(() => expect(within(views).getByRole('button', { name: /My teams/ })).toHaveTextContent('My teams4'))
    expect(within(views).getByRole('button', { name: /Mine/ })).toHaveTextContent('Mine1')
  })

  it('shows viewers no Teams link (its page is for agents and up), and agents one', async () => {
    sessionStore.write(tokens())
    fakeApi(...workspace('viewer'), counts(0), route('GET', LIST, 200, list()))
    renderApp('/inbox')

    const nav = await screen.findByRole('navigation', { name: 'Main navigation' })
    await waitFor(() => expect(within(nav).queryByRole('link', { name: 'Teams' })).not.toBeInTheDocument())
    expect(within(nav).getByRole('link', { name: 'Members' })).toBeInTheDocument()
  })

  it('shows agents the Teams link', async () => {
    sessionStore.write(tokens())
    fakeApi(...workspace('agent'), counts(0), route('GET', LIST, 200, list()))
    renderApp('/inbox')

    const nav = await screen.findByRole('navigation', { name: 'Main navigation' })
    expect(await within(nav).findByRole('link', { name: 'Teams' })).toBeInTheDocument()
  })

  it('puts the count of conversations that need a person in the nav and the tab title', async () => {
    sessionStore.write(tokens())
    fakeApi(...workspace(), counts(3), route('GET', LIST, 200, list()))
    renderApp('/inbox')

    const nav = await screen.findByRole('navigation', { name: 'Main navigation' })
    expect(await within(nav).findByText('3 conversations need a person')).toBeInTheDocument()
    await waitFor(() => expect(document.title).toBe('(3) Inbox · Parley'))
    expect(screen.getByText('Nobody is waiting for a person')).toBeInTheDocument()
  })

  it('replaces an earlier count in the title instead of stacking it', () => {
    expect(titleWithCount('Inbox · Parley', 2)).toBe('(2) Inbox · Parley')
    expect(titleWithCount('(2) Inbox · Parley', 5)).toBe('(5) Inbox · Parley')
    expect(titleWithCount('(5) Inbox · Parley', 0)).toBe('Inbox · Parley')
    expect(titleWithCount('Parley', 150)).toBe('(99+) Parley')
  })

  it('says a flow handed off, assigns to me and resolves', async () => {
    sessionStore.write(tokens())
    const handedOff = conversation({ status: 'waiting', botPaused: true, handoffSource: 'flow', assigneeId: null })
    const api = fakeApi(...thread(handedOff,
      (r) => (r.method === 'PATCH' && r.path === '/api/v1/conversations/c1'
        ? { status: 200, body: { ...handedOff, ...(r.body as object), ...((r.body as { status?: string }).status === 'resolved' ? { botPaused: false, handoffSource: null } : {}) } }
        : undefined)))
    renderApp('/inbox/c1')

    expect(await screen.findByText('A flow handed this conversation to a person: the bot is paused')).toBeInTheDocument()
    expect(screen.queryByText(/integration/)).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Assign to me' }))
    await waitFor(() => expect(api.requests).toContainEqual(expect.objectContaining({
      method: 'PATCH', path: '/api/v1/conversations/c1', body: { assigneeId: 'u1' } })))
    await userEvent.click(screen.getByRole('button', { name: 'Resolve' }))
    await waitFor(() => expect(api.requests).toContainEqual(expect.objectContaining({
      method: 'PATCH', path: '/api/v1/conversations/c1', body: { status: 'resolved' } })))
    expect(await screen.findByRole('button', { name: 'Reopen' })).toBeInTheDocument()
  })

  it('names the teammate who took over and only then asks before taking it from them', async () => {
    sessionStore.write(tokens())
    fakeApi(...thread(conversation({ botPaused: true, takenOverBy: 'u2', handoffSource: 'agent', assigneeId: 'u2' })))
    renderApp('/inbox/c1')

    expect(await screen.findByText('Ben has taken over: the bot is paused')).toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: 'Assigned to' })).toHaveDisplayValue('Ben')
    expect(within(screen.getByRole('combobox', { name: 'Assigned to' })).queryByText('Vic')).not.toBeInTheDocument()
  })

  it('writes a private note that shows among the messages, marked private', async () => {
    sessionStore.write(tokens())
    let notes: object[] = []
    const note = { id: 'n1', conversationId: 'c1', authorId: 'u1', text: 'VIP: refund approved', createdAt: '2026-11-21T08:16:00Z' }
    const api = fakeApi(...thread(conversation(),
      (r) => (r.method === 'GET' && r.path.startsWith('/api/v1/conversations/c1/notes') ? { status: 200, body: list(...notes) } : undefined),
      (r) => (r.method === 'POST' && r.path === '/api/v1/conversations/c1/notes' ? (notes = [note], { status: 201, body: note }) : undefined)))
    renderApp('/inbox/c1')

    await userEvent.click(await screen.findByRole('button', { name: 'Private note' }))
    await userEvent.type(screen.getByRole('textbox', { name: 'Private note' }), 'VIP: refund approved{Enter}')

    await waitFor(() => expect(api.requests).toContainEqual(expect.objectContaining({
      method: 'POST', path: '/api/v1/conversations/c1/notes', body: { text: 'VIP: refund approved' } })))
    expect(api.requests.some((r) => r.method === 'POST' && r.path.endsWith('/messages'))).toBe(false)
    const log = screen.getByRole('log', { name: 'Messages' })
    expect(await within(log).findByText('VIP: refund approved')).toBeInTheDocument()
    expect(within(log).getAllByRole('listitem').at(-1)).toHaveTextContent('Private note: VIP: refund approved')
  })

  it('offers canned replies after / and inserts the chosen one', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(...thread(conversation(),
      route('GET', /^\/api\/v1\/canned-replies/, 200, list(
        { id: 'r1', shortcut: 'address', text: '12 Main St.', createdAt: '2026-11-20T10:00:00Z', updatedAt: '2026-11-20T10:00:00Z' },
        { id: 'r2', shortcut: 'hours', text: '營業時間：週一至週五 9:00–18:00', createdAt: '2026-11-20T10:00:00Z', updatedAt: '2026-11-20T10:00:00Z' })),
      route('POST', '/api/v1/conversations/c1/messages', 201, message('m9', '營業時間：週一至週五 9:00–18:00', { direction: 'outbound', sender: 'agent', status: 'queued' }))))
    renderApp('/inbox/c1')

    const reply = await screen.findByRole('textbox', { name: 'Reply' })
    await userEvent.type(reply, '/h')
    const menu = await screen.findByRole('listbox', { name: 'Canned replies' })
    expect(within(menu).getAllByRole('option')).toHaveLength(1)
    await userEvent.keyboard('{Enter}')
    expect(reply).toHaveValue('營業時間：週一至週五 9:00–18:00')
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument()
    await userEvent.keyboard('{Enter}')

    await waitFor(() => expect(api.requests).toContainEqual(expect.objectContaining({
      method: 'POST', path: '/api/v1/conversations/c1/messages', body: { text: '營業時間：週一至週五 9:00–18:00', keepBotActive: false } })))
  })
})
