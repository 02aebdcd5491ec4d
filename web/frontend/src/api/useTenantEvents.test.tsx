import { describe, expect, it } from 'vitest'
import { act, renderHook, waitFor } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { AuthProvider } from '../auth/AuthProvider'
import { fakeApi, route, tokens } from '../test/fakeApi'
import { fakeEventSource } from '../test/fakeEventSource'
import { inboxKeys } from './inboxKeys'
import { sessionStore } from './session'
import { applyTenantEvent, useTenantEvents } from './useTenantEvents'

/** A key as text, a list's filters as "*". */
const name = (key: readonly unknown[]) => key.map((part) => (typeof part === 'string' ? part : '*')).join('/')

function cacheWith(...keys: (readonly unknown[])[]) {
  const queries = new QueryClient()
  keys.forEach((key) => queries.setQueryData(key, {}))
  const stale = () => keys.filter((key) => queries.getQueryState(key)?.isInvalidated).map(name)
  return { queries, stale }
}

describe('live tenant events', () => {
  it('refresh one conversation, its messages and the lists on a message event, and nothing of other conversations', () => {
    const { queries, stale } = cacheWith(inboxKeys.messages('c1'), inboxKeys.messages('c2'), inboxKeys.conversation('c1'),
      inboxKeys.conversation('c2'), inboxKeys.list({ unread: true }))

    applyTenantEvent(queries, { type: 'message.status', data: { conversationId: 'c1', messageId: 'm1', status: 'read' } })

    expect(stale()).toEqual(['inbox/messages/c1', 'inbox/conversation/c1', 'inbox/conversations/*'])
  })

  it('refresh the contact panel\'s memory of that contact only when the LLM changed it', () => {
    const { queries, stale } = cacheWith(['contact-memory', 'k1'], ['contact-memory', 'k2'], inboxKeys.conversation('c1'))

    applyTenantEvent(queries, { type: 'contact.memory_changed', data: { contactId: 'k1', botId: 'b1', fields: ['favorability'] } })

    expect(stale()).toEqual(['contact-memory/k1'])
  })

  it('refresh every open thread when a message event names no conversation (web chat\'s "sent")', () => {
    const { queries, stale } = cacheWith(inboxKeys.messages('c1'), inboxKeys.messages('c2'), inboxKeys.conversation('c1'))

    applyTenantEvent(queries, { type: 'message.sent', data: { messageId: 'm1', status: 'sent' } })

    expect(stale()).toEqual(['inbox/messages/c1', 'inbox/messages/c2'])
  })

  it('refresh everything the inbox shows on "resync", since the server missed events', () => {
    const { queries, stale } = cacheWith(inboxKeys.messages('c1'), inboxKeys.conversation('c2'), inboxKeys.list({}), ['me'])

    applyTenantEvent(queries, { type: 'resync', data: {} })

    expect(stale()).toEqual(['inbox/messages/c1', 'inbox/conversation/c2', 'inbox/conversations/*'])
  })

  it('opens one stream while signed in and closes it on sign out', async () => {
    sessionStore.write(tokens())
    fakeApi(route('POST', '/api/v1/events/ticket', 201, { ticket: 't1', url: '/api/v1/events?ticket=t1', expiresAt: '2026-11-21T08:00:00Z' }))
    const sources = fakeEventSource()
    const queries = new QueryClient()
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queries}><AuthProvider>{children}</AuthProvider></QueryClientProvider>
    )
    renderHook(() => useTenantEvents(), { wrapper })
    await waitFor(() => expect(sources.instances).toHaveLength(1))

    act(() => sessionStore.clear())

    expect(sources.latest().closed).toBe(true)
    expect(sources.instances).toHaveLength(1)
  })
})
