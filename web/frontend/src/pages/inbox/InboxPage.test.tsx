import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { sessionStore } from '../../api/session'
import { fakeApi, route, tokens, type Recorded } from '../../test/fakeApi'
import { fakeEventSource } from '../../test/fakeEventSource'
import { conversation, message, workspace } from '../../test/inboxFixtures'
import { renderApp } from '../../test/render'

const list = (...items: object[]) => ({ items, nextCursor: null })
const LIST = /^\/api\/v1\/conversations(\?|$)/
const listRequests = (requests: Recorded[]) => requests.filter((r) => r.method === 'GET' && LIST.test(r.path)).map((r) => decodeURIComponent(r.path))

describe('the inbox', () => {
  it('lists conversations with their unread count and last message, and filters send the right query', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(...workspace(), route('GET', LIST, 200, list(conversation({ unreadCount: 2 }))))
    renderApp('/inbox')

    const conversations = await screen.findByRole('list', { name: 'Conversations' })
    const link = within(conversations).getByRole('link', { name: /^陳小明/ })
    expect(link).toHaveAccessibleName(/Where is my order\?.*2 unread messages/)

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'Taken over')
    await waitFor(() => expect(listRequests(api.requests).at(-1)).toContain('takenOver=true'))
    await userEvent.click(screen.getByLabelText('Unread only'))
    await waitFor(() => expect(listRequests(api.requests).at(-1)).toContain('unread=true'))
    await userEvent.selectOptions(await screen.findByLabelText('Bot'), 'Lumi')
    await waitFor(() => expect(listRequests(api.requests).at(-1)).toMatch(/botId=b1.*takenOver=true|takenOver=true.*botId=b1/))
  })

  it('loads more conversations from the cursor', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(...workspace(),
      route('GET', /^\/api\/v1\/conversations\?status=waiting&cursor=next$/, 200, list(conversation({ id: 'c2', contact: { id: 'k2', displayName: 'Mei', tier: 'free' } }))),
      route('GET', LIST, 200, { items: [conversation()], nextCursor: 'next' }))
    renderApp('/inbox')

    await userEvent.click(await screen.findByRole('button', { name: 'Load more' }))

    expect(await screen.findByRole('link', { name: /^Mei/ })).toBeInTheDocument()
    expect(listRequests(api.requests)).toContain('/api/v1/conversations?status=waiting&cursor=next')
  })

  it('shows the thread oldest first with who sent what and how far it got, and marks it read', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(...workspace(),
      route('GET', '/api/v1/conversations/c1', 200, conversation({ unreadCount: 1 })),
      route('POST', '/api/v1/conversations/c1/read', 200, conversation({ unreadCount: 0 })),
      route('GET', /^\/api\/v1\/conversations\/c1\/messages/, 200, list(
        message('m3', 'Sorry, that failed', { direction: 'outbound', sender: 'agent', status: 'failed', statusDetail: '131047: Re-engagement message' }),
        message('m2', 'Your order is on its way', { direction: 'outbound', sender: 'bot', status: 'delivered' }),
        message('m1', 'Where is my order?'),
      )),
      route('GET', LIST, 200, list(conversation({ unreadCount: 1 }))))
    renderApp('/inbox/c1')

    const log = await screen.findByRole('log', { name: 'Messages' })
    await waitFor(() => expect(within(log).getAllByRole('listitem')).toHaveLength(3))
    const items = within(log).getAllByRole('listitem')
    expect(items[0]).toHaveTextContent('Contact: Where is my order?')
    expect(items[1]).toHaveTextContent(/Bot: Your order is on its way.*Delivered/)
    expect(items[2]).toHaveTextContent(/Sorry, that failed.*Failed: 131047: Re-engagement message/)
    await waitFor(() => expect(api.requests).toContainEqual(expect.objectContaining({ method: 'POST', path: '/api/v1/conversations/c1/read' })))
    // the history scrolls: the keyboard can reach it to scroll it (axe scrollable-region-focusable)
    expect(screen.getByRole('region', { name: 'Conversation history' })).toHaveAttribute('tabindex', '0')
  })

  it('sends a reply with Enter, shows it in the thread and keeps Shift+Enter for new lines', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(...workspace(),
      route('GET', '/api/v1/conversations/c1', 200, conversation()),
      route('GET', /^\/api\/v1\/conversations\/c1\/messages/, 200, list(message('m1', 'Where is my order?'))),
      route('POST', '/api/v1/conversations/c1/messages', 201,
        message('m9', 'It left today.\nTracking follows.', { direction: 'outbound', sender: 'agent', status: 'queued', agentUserId: 'u1',
          createdAt: new Date().toISOString() })),
      route('GET', LIST, 200, list(conversation())))
    renderApp('/inbox/c1')

    const reply = await screen.findByRole('textbox', { name: 'Reply' })
    await userEvent.type(reply, 'It left today.{Shift>}{Enter}{/Shift}Tracking follows.')
    expect(api.requests.some((r) => r.method === 'POST' && r.path.endsWith('/messages'))).toBe(false)
    await userEvent.keyboard('{Enter}')

    await waitFor(() => expect(api.requests).toContainEqual(expect.objectContaining({
      method: 'POST', path: '/api/v1/conversations/c1/messages', body: { text: 'It left today.\nTracking follows.', keepBotActive: false },
    })))
    const log = screen.getByRole('log', { name: 'Messages' })
    expect(await within(log).findByText(/It left today\./)).toBeInTheDocument()
    expect(within(log).getAllByRole('listitem').at(-1)).toHaveTextContent('Queued')
    expect(reply).toHaveValue('')
  })

  it('shows why a reply was refused next to the reply box', async () => {
    sessionStore.write(tokens())
    fakeApi(...workspace(),
      route('GET', '/api/v1/conversations/c1', 200, conversation()),
      route('GET', /^\/api\/v1\/conversations\/c1\/messages/, 200, list()),
      route('POST', '/api/v1/conversations/c1/messages', 409, {
        type: 'https://parley.dev/problems/conflict', title: 'Conflict', status: 409, detail: 'The contact no longer follows this channel',
      }),
      route('GET', LIST, 200, list(conversation())))
    renderApp('/inbox/c1')

    await userEvent.type(await screen.findByRole('textbox', { name: 'Reply' }), 'Hello?')
    await userEvent.click(screen.getByRole('button', { name: 'Send' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('The contact no longer follows this channel')
  })

  it('takes the conversation over from the bot and hands it back', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(...workspace(),
      route('GET', '/api/v1/conversations/c1', 200, conversation()),
      route('POST', '/api/v1/conversations/c1/takeover', 200, conversation({ botPaused: true, takenOverBy: 'u1' })),
      route('POST', '/api/v1/conversations/c1/release', 200, conversation()),
      route('GET', /^\/api\/v1\/conversations\/c1\/messages/, 200, list()),
      route('GET', LIST, 200, list(conversation())))
    renderApp('/inbox/c1')

    expect(await screen.findByText('The bot is answering')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Take over' }))
    expect(await screen.findByText('You have taken over: the bot is paused')).toBeInTheDocument()
    expect(api.requests).toContainEqual(expect.objectContaining({ method: 'POST', path: '/api/v1/conversations/c1/takeover' }))

    await userEvent.click(screen.getByRole('button', { name: 'Hand back to bot' }))
    expect(await screen.findByText('The bot is answering')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Take over' })).toBeInTheDocument()
    expect(api.requests).toContainEqual(expect.objectContaining({ method: 'POST', path: '/api/v1/conversations/c1/release' }))
  })

  it('lets viewers read but not reply or take over', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(...workspace('viewer'),
      route('GET', '/api/v1/conversations/c1', 200, conversation({ unreadCount: 3 })),
      route('GET', /^\/api\/v1\/conversations\/c1\/messages/, 200, list(message('m1', 'Hi'))),
      route('GET', LIST, 200, list(conversation())))
    renderApp('/inbox/c1')

    expect(await screen.findByText(/Viewers can read conversations but not reply/)).toBeInTheDocument()
    expect(screen.queryByRole('textbox', { name: 'Reply' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Take over' })).not.toBeInTheDocument()
    expect(api.requests.some((r) => r.path.endsWith('/read'))).toBe(false)
  })

  it('appends a message to the open thread when the live stream says one arrived', async () => {
    sessionStore.write(tokens())
    const sources = fakeEventSource()
    let arrived = false
    fakeApi(...workspace(),
      route('POST', '/api/v1/events/ticket', 201, { ticket: 't1', url: '/api/v1/events?ticket=t1', expiresAt: '2026-11-21T08:00:00Z' }),
      route('GET', '/api/v1/conversations/c1', 200, conversation()),
      (r) => (r.method === 'GET' && r.path.startsWith('/api/v1/conversations/c1/messages')
        ? { status: 200, body: list(...(arrived ? [message('m2', 'Are you there?')] : []), message('m1', 'Where is my order?')) }
        : undefined),
      route('GET', LIST, 200, list(conversation())))
    renderApp('/inbox/c1')
    const log = await screen.findByRole('log', { name: 'Messages' })
    await within(log).findByText(/Where is my order\?/)
    await waitFor(() => expect(sources.instances).toHaveLength(1))
    sources.latest().open()

    arrived = true
    sources.latest().emit('message.received', { conversationId: 'c1', messageId: 'm2' })

    expect(await within(log).findByText(/Are you there\?/)).toBeInTheDocument()
    expect(within(log).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('Where is my order?'), expect.stringContaining('Are you there?'),
    ])
  })

  it('shows a teammate\'s takeover as it happens, in the thread and the list', async () => {
    sessionStore.write(tokens())
    const sources = fakeEventSource()
    let taken = false
    const current = () => conversation(taken ? { botPaused: true, takenOverBy: 'u2' } : {})
    fakeApi(...workspace(),
      route('POST', '/api/v1/events/ticket', 201, { ticket: 't1', url: '/api/v1/events?ticket=t1', expiresAt: '2026-11-21T08:00:00Z' }),
      (r) => (r.method === 'GET' && r.path === '/api/v1/conversations/c1' ? { status: 200, body: current() } : undefined),
      (r) => (r.method === 'GET' && LIST.test(r.path) ? { status: 200, body: list(current()) } : undefined),
      route('GET', /^\/api\/v1\/conversations\/c1\/messages/, 200, list()))
    renderApp('/inbox/c1')
    expect(await screen.findByText('The bot is answering')).toBeInTheDocument()
    await waitFor(() => expect(sources.instances).toHaveLength(1))

    taken = true
    sources.latest().emit('conversation.takeover', { conversationId: 'c1', takenOverBy: 'u2' })

    expect(await screen.findByText('A teammate has taken over: the bot is paused')).toBeInTheDocument()
    const row = screen.getByRole('link', { name: /^陳小明/ })
    await waitFor(() => expect(row).toHaveAccessibleName(/Taken over/))
  })

  it('shows the contact next to the thread', async () => {
    sessionStore.write(tokens())
    fakeApi(...workspace(),
      route('GET', '/api/v1/conversations/c1', 200, conversation()),
      route('GET', /^\/api\/v1\/conversations\/c1\/messages/, 200, list()),
      route('GET', LIST, 200, list(conversation())))
    renderApp('/inbox/c1')

    const panel = await screen.findByRole('region', { name: 'Contact' })
    expect(await within(panel).findByText('U4af4980629d5a8b0')).toBeInTheDocument()
    expect(within(panel).getByLabelText('Display name')).toHaveValue('陳小明')
  })
})
