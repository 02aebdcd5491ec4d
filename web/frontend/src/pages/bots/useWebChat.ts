import { useCallback, useEffect, useState } from 'react'
import { ApiProblem, type ProblemBody } from '../../api/problem'
import { isWebUrl } from '../../links/linkify'
import { listenForHints, withDelta, type LiveHint } from '../../widget/liveReply'

/** A reply's button: pressing it sends the label as text with the postback data, as a LINE postback. */
export interface ChatButton {
  label: string
  postback: string
  /** A list option's description, shown under its label. */
  description?: string
}

/** One card of a carousel reply. */
export interface ChatCard {
  title: string
  text: string
  image?: { url: string; alt?: string }
  buttons: ChatButton[]
}

export interface ChatLine {
  id: string
  from: 'contact' | 'bot'
  text: string
  /** A buttons reply's buttons, and the label of the one pressed (then all are disabled). */
  buttons?: ChatButton[]
  chosen?: string
  /** An image reply (or a card's image): its URL and the payload's alt text, if it has one. */
  image?: { url: string; alt?: string }
  /** A card's title. */
  title?: string
  /** A card's or link step's button that opens a page (http or https only). */
  link?: { label: string; url: string }
  /** A carousel's cards (then `chosen` is the pressed button's postback data: labels repeat between cards). */
  cards?: ChatCard[]
  /** A sent message not yet accepted by the server. */
  pending?: boolean
}

interface StreamedButton { label?: string; postback?: string; description?: string }

interface StreamedMessage {
  id: string
  text?: string | null
  type?: string
  /**
   * The flow step's JSON (docs/outbound.md): {buttons: [{label, postback}]}, {url, previewUrl, alt?}, a card's
   * {title, imageUrl?, buttons, link?}, a list's {options: [{label, description?, postback}]}, a link's {label, url}
   * or a carousel's {cards: [{title, text, imageUrl?, buttons}]}.
   */
  payload?: {
    cards?: { title?: string; text?: string; imageUrl?: string; buttons?: StreamedButton[] }[]
    buttons?: StreamedButton[]
    options?: StreamedButton[]
    url?: string; alt?: string; title?: string; imageUrl?: string; label?: string
    link?: { label?: string; url?: string }
    /** The contact's message (inbound event id) this reply answers. */
    replyTo?: string
  }
  createdAt?: string
}

/** What the bot is doing, from the stream's hints: composing a reply to `replyTo`, with its draft so far. */
export interface Composing {
  replyTo: string
  draft: string
}

/** How long "composing" may show without a reply or another hint (as the widget). */
const COMPOSING_TIMEOUT_MS = 60_000

function buttonsOf(buttons: StreamedButton[] | undefined): ChatButton[] {
  return (buttons ?? [])
    .filter((b): b is ChatButton => typeof b.label === 'string' && typeof b.postback === 'string')
    .map((b): ChatButton => typeof b.description === 'string' && b.description.trim()
      ? { label: b.label, postback: b.postback, description: b.description } : { label: b.label, postback: b.postback })
}

function cardsOf(cards: NonNullable<StreamedMessage['payload']>['cards']): ChatCard[] {
  return (cards ?? []).flatMap((card) => typeof card.title === 'string' && typeof card.text === 'string'
    ? [{ title: card.title, text: card.text, buttons: buttonsOf(card.buttons),
        // flows allow only https images; a javascript: or data: URL is not shown
        ...(card.imageUrl && isWebUrl(card.imageUrl) ? { image: { url: card.imageUrl } } : {}) }]
    : [])
}

function lineOf(message: StreamedMessage): ChatLine {
  const payload = message.payload
  const cards = message.type === 'carousel' ? cardsOf(payload?.cards) : []
  if (cards.length > 0) {
    return { id: message.id, from: 'bot', text: message.text ?? '', cards }
  }
  const buttons = buttonsOf(message.type === 'buttons' || message.type === 'card' ? payload?.buttons
    : message.type === 'list' ? payload?.options : undefined)
  const url = message.type === 'image' ? payload?.url : message.type === 'card' ? payload?.imageUrl : undefined
  const link = message.type === 'link' ? { label: payload?.label, url: payload?.url }
    : message.type === 'card' ? payload?.link : undefined
  return {
    id: message.id, from: 'bot', text: message.text ?? '',
    buttons: buttons.length > 0 ? buttons : undefined,
    // flows allow only https images; a javascript: or data: URL is not shown
    image: url && isWebUrl(url) ? { url, alt: payload?.alt } : undefined,
    title: message.type === 'card' && payload?.title ? payload.title : undefined,
    link: link?.label && link.url && isWebUrl(link.url) ? { label: link.label, url: link.url } : undefined,
  }
}

/** A random id of [A-Za-z0-9_-], as the web chat wants for session and client message ids. */
export function randomId(length = 24): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'
  const bytes = crypto.getRandomValues(new Uint8Array(length))
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')
}

/**
 * Talks to a web chat channel exactly as the embedded widget does (docs/ingress.md "Web chat"): messages go to
 * POST /chat/{widgetKey}/messages, the bot's replies arrive on the session's event stream. The EventSource
 * reconnects by itself and sends Last-Event-ID, so no reply is lost across a dropped connection.
 */
export function useWebChat(widgetKey: string | undefined, sessionId: string) {
  const [lines, setLines] = useState<ChatLine[]>([])
  const [connected, setConnected] = useState(false)
  const [error, setError] = useState<ApiProblem | null>(null)
  const [composing, setComposing] = useState<Composing | null>(null)

  useEffect(() => {
    setLines([])
    setComposing(null)
    if (!widgetKey) return
    const answered = new Set<string>()
    let timer: ReturnType<typeof setTimeout> | undefined
    const stop = () => {
      clearTimeout(timer)
      setComposing(null)
    }
    const hinted = (hint: LiveHint) => {
      if (answered.has(hint.replyTo)) return // its reply is here already
      clearTimeout(timer)
      if (hint.kind === 'composing' && !hint.active) {
        setComposing((current) => (current?.replyTo === hint.replyTo ? null : current))
        return
      }
      timer = setTimeout(stop, COMPOSING_TIMEOUT_MS)
      setComposing((current) => {
        const draft = current?.replyTo === hint.replyTo ? current.draft : ''
        return { replyTo: hint.replyTo, draft: hint.kind === 'delta' ? withDelta(draft, hint.offset, hint.text) : draft }
      })
    }
    const source = new EventSource(`/chat/${encodeURIComponent(widgetKey)}/sessions/${encodeURIComponent(sessionId)}/stream`)
    source.onopen = () => setConnected(true)
    source.onerror = () => setConnected(false)
    source.onmessage = (event: MessageEvent<string>) => {
      const message = JSON.parse(event.data) as StreamedMessage
      setConnected(true)
      const replyTo = message.payload && 'replyTo' in message.payload ? message.payload.replyTo : undefined
      if (typeof replyTo === 'string') answered.add(replyTo)
      stop() // a reply ends the composing it answers
      setLines((current) => current.some((line) => line.id === message.id) ? current
        : [...current, lineOf(message)])
    }
    listenForHints(source, hinted)
    return () => {
      clearTimeout(timer)
      source.close()
    }
  }, [widgetKey, sessionId])

  /** Sends typed text, or a button's label with its postback data (the web chat stores that as a POSTBACK). */
  const send = useCallback(async (text: string, postback?: string) => {
    if (!widgetKey) return
    const clientMessageId = randomId()
    setError(null)
    setLines((current) => [...current, { id: clientMessageId, from: 'contact', text, pending: true }])
    let response: Response
    try {
      response = await fetch(`/chat/${encodeURIComponent(widgetKey)}/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ sessionId, clientMessageId, text, postback }),
      })
    } catch (e) {
      setError(ApiProblem.network(e))
      setLines((current) => current.filter((line) => line.id !== clientMessageId))
      return
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => undefined)) as ProblemBody | undefined
      setError(new ApiProblem(response.status, body))
      setLines((current) => current.filter((line) => line.id !== clientMessageId))
      return
    }
    setLines((current) => current.map((line) => (line.id === clientMessageId ? { ...line, pending: false } : line)))
  }, [widgetKey, sessionId])

  /**
   * Answers a buttons reply: its buttons are disabled from now on, one answer per question. `chosen` marks the pressed
   * one (a carousel's: its postback data).
   */
  const press = useCallback((replyId: string, button: ChatButton, chosen: string = button.label) => {
    setLines((current) => current.map((line) => (line.id === replyId ? { ...line, chosen } : line)))
    void send(button.label, button.postback)
  }, [send])

  return { lines, connected, error, composing, send, press }
}
