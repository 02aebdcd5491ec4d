import { vi } from 'vitest'

/** A stand-in for the browser's EventSource (jsdom has none): tests push server events with `emit`. */
export class FakeEventSource {
  static opened: FakeEventSource[] = []
  onopen: ((event: Event) => void) | null = null
  onmessage: ((event: MessageEvent<string>) => void) | null = null
  onerror: ((event: Event) => void) | null = null
  closed = false
  readonly url: string

  constructor(url: string | URL) {
    this.url = String(url)
    FakeEventSource.opened.push(this)
  }

  emit(data: unknown, id?: string) {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(data), lastEventId: id }))
  }

  close() {
    this.closed = true
  }

  static install() {
    FakeEventSource.opened = []
    vi.stubGlobal('EventSource', FakeEventSource)
  }
}
