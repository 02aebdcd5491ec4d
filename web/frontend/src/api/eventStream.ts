import { api } from './client'
import { unwrap } from './problem'

/** One tenant event from GET /api/v1/events: its type and its small JSON object of ids. */
export interface TenantEvent {
  type: string
  data: Record<string, unknown>
}

/**
 * The event types the server publishes (inbox API and message pipeline). EventSource delivers named events only to
 * listeners of that name, so the stream must know them; an unknown type is simply not heard.
 */
export const EVENT_TYPES = [
  'message.received', 'message.queued', 'message.created', 'message.sent', 'message.status',
  'conversation.takeover', 'conversation.released', 'conversation.read', 'conversation.handoff',
  'channel.unhealthy', 'contact.memory_changed', 'resync',
] as const

export interface StreamCallbacks {
  onEvent(event: TenantEvent): void
  /** The stream is open again after a break: events were missed (the server does not replay), refetch. */
  onReconnect(): void
}

const FIRST_DELAY_MS = 1000
const MAX_DELAY_MS = 30_000

/**
 * Keeps one EventSource on the tenant's stream open until the returned function is called.
 *
 * EventSource cannot send an Authorization header, so each connection starts with a one-minute ticket from
 * POST /api/v1/events/ticket (docs/api/inbox.md). The browser's own reconnect would reuse the expired ticket, so on
 * any error the source is closed and a new one opened with a fresh ticket, after a growing, jittered delay
 * (1 s, 2 s, 4 s … 30 s) that resets once a connection opens. Last-Event-ID is not used: the server ignores it.
 */
export function openEventStream(callbacks: StreamCallbacks): () => void {
  let source: EventSource | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let delay = FIRST_DELAY_MS
  let opened = false
  let closed = false

  const retryLater = () => {
    if (closed) return
    const wait = delay / 2 + Math.random() * (delay / 2)
    delay = Math.min(delay * 2, MAX_DELAY_MS)
    timer = setTimeout(connect, wait)
  }

  const connect = async () => {
    let url: string
    try {
      url = (await unwrap(api.POST('/api/v1/events/ticket'))).url
    } catch {
      retryLater() // offline, or signed out in the meantime (the caller then closes us)
      return
    }
    if (closed) return
    const current = new EventSource(url)
    source = current
    current.onopen = () => {
      delay = FIRST_DELAY_MS
      if (opened) callbacks.onReconnect()
      opened = true
    }
    current.onerror = () => {
      current.close()
      if (source === current) {
        source = null
        retryLater()
      }
    }
    const deliver = (e: MessageEvent<string>) => {
      let data: Record<string, unknown> = {}
      try {
        data = e.data ? (JSON.parse(e.data) as Record<string, unknown>) : {}
      } catch {
        // not JSON: still worth knowing the type
      }
      callbacks.onEvent({ type: e.type, data })
    }
    EVENT_TYPES.forEach((type) => current.addEventListener(type, deliver as EventListener))
  }

  void connect()
  return () => {
    closed = true
    clearTimeout(timer)
    source?.close()
    source = null
  }
}
