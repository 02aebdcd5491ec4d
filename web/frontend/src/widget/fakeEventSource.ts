/** A stand-in for the browser's EventSource that tests drive by hand: open it, push replies, break it. */
export class FakeEventSource {
  static opened: FakeEventSource[] = []
  readonly url: string
  closed = false
  onopen: (() => void) | null = null
  onmessage: ((event: MessageEvent<string>) => void) | null = null
  onerror: (() => void) | null = null

  constructor(url: string) {
    this.url = url
    FakeEventSource.opened.push(this)
  }

  static latest(): FakeEventSource {
    return FakeEventSource.opened[FakeEventSource.opened.length - 1]
  }

  static open(url: string): EventSource {
    return new FakeEventSource(url) as unknown as EventSource
  }

  connect(): void {
    this.onopen?.()
  }

  reply(id: string, text: string): void {
    const data = JSON.stringify({ id, text, type: 'text', payload: {}, createdAt: '2026-11-22T00:00:00Z' })
    this.onmessage?.(new MessageEvent('message', { data, lastEventId: id }))
  }

  fail(): void {
    this.onerror?.()
  }

  close(): void {
    this.closed = true
  }
}
