import { appendLinkedText, link } from './linkedText'
import { ChatApi, type Opening, type Outgoing, type Reply } from './chatApi'
import { ReplyStream, type StreamState } from './replyStream'
import type { WidgetStrings } from './strings'
import { lineOfReply } from './replyLine'
import { withDelta, type LiveHint } from './liveReply'
import { randomId, Transcript, type ChatButton, type ChatLine } from './transcript'
import { applyBranding, type WidgetBranding } from './branding'
import { widgetMarkup } from './markup'

/** How long the typing indicator may show without a reply or another hint (the bot's LLM call times out sooner). */
const TYPING_TIMEOUT_MS = 60_000

export interface WidgetOptions {
  api: ChatApi
  strings: WidgetStrings
  storage: Storage | null
  /** The hosted page (/c/KEY): the panel fills the page, always open, without the bubble. */
  fullPage?: boolean
  /** The panel's heading instead of the generic "Chat" (the hosted page's title), unless the branding names one. */
  title?: string
  /** The channel's branding (colour, name, avatar, side, greeting); its language is already in `strings`. */
  branding?: WidgetBranding
  /**
   * The dashboard's live preview: open, showing these lines, inside its container rather than fixed to the page,
   * without a stream, storage or focus.
   */
  preview?: ChatLine[]
}

/**
 * The chat bubble and its panel, in an open shadow root on the host page (open, so that browser tests and
 * assistive technology see into it). Shows the saved transcript at once, then the replies as the stream brings them.
 * The panel is shown by the root's `open` class rather than the `hidden` attribute: jsdom does not recompute the
 * style of shadow-tree elements when `hidden` changes, so the tests would see a panel that never opens.
 */
export class ChatWidget {
  readonly shadow: ShadowRoot
  private readonly transcript: Transcript
  private readonly stream: ReplyStream | null
  private readonly t: WidgetStrings
  private readonly el: Record<'root' | 'bubble' | 'panel' | 'state' | 'body' | 'empty' | 'log' | 'draft' | 'typing' | 'input' | 'alert', HTMLElement>
  private typingTimer: ReturnType<typeof setTimeout> | null = null
  /** The contact's message the bot is composing a reply to, and the draft of that reply streamed so far. */
  private composing: { replyTo: string; draft: string } | null = null
  /** Messages whose reply arrived: a late "composing" for them is old news. */
  private readonly answered = new Set<string>()
  private readonly online = () => this.stream?.reconnectNow()
  private readonly otherTab = (event: StorageEvent) => {
    if (event.key === this.transcript.storageKey && this.transcript.adoptSaved()) {
      this.el.log.replaceChildren(...this.transcript.lines.map((line) => this.render(line)))
      this.el.empty.hidden = this.transcript.lines.length > 0
      this.scrollToEnd()
    }
  }

  private readonly options: WidgetOptions

  constructor(host: HTMLElement, options: WidgetOptions) {
    this.options = options
    this.t = options.strings
    this.transcript = new Transcript(options.storage, options.api.widgetKey)
    this.shadow = host.attachShadow({ mode: 'open' })
    this.shadow.innerHTML = widgetMarkup(this.t)
    const find = (selector: string) => this.shadow.querySelector(selector) as HTMLElement
    this.el = {
      root: find('.root'), bubble: find('.bubble'), panel: find('.panel'), state: find('.state'), body: find('.body'),
      empty: find('.empty'), log: find('.log'), draft: find('.draft'), typing: find('.typing'), input: find('textarea'),
      alert: find('.alert'),
    }
    this.transcript.lines.forEach((line) => this.el.log.append(this.render(line)))
    this.el.empty.hidden = this.transcript.lines.length > 0
    applyBranding(this.shadow, options.branding ?? {}, this.t, options.title)
    this.wire()
    if (options.preview) {
      this.el.root.classList.add('preview', 'open')
      // a picture of the open chat, not a dialog of the page it is shown on
      this.el.panel.removeAttribute('role')
      this.el.panel.removeAttribute('aria-labelledby')
      options.preview.forEach((line) => this.append(line))
      this.el.empty.hidden = false // the greeting, as a visitor sees it first
      this.stream = null
      return
    }
    if (options.fullPage) {
      this.el.root.classList.add('page')
      this.open()
    }
    this.stream = new ReplyStream(options.api, this.transcript.sessionId, this.transcript.lastReplyId,
      (reply) => this.received(reply), (state) => this.streamState(state))
    this.stream.onHint = (hint) => this.hinted(hint)
    this.stream.start()
    window.addEventListener('online', this.online)
    window.addEventListener('storage', this.otherTab)
  }

  get isOpen(): boolean {
    return this.el.root.classList.contains('open')
  }

  open(): void {
    this.el.root.classList.add('open')
    this.el.bubble.setAttribute('aria-expanded', 'true')
    this.shadow.querySelector('.dot')?.remove()
    this.el.bubble.setAttribute('aria-label', this.t.open)
    this.scrollToEnd()
    this.el.input.focus()
  }

  close(): void {
    if (this.options.fullPage) {
      return // the hosted page is the chat
    }
    this.el.root.classList.remove('open')
    this.el.bubble.setAttribute('aria-expanded', 'false')
    this.el.bubble.focus()
  }

  destroy(): void {
    window.removeEventListener('online', this.online)
    window.removeEventListener('storage', this.otherTab)
    this.stream?.stop()
    if (this.typingTimer) {
      clearTimeout(this.typingTimer)
    }
  }

  /**
   * Sends a typed message or a button press as a new message, or again (same id, so the server stores it once)
   * after a failure.
   */
  async send(message: Outgoing, id = randomId(24)): Promise<void> {
    const line: ChatLine = {
      id, from: 'contact', text: message.text, postback: message.postback, at: new Date().toISOString(), status: 'sending',
    }
    this.show(line)
    this.el.alert.textContent = ''
    const result = await this.options.api.send(this.transcript.sessionId, id, message)
    this.show({ ...line, status: result.ok ? 'sent' : 'failed' })
    if (result.ok) {
      // "typing" shows when the bot says it composes (a hint on the stream), not merely because a message went out;
      // while a person holds the conversation, say that a person will answer
      if (result.personAnswers) this.personAnswers(result.personAnswersText, result.personAnswersFrom)
    } else {
      this.el.alert.textContent = result.detail ?? this.t.sendFailed
    }
  }

  private received(reply: Reply): void {
    const line = lineOfReply(reply, this.t.nonText)
    if (!this.transcript.put(line)) {
      return // already shown (replayed after a reconnect)
    }
    this.append(line)
    const replyTo = typeof reply.payload.replyTo === 'string' ? reply.payload.replyTo : null
    if (replyTo) this.answered.add(replyTo)
    this.stopComposing()
    if (reply.payload.handoff === true) { // the bot's flow handed the chat to a person: in the bot's words, or from when
      const from = reply.payload.personAnswersFrom as Opening | undefined
      this.personAnswers(typeof reply.payload.personAnswersText === 'string' ? reply.payload.personAnswersText : undefined,
        typeof from?.day === 'string' && typeof from.time === 'string' ? from : undefined)
    }
    if (!this.isOpen && !this.shadow.querySelector('.dot')) {
      this.el.bubble.insertAdjacentHTML('beforeend', '<span class="dot"></span>')
      this.el.bubble.setAttribute('aria-label', `${this.t.open} (${this.t.unread})`)
    }
  }

  /**
   * The bot composes a reply (typing, with the draft as it is written) or stopped without one. The draft is shown
   * beside the log, hidden from assistive technology: the finished reply is announced once, as a message.
   */
  private hinted(hint: LiveHint): void {
    if (this.answered.has(hint.replyTo)) {
      return // its reply is here already
    }
    if (hint.kind === 'composing' && !hint.active) {
      if (this.composing?.replyTo === hint.replyTo) this.stopComposing()
      return
    }
    const draft = this.composing?.replyTo === hint.replyTo ? this.composing.draft : ''
    this.composing = { replyTo: hint.replyTo, draft: hint.kind === 'delta' ? withDelta(draft, hint.offset, hint.text) : draft }
    this.el.draft.textContent = this.composing.draft
    this.el.draft.hidden = this.composing.draft === ''
    this.typing(true)
  }

  private stopComposing(): void {
    this.composing = null
    this.el.draft.textContent = ''
    this.el.draft.hidden = true
    this.typing(false)
  }

  private show(line: ChatLine): void {
    this.transcript.put(line)
    const existing = this.shadow.getElementById(`m-${line.id}`)
    if (existing) {
      existing.replaceWith(this.render(line))
    } else {
      this.append(line)
    }
  }

  private append(line: ChatLine): void {
    this.el.empty.hidden = true
    this.el.log.append(this.render(line))
    this.scrollToEnd()
  }

  /** The contact answers a reply with one of its buttons: the label is what they said, the postback what it means. */
  private press(replyId: string, button: ChatButton, chosen = button.label): void {
    const answered = this.transcript.choose(replyId, chosen)
    if (answered) {
      this.shadow.getElementById(`m-${replyId}`)?.replaceWith(this.render(answered))
    }
    this.el.input.focus() // the pressed button is gone (disabled): keep keyboard users in the conversation
    void this.send({ text: button.label, postback: button.postback })
  }

  private render(line: ChatLine): HTMLElement {
    const item = document.createElement('li')
    item.id = `m-${line.id}`
    item.className = `line ${line.from} ${line.status ?? ''}`.trim()
    if (line.cards?.length) {
      item.classList.add('with-cards')
      item.append(this.renderCards(line))
      return item
    }
    if (line.image) {
      const image = document.createElement('img')
      image.className = 'image'
      image.src = line.image.url
      image.alt = line.image.alt ?? this.t.image
      item.append(image)
    }
    if (line.title) {
      const title = document.createElement('strong')
      title.className = 'title'
      title.textContent = line.title
      item.append(title)
    }
    // Text nodes and <a> elements, never HTML: replies and the contact's text are shown as they are.
    appendLinkedText(item, line.text)
    if (line.buttons?.length) {
      item.append(this.renderButtons(line.id, line.buttons, line.chosen))
    }
    if (line.link) {
      item.append(link(line.link.url, line.link.label, 'link-button'))
    }
    if (line.status === 'failed') {
      const failure = document.createElement('span')
      failure.className = 'failure'
      failure.textContent = this.t.notSent
      const retry = document.createElement('button')
      retry.type = 'button'
      retry.textContent = this.t.retry
      retry.addEventListener('click', () => void this.send({ text: line.text, postback: line.postback }, line.id))
      failure.append(retry)
      item.append(failure)
    }
    return item
  }

  /** A carousel: its cards in a row that scrolls sideways (a list, so screen readers say how many there are). */
  private renderCards(line: ChatLine): HTMLElement {
    const row = document.createElement('ul')
    row.className = 'cards'
    row.setAttribute('aria-label', this.t.cards)
    for (const card of line.cards ?? []) {
      const item = document.createElement('li')
      item.className = 'card'
      if (card.image) {
        const image = document.createElement('img')
        image.className = 'image'
        image.src = card.image.url
        image.alt = card.image.alt ?? this.t.image
        item.append(image)
      }
      const title = document.createElement('strong')
      title.className = 'title'
      title.textContent = card.title
      item.append(title)
      appendLinkedText(item, card.text)
      if (card.buttons.length) {
        // labels repeat from card to card, so the pressed one is remembered by its postback data
        item.append(this.renderButtons(line.id, card.buttons, line.chosen, (button) => button.postback))
      }
      row.append(item)
    }
    return row
  }

  private renderButtons(replyId: string, buttons: ChatButton[], chosen: string | undefined,
                        keyOf: (button: ChatButton) => string = (button) => button.label): HTMLElement {
    const group = document.createElement('div')
    group.className = 'choices'
    group.setAttribute('role', 'group')
    group.setAttribute('aria-label', this.t.choices)
    for (const choice of buttons) {
      const button = document.createElement('button')
      button.type = 'button'
      button.textContent = choice.label
      if (choice.description) {
        // a list option's description under its label (text, never HTML)
        const description = document.createElement('span')
        description.className = 'description'
        description.textContent = choice.description
        button.append(description)
      }
      button.disabled = chosen !== undefined
      if (chosen === keyOf(choice)) {
        button.setAttribute('aria-pressed', 'true')
      }
      button.addEventListener('click', () => this.press(replyId, choice, keyOf(choice)))
      group.append(button)
    }
    return group
  }

  /**
   * The status line says a person will answer (no typing indicator: nobody is composing yet), in the bot's words if
   * set; outside the channel's business hours, from when (the weekday in the widget's language, the hours' local time).
   */
  private personAnswers(text?: string, from?: Opening): void {
    this.typing(false)
    const day = from && this.t.weekdays[from.day as keyof WidgetStrings['weekdays']]
    this.el.typing.textContent = from && day ? this.t.awayUntil.replace('{when}', `${day} ${from.time}`)
      : text || this.t.personWillAnswer
    this.scrollToEnd()
  }

  private typing(on: boolean): void {
    if (this.typingTimer) {
      clearTimeout(this.typingTimer)
      this.typingTimer = null
    }
    this.el.typing.textContent = on ? this.t.typing : ''
    if (on) {
      this.typingTimer = setTimeout(() => this.stopComposing(), TYPING_TIMEOUT_MS)
      this.scrollToEnd()
    }
  }

  private streamState(state: StreamState): void {
    this.el.state.textContent = state === 'retrying' ? this.t.reconnecting : ''
  }

  private scrollToEnd(): void {
    this.el.body.scrollTop = this.el.body.scrollHeight
  }

  private wire(): void {
    this.el.bubble.addEventListener('click', () => (this.isOpen ? this.close() : this.open()))
    this.shadow.querySelector('.close')!.addEventListener('click', () => this.close())
    this.el.panel.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape') {
        this.close()
      }
    })
    const input = this.el.input as HTMLTextAreaElement
    const submit = () => {
      const text = input.value.trim()
      if (text) {
        input.value = ''
        void this.send({ text })
      }
      input.focus()
    }
    this.shadow.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault()
      submit()
    })
    // Enter sends, Shift+Enter starts a new line (and Enter while an input method composes Chinese does neither).
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault()
        submit()
      }
    })
  }
}
