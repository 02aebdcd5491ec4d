import { vi } from 'vitest'

/**
 * A stand-in for the browser's EventSource (jsdom has none): tests open, fail and feed named events to the
 * connections the code under test creates, and see which URLs (tickets) it used.
 */
export class FakeEventSource {
  static instances: FakeEventSource[] = []
  readonly url: string
  closed = false
  onopen: ((e: Event) => void) | null = null
  onerror: ((e: Event) => void) | null = null
  private readonly listeners = new Map<string, Set<(e: MessageEvent) => void>>()

  constructor(url: string) {
    this.url = url
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

  fail() {
    this.onerror?.(new Event('error'))
  }

  static latest(): FakeEventSource {
    const latest = FakeEventSource.instances.at(-1)
    if (!latest) throw new Error('no EventSource was opened')
    return latest
  }
}

export function fakeEventSource() {
  FakeEventSource.instances = []
  vi.stubGlobal('EventSource', FakeEventSource)
  return FakeEventSource
}
