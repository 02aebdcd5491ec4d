import type { ChatApi, Reply } from './chatApi'
import { listenForHints, type LiveHint } from './liveReply'

export type StreamState = 'connecting' | 'open' | 'retrying'

type EventSourceFactory = (url: string) => EventSource

/**
 * Keeps the session's reply stream open. Every (re)connection is a new EventSource with `?after=` the last reply
 * seen, rather than the browser's own retry: that one sends Last-Event-ID only once an event arrived, and stops for
 * good on an HTTP error such as 429 or 503. Waits grow from 1 s to 30 s while the server stays unreachable.
 */
export class ReplyStream {
  private source: EventSource | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private failures = 0
  private closed = false

  private readonly api: ChatApi
  private readonly sessionId: string
  private lastId: string | null
  private readonly onReply: (reply: Reply) => void
  private readonly onState: (state: StreamState) => void
  private readonly open: EventSourceFactory
  /** Live hints (composing, deltas of a reply being written); set by the widget. */
  onHint: ((hint: LiveHint) => void) | null = null

  constructor(api: ChatApi, sessionId: string, lastId: string | null, onReply: (reply: Reply) => void,
    onState: (state: StreamState) => void, open: EventSourceFactory = (url) => new EventSource(url)) {
    this.api = api
    this.sessionId = sessionId
    this.lastId = lastId
    this.onReply = onReply
    this.onState = onState
    this.open = open
  }

  start(): void {
    this.closed = false
    this.connect()
  }

  stop(): void {
    this.closed = true
    this.source?.close()
    this.source = null
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
  }

  /** When the browser says it is online again, a stream waiting to reconnect does so at once. */
  reconnectNow(): void {
    if (this.timer && !this.closed) {
      clearTimeout(this.timer)
      this.timer = null
      this.connect()
    }
  }

  private connect(): void {
    this.onState(this.failures === 0 ? 'connecting' : 'retrying')
    const source = this.open(this.api.streamUrl(this.sessionId, this.lastId))
    this.source = source
    source.onopen = () => {
      this.failures = 0
      this.onState('open')
    }
    source.onmessage = (event: MessageEvent<string>) => {
      let reply: Reply
      try {
        reply = JSON.parse(event.data) as Reply
      } catch {
        return // not ours to show
      }
      this.lastId = reply.id
      this.onReply(reply)
    }
    listenForHints(source, (hint) => this.onHint?.(hint))
    source.onerror = () => {
      source.close()
      if (this.closed || this.source !== source) {
        return // stopped, or an error this stream already answered
      }
      this.source = null
      this.failures++
      this.onState('retrying')
      const delay = Math.min(30_000, 1000 * 2 ** (this.failures - 1))
      this.timer = setTimeout(() => {
        this.timer = null
        this.connect()
      }, delay)
    }
  }
}
