import { describe, expect, it, vi } from 'vitest'
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { sessionStore } from '../../api/session'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { conversation, message, workspace } from '../../test/inboxFixtures'
import { renderApp } from '../../test/render'

// The inbox for keyboard users (issue 18 part 5; the browser story walks it too, e2e/steps/keyboard.mjs): the list
// is one Tab stop with the arrow keys inside, an opened conversation starts at its heading, and an action whose
// button goes away leaves focus where the next action starts, never on the page.

const list = (...items: object[]) => ({ items, nextCursor: null })
const LIST = /^\/api\/v1\/conversations(\?|$)/
const member = { tenantId: 't1', userId: 'u1', role: 'agent', email: 'u1@example.com', displayName: 'Ann', createdAt: '2026-11-20T10:00:00Z' }
const rows = [
  conversation({ id: 'c1', contact: { id: 'k1', displayName: 'Amy' } }),
  conversation({ id: 'c2', contact: { id: 'k2', displayName: 'Bob' } }),
  conversation({ id: 'c3', contact: { id: 'k3', displayName: 'Cai' } }),
]

/** The API of one conversation (c1) whose PATCH, takeover and release answer with the changed conversation. */
function oneConversation(start: Record<string, unknown>) {
  let current = conversation(start)
  const changes: Parameters<typeof fakeApi>[number] = (r) => {
    const changed = r.method === 'PATCH' && r.path === '/api/v1/conversations/c1' ? r.body as object
      : r.method === 'POST' && r.path === '/api/v1/conversations/c1/takeover' ? { botPaused: true, takenOverBy: 'u1', assigneeId: 'u1' }
        : r.method === 'POST' && r.path === '/api/v1/conversations/c1/release' ? { botPaused: false, takenOverBy: null }
          : undefined
    if (!changed) return undefined
    current = { ...current, ...changed }
    return { status: 200, body: current }
  }
  return fakeApi(...workspace(), route('GET', /^\/api\/v1\/members/, 200, list(member)), changes,
    (r) => (r.method === 'GET' && r.path === '/api/v1/conversations/c1' ? { status: 200, body: current } : undefined),
    route('GET', /^\/api\/v1\/conversations\/c1\/messages/, 200, list(message('m1', 'Where is my order?'))),
    route('GET', LIST, 200, list(current)))
}

describe('the inbox by keyboard', () => {
  it('makes the conversation list one Tab stop: the arrow keys, Home and End move, and Tab comes back to the row left', async () => {
    sessionStore.write(tokens())
    fakeApi(...workspace(), route('GET', LIST, 200, list(...rows)))
    renderApp('/inbox?view=all')
    const links = within(await screen.findByRole('list', { name: 'Conversations' })).getAllByRole('link')

    expect(links.map((l) => l.tabIndex)).toEqual([0, -1, -1])
    act(() => links[0].focus())
    await userEvent.keyboard('{ArrowDown}')
    expect(links[1]).toHaveFocus()
    await userEvent.keyboard('{End}')
    expect(links[2]).toHaveFocus()
    await userEvent.keyboard('{ArrowDown}') // stays on the last
    expect(links[2]).toHaveFocus()
    await userEvent.keyboard('{Home}{ArrowDown}')
    expect(links[1]).toHaveFocus()

    await userEvent.tab({ shift: true })
    expect(links[1]).not.toHaveFocus()
    await userEvent.tab()
    expect(links[1]).toHaveFocus()
    expect(links.map((l) => l.tabIndex)).toEqual([-1, 0, -1])
  })

  it('puts focus on the heading of the conversation opened with Enter', async () => {
    sessionStore.write(tokens())
    fakeApi(...workspace(), route('GET', LIST, 200, list(...rows)), route('GET', /^\/api\/v1\/members/, 200, list(member)),
      route('GET', '/api/v1/conversations/c2', 200, rows[1]),
      route('GET', /^\/api\/v1\/conversations\/c2\/messages/, 200, list(message('m1', 'Hi'))))
    renderApp('/inbox?view=all')
    const links = within(await screen.findByRole('list', { name: 'Conversations' })).getAllByRole('link')
    act(() => links[0].focus())

    await userEvent.keyboard('{ArrowDown}{Enter}')

    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Bob' })).toHaveFocus())
  })

  it('gives focus to the assignee after "Assign to me", which goes away', async () => {
    sessionStore.write(tokens())
    oneConversation({ status: 'waiting', botPaused: true, handoffSource: 'keyword', assigneeId: null })
    renderApp('/inbox/c1')
    const assign = await screen.findByRole('button', { name: 'Assign to me' })
    assign.focus()

    await userEvent.keyboard('{Enter}')

    await waitFor(() => expect(screen.queryByRole('button', { name: 'Assign to me' })).not.toBeInTheDocument())
    const assignee = screen.getByRole('combobox', { name: 'Assigned to' })
    expect(assignee).toHaveDisplayValue('Me')
    await waitFor(() => expect(assignee).toHaveFocus())
  })

  it('takes over into the reply box, and hands back to the Take over button', async () => {
    sessionStore.write(tokens())
    oneConversation({ status: 'waiting', botPaused: true, handoffSource: 'keyword', assigneeId: 'u1' })
    renderApp('/inbox/c1')
    ;(await screen.findByRole('button', { name: 'Take over' })).focus()

    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Reply' })).toHaveFocus())

    screen.getByRole('button', { name: 'Hand back to bot' }).focus()
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(screen.getByRole('button', { name: 'Take over' })).toHaveFocus())
  })

  it('keeps focus on Resolve while it works (busy, not disabled) and after, when it has become Reopen', async () => {
    sessionStore.write(tokens())
    let answer: () => void = () => {}
    const answered = new Promise<void>((resolve) => { answer = resolve })
    const api = oneConversation({ status: 'open', assigneeId: 'u1' })
    const fake = vi.mocked(fetch)
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      if ((init?.method ?? (input instanceof Request ? input.method : 'GET')) === 'PATCH') await answered // the server takes its time
      return fake(input, init)
    })
    renderApp('/inbox/c1')
    const resolve = await screen.findByRole('button', { name: 'Resolve' })
    resolve.focus()

    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(resolve).toHaveAttribute('aria-busy', 'true'))
    expect(resolve).toHaveAttribute('aria-disabled', 'true')
    expect(resolve).toHaveFocus()
    await userEvent.keyboard('{Enter}') // pressed again while busy: nothing is sent twice
    answer()

    await waitFor(() => expect(resolve).toHaveAccessibleName('Reopen'))
    expect(resolve).toHaveFocus()
    expect(api.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1)
  })

  it('points screen readers at the canned reply picked with the arrow keys', async () => {
    sessionStore.write(tokens())
    const canned = (id: string, shortcut: string) => ({ id, shortcut, text: `${shortcut}!`, createdAt: '2026-11-20T10:00:00Z', updatedAt: '2026-11-20T10:00:00Z' })
    fakeApi(...workspace(), route('GET', /^\/api\/v1\/members/, 200, list(member)),
      route('GET', '/api/v1/conversations/c1', 200, conversation()),
      route('GET', /^\/api\/v1\/conversations\/c1\/messages/, 200, list(message('m1', 'Hi'))),
      route('GET', LIST, 200, list(conversation())),
      route('GET', /^\/api\/v1\/canned-replies/, 200, list(canned('r1', 'hello'), canned('r2', 'hours'))))
    renderApp('/inbox/c1')
    const reply = await screen.findByRole('textbox', { name: 'Reply' })

    await userEvent.type(reply, '/h')
    const options = within(await screen.findByRole('listbox', { name: 'Canned replies' })).getAllByRole('option')
    expect(reply).toHaveAttribute('aria-activedescendant', options[0].id)
    await userEvent.keyboard('{ArrowDown}')

    expect(options[1]).toHaveAttribute('aria-selected', 'true')
    expect(reply).toHaveAttribute('aria-activedescendant', options[1].id)
  })
})
