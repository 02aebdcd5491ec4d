import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { sessionStore } from '../../api/session'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { conversation, message, workspace } from '../../test/inboxFixtures'
import { renderApp } from '../../test/render'

const list = (...items: object[]) => ({ items, nextCursor: null })
const failedReply = message('m2', 'It left today.', {
  direction: 'outbound', sender: 'bot', status: 'failed', statusDetail: 'gave up after 8 attempts: 503',
  createdAt: new Date().toISOString(),
})
const failedLast = conversation({ lastMessage: { id: 'm2', direction: 'outbound', sender: 'bot', type: 'text', text: 'It left today.', status: 'failed' } })

describe('failed and stuck deliveries', () => {
  it('shows a failed reply with its reason, marks the conversation and sends it again', async () => {
    sessionStore.write(tokens())
    let retried = false
    const api = fakeApi(...workspace(),
      route('GET', '/api/v1/conversations/counts', 200, { waiting: 0, waitingMine: 0, waitingUnassigned: 0 }),
      route('GET', /^\/api\/v1\/conversations\/c1\/notes/, 200, list()),
      route('GET', '/api/v1/conversations/c1', 200, failedLast),
      (r) => r.method === 'GET' && r.path.startsWith('/api/v1/conversations/c1/messages')
        ? { status: 200, body: list(retried ? { ...failedReply, status: 'queued', statusDetail: null } : failedReply, message('m1', 'Where?')) }
        : undefined,
      (r) => {
        if (r.method !== 'POST' || r.path !== '/api/v1/conversations/c1/messages/m2/retry') return undefined
        retried = true
        return { status: 200, body: { ...failedReply, status: 'queued', statusDetail: null } }
      },
      route('GET', /^\/api\/v1\/conversations(\?|$)/, 200, list(failedLast)))
    renderApp('/inbox/c1?view=all')

    expect(await screen.findByText(/Failed: gave up after 8 attempts: 503/)).toBeInTheDocument()
    const row = screen.getByRole('link', { name: /^陳小明/ })
    expect(row).toHaveAccessibleName(/Not delivered/)
    await userEvent.click(screen.getByRole('button', { name: 'Send again: It left today.' }))

    expect(api.requests.some((r) => r.method === 'POST' && r.path === '/api/v1/conversations/c1/messages/m2/retry')).toBe(true)
    const log = screen.getByRole('log')
    await waitFor(() => expect(within(log).queryByText(/Failed/)).not.toBeInTheDocument())
    expect(within(log).getByText(/Queued/)).toBeInTheDocument()
  })

  it('says a reply queued for minutes is not sent yet, and offers no retry to viewers', async () => {
    sessionStore.write(tokens())
    const old = new Date(Date.now() - 10 * 60 * 1000).toISOString()
    fakeApi(...workspace('viewer'),
      route('GET', '/api/v1/conversations/counts', 200, { waiting: 0, waitingMine: 0, waitingUnassigned: 0 }),
      route('GET', /^\/api\/v1\/conversations\/c1\/notes/, 200, list()),
      route('GET', '/api/v1/conversations/c1', 200, conversation()),
      route('GET', /^\/api\/v1\/conversations\/c1\/messages/, 200, list(
        message('m3', 'Still here?', { direction: 'outbound', sender: 'agent', status: 'queued', createdAt: old }),
        failedReply)),
      route('GET', /^\/api\/v1\/conversations(\?|$)/, 200, list(conversation())))
    renderApp('/inbox/c1?view=all')

    expect(await screen.findByText(/Not sent yet: retrying/)).toBeInTheDocument()
    expect(screen.getByText(/Failed: gave up/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Send again/ })).not.toBeInTheDocument()
  })
})
