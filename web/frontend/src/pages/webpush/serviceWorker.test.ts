import { describe, expect, it, vi } from 'vitest'
import source from '../../../public/sw.js?raw'

type Listener = (event: Record<string, unknown>) => void

/** Runs public/sw.js (the file the dashboard serves at /sw.js) against a fake ServiceWorkerGlobalScope. */
function serviceWorker(tabs: { url: string; focus: ReturnType<typeof vi.fn>; navigate?: ReturnType<typeof vi.fn> }[] = []) {
  const listeners = new Map<string, Listener>()
  const self = {
    location: new URL('https://parley.example/sw.js'),
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
    skipWaiting: vi.fn(),
    registration: { showNotification: vi.fn(async () => undefined) },
    clients: {
      claim: vi.fn(async () => undefined),
      matchAll: vi.fn(async () => tabs),
      openWindow: vi.fn(async () => null),
    },
  }
  new Function('self', source)(self)
  const fire = async (type: string, event: Record<string, unknown>) => {
    let work: Promise<unknown> = Promise.resolve()
    listeners.get(type)!({ ...event, waitUntil: (p: Promise<unknown>) => { work = p } })
    await work
  }
  return { self, fire }
}

const push = (message: unknown) => ({ data: { json: () => message } })

describe('the service worker', () => {
  it('shows a pushed notification with its title, body and the conversation to open', async () => {
    const { self, fire } = serviceWorker()

    await fire('push', push({ id: 'n1', kind: 'conversation.handoff', severity: 'warning', title: 'Mei asks for a person',
      body: 'Answer in the inbox.', url: 'https://parley.example/inbox/c1' }))

    expect(self.registration.showNotification).toHaveBeenCalledWith('Mei asks for a person', expect.objectContaining({
      body: 'Answer in the inbox.', tag: 'n1', data: { url: 'https://parley.example/inbox/c1' }, requireInteraction: false,
    }))
  })

  it('never links a notification to another site', async () => {
    const { self, fire } = serviceWorker()

    await fire('push', push({ title: 'x', body: 'y', url: 'https://evil.example/phish' }))

    expect(self.registration.showNotification).toHaveBeenCalledWith('x', expect.objectContaining({
      data: { url: 'https://parley.example/' },
    }))
  })

  it('focuses the tab already showing the conversation on a click', async () => {
    const showing = { url: 'https://parley.example/inbox/c1', focus: vi.fn() }
    const other = { url: 'https://parley.example/bots', focus: vi.fn(), navigate: vi.fn() }
    const { self, fire } = serviceWorker([other, showing])
    const close = vi.fn()

    await fire('notificationclick', { notification: { close, data: { url: 'https://parley.example/inbox/c1' } } })

    expect(close).toHaveBeenCalled()
    expect(showing.focus).toHaveBeenCalled()
    expect(other.navigate).not.toHaveBeenCalled()
    expect(self.clients.openWindow).not.toHaveBeenCalled()
  })

  it('moves a dashboard tab to the conversation, or opens a window when there is none', async () => {
    const moved = { url: 'https://parley.example/inbox/c2', focus: vi.fn() }
    const dashboard = { url: 'https://parley.example/bots', focus: vi.fn(), navigate: vi.fn(async () => moved) }
    const withTab = serviceWorker([dashboard])
    await withTab.fire('notificationclick', { notification: { close: vi.fn(), data: { url: 'https://parley.example/inbox/c2' } } })
    expect(dashboard.navigate).toHaveBeenCalledWith('https://parley.example/inbox/c2')
    expect(moved.focus).toHaveBeenCalled()

    const none = serviceWorker([])
    await none.fire('notificationclick', { notification: { close: vi.fn(), data: { url: 'https://parley.example/inbox/c2' } } })
    expect(none.self.clients.openWindow).toHaveBeenCalledWith('https://parley.example/inbox/c2')
  })
})
