import { afterEach, describe, expect, it, vi } from 'vitest'
import { waitFor } from '@testing-library/react'
import { fakeApi, tokens } from '../test/fakeApi'
import { fakeEventSource } from '../test/fakeEventSource'
import { openEventStream, type TenantEvent } from './eventStream'
import { sessionStore } from './session'

/** Answers each ticket request with the next numbered ticket. */
function ticketsInTurn() {
  let issued = 0
  return fakeApi((r) => {
    if (r.method !== 'POST' || r.path !== '/api/v1/events/ticket') return undefined
    issued += 1
    return { status: 201, body: { ticket: `t${issued}`, url: `/api/v1/events?ticket=t${issued}`, expiresAt: '2026-11-21T08:00:00Z' } }
  })
}

describe('the tenant event stream', () => {
  let close: () => void = () => undefined
  afterEach(() => {
    close()
    vi.restoreAllMocks()
  })

  it('opens the stream with a ticket bought with the access token, because EventSource sends no headers', async () => {
    sessionStore.write(tokens())
    const api = ticketsInTurn()
    const sources = fakeEventSource()
    close = openEventStream({ onEvent: () => undefined, onReconnect: () => undefined })

    await waitFor(() => expect(sources.instances).toHaveLength(1))
    expect(sources.latest().url).toBe('/api/v1/events?ticket=t1')
    expect(api.requests[0]).toMatchObject({ method: 'POST', path: '/api/v1/events/ticket', authorization: 'Bearer access-1' })
  })

  it('hands each named event over with its data', async () => {
    sessionStore.write(tokens())
    ticketsInTurn()
    const sources = fakeEventSource()
    const events: TenantEvent[] = []
    close = openEventStream({ onEvent: (e) => events.push(e), onReconnect: () => undefined })
    await waitFor(() => expect(sources.instances).toHaveLength(1))

    sources.latest().emit('conversation.takeover', { conversationId: 'c1', takenOverBy: 'u2' })

    expect(events).toEqual([{ type: 'conversation.takeover', data: { conversationId: 'c1', takenOverBy: 'u2' } }])
  })

  it('reconnects after an error with a fresh ticket, after a pause, and asks for a refetch once open again', async () => {
    sessionStore.write(tokens())
    ticketsInTurn()
    vi.spyOn(Math, 'random').mockReturnValue(0) // the shortest jitter: half of the 1 s first delay
    const sources = fakeEventSource()
    const onReconnect = vi.fn()
    close = openEventStream({ onEvent: () => undefined, onReconnect })
    await waitFor(() => expect(sources.instances).toHaveLength(1))
    const first = sources.latest()
    first.open()
    expect(onReconnect).not.toHaveBeenCalled()

    first.fail()
    expect(first.closed).toBe(true) // the browser would retry with the expired ticket
    expect(sources.instances).toHaveLength(1)
    await waitFor(() => expect(sources.instances).toHaveLength(2), { timeout: 2000 })
    expect(sources.latest().url).toBe('/api/v1/events?ticket=t2')

    sources.latest().open()
    expect(onReconnect).toHaveBeenCalledTimes(1)
  })

  it('stays closed once closed, even when the last connection fails', async () => {
    sessionStore.write(tokens())
    ticketsInTurn()
    vi.spyOn(Math, 'random').mockReturnValue(0)
    const sources = fakeEventSource()
    close = openEventStream({ onEvent: () => undefined, onReconnect: () => undefined })
    await waitFor(() => expect(sources.instances).toHaveLength(1))

    close()
    sources.latest().fail()
    await new Promise((resolve) => setTimeout(resolve, 700))

    expect(sources.latest().closed).toBe(true)
    expect(sources.instances).toHaveLength(1)
  })
})
