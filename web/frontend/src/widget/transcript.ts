/** A button under a reply (a flow's buttons step): pressing it sends its label with its postback data. */
export interface ChatButton {
  label: string
  postback: string
  /** A list option's description, shown under its label. */
  description?: string
}

/** One card of a carousel reply: its buttons are answered like a buttons reply's. */
export interface ChatCard {
  title: string
  text: string
  image?: { url: string; alt: string | null }
  buttons: ChatButton[]
}

/** One line of the chat as the widget shows it. */
export interface ChatLine {
  id: string
  from: 'contact' | 'bot'
  text: string
  at: string
  /** The contact's own messages: sending → sent, or failed (shown with a retry button). */
  status?: 'sending' | 'sent' | 'failed'
  /** A contact's button press: the data sent again with a retry. */
  postback?: string
  /** A reply's buttons, and the label of the one pressed (then all are disabled: one answer per question). */
  buttons?: ChatButton[]
  chosen?: string
  /** An image reply (its text, if any, is the caption), or a card's image. */
  image?: { url: string; alt: string | null }
  /** A card's title, shown above its text. */
  title?: string
  /** A card's or a link step's button that opens a page (an http or https URL). */
  link?: { label: string; url: string }
  /**
   * A carousel's cards, shown as a row that scrolls sideways; then `chosen` is the pressed button's postback data
   * (labels such as "Order" repeat from card to card).
   */
  cards?: ChatCard[]
}

interface Saved {
  sessionId: string
  lastReplyId: string | null
  lines: ChatLine[]
}

/** Keep the transcript small: localStorage is shared with the host page (about 5 MB per origin). */
const MAX_LINES = 100

/**
 * The session and what was said in it, kept in the host page's localStorage per widget key, so a reload continues
 * the same conversation. The server keeps only the replies for the stream's replay (`after` = the last reply id), so
 * the contact's own messages are remembered here.
 */
export class Transcript {
  readonly sessionId: string
  private lastReply: string | null
  private saved: ChatLine[]

  private readonly storage: Storage | null
  private readonly widgetKey: string

  constructor(storage: Storage | null, widgetKey: string) {
    this.storage = storage
    this.widgetKey = widgetKey
    const restored = this.read()
    this.sessionId = restored?.sessionId ?? randomId(32)
    this.lastReply = restored?.lastReplyId ?? null
    // A message still "sending" when the page went away may or may not have arrived: offer to send it again.
    this.saved = (restored?.lines ?? []).map((l) => (l.status === 'sending' ? { ...l, status: 'failed' } : l))
    this.write()
  }

  get lines(): readonly ChatLine[] {
    return this.saved
  }

  get lastReplyId(): string | null {
    return this.lastReply
  }

  /** Adds or replaces (by id) a line; false when a reply was already there (a replayed event). */
  put(line: ChatLine): boolean {
    const index = this.saved.findIndex((l) => l.id === line.id)
    if (index >= 0 && line.from === 'bot') {
      return false
    }
    if (index >= 0) {
      this.saved[index] = line
    } else {
      this.saved.push(line)
    }
    if (line.from === 'bot') {
      this.lastReply = line.id
    }
    this.saved = this.saved.slice(-MAX_LINES)
    this.write()
    return true
  }

  /** Remembers which button of a reply was pressed, so its buttons stay disabled after a reload. */
  choose(replyId: string, label: string): ChatLine | null {
    const index = this.saved.findIndex((l) => l.id === replyId)
    if (index < 0) {
      return null
    }
    this.saved[index] = { ...this.saved[index], chosen: label }
    this.write()
    return this.saved[index]
  }

  /**
   * Takes what another tab of the same site saved (the browser's `storage` event): the contact sees the messages
   * they sent there, not only the replies. False when that was another session or nothing new.
   */
  adoptSaved(): boolean {
    const saved = this.read()
    if (!saved || saved.sessionId !== this.sessionId || JSON.stringify(saved.lines) === JSON.stringify(this.saved)) {
      return false
    }
    this.saved = saved.lines
    this.lastReply = saved.lastReplyId
    return true
  }

  get storageKey(): string {
    return `parley.widget.${this.widgetKey}`
  }

  private read(): Saved | null {
    try {
      const text = this.storage?.getItem(this.storageKey)
      const saved = text ? (JSON.parse(text) as Saved) : null
      return saved && /^[A-Za-z0-9_-]{16,100}$/.test(saved.sessionId) && Array.isArray(saved.lines) ? saved : null
    } catch {
      return null // private mode or a corrupt entry: start afresh
    }
  }

  private write(): void {
    try {
      const saved: Saved = { sessionId: this.sessionId, lastReplyId: this.lastReply, lines: this.saved }
      this.storage?.setItem(this.storageKey, JSON.stringify(saved))
    } catch {
      // Storage full or blocked: the chat still works, it just will not survive a reload.
    }
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'

/** Session and message ids the API accepts (A-Za-z0-9_-), from the browser's cryptographic random source. */
export function randomId(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length))
  return Array.from(bytes, (b) => ALPHABET[b & 63]).join('')
}
