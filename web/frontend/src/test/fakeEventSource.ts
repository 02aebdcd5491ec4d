import { vi } from 'vitest'

/**
 * A stand-in for the browser's EventSource (jsdom has none): tests open, fail and feed events to the connections
 * the code under test creates, and see which URLs (tickets, sessions) it used. `emit` sends a named event (to
 * addEventListener listeners), `message` an unnamed one (to onmessage).
 */
export class FakeEventSource {
  static instances: FakeEventSource[] = []
  readonly url: string
  closed = false
  onopen: ((e: Event) => void) | null = null
  onmessage: ((e: MessageEvent<string>) => void) | null = null
  onerror: ((e: Event) => void) | null = null
  private readonly listeners = new Map<string, Set<(e: MessageEvent) => void>>()

  constructor(url: string | URL) {
    this.url = String(url)
    FakeEventSource.instances.push(this)
  }

  addEventListener(type: string, listener: (e: MessageEvent) => void) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set())
    this.listeners.get(type)?.add(listener)
  }

  close() {
    this.closed = true
  }

  open() {
    this.onopen?.(new Event('open'))
  }

  emit(type: string, data: object) {
    this.listeners.get(type)?.forEach((l) => l(new MessageEvent(type, { data: JSON.stringify(data) })))
  }

  message(data: unknown, id?: string) {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(data), lastEventId: id }))
  }

  fail() {
    this.onerror?.(new Event('error'))
  }

  static latest(): FakeEventSource {
    const latest = FakeEventSource.instances.at(-1)
    if (!latest) throw new Error('no EventSource was opened')
    return latest
  }
}

/** Replaces the global EventSource with the fake, forgetting earlier connections. */
export function fakeEventSource() {
  FakeEventSource.instances = []
  vi.stubGlobal('EventSource', FakeEventSource)
  return FakeEventSource
}
