import { useCallback, useEffect, useState } from 'react'
import { ApiProblem, type ProblemBody } from '../../api/problem'

export interface ChatLine {
  id: string
  from: 'contact' | 'bot'
  text: string
  /** Button labels of a buttons reply (the web chat API takes no postbacks, so they are shown, not pressed). */
  buttons?: string[]
  /** An image reply's URL. */
  imageUrl?: string
  /** A sent message not yet accepted by the server. */
  pending?: boolean
}

interface StreamedMessage {
  id: string
  text?: string | null
  type?: string
  /** The flow step's JSON (docs/outbound.md): {buttons: [{label, postback}]} or {url, previewUrl}. */
  payload?: { buttons?: { label?: string }[]; url?: string }
  createdAt?: string
}

function lineOf(message: StreamedMessage): ChatLine {
  return {
    id: message.id, from: 'bot', text: message.text ?? '',
    buttons: message.payload?.buttons?.map((b) => b.label ?? ''),
    imageUrl: message.type === 'image' ? message.payload?.url : undefined,
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

  useEffect(() => {
    setLines([])
    if (!widgetKey) return
    const source = new EventSource(`/chat/${encodeURIComponent(widgetKey)}/sessions/${encodeURIComponent(sessionId)}/stream`)
    source.onopen = () => setConnected(true)
    source.onerror = () => setConnected(false)
    source.onmessage = (event: MessageEvent<string>) => {
      const message = JSON.parse(event.data) as StreamedMessage
      setConnected(true)
      setLines((current) => current.some((line) => line.id === message.id) ? current
        : [...current, lineOf(message)])
    }
    return () => source.close()
  }, [widgetKey, sessionId])

  const send = useCallback(async (text: string) => {
    if (!widgetKey) return
    const clientMessageId = randomId()
    setError(null)
    setLines((current) => [...current, { id: clientMessageId, from: 'contact', text, pending: true }])
    let response: Response
    try {
      response = await fetch(`/chat/${encodeURIComponent(widgetKey)}/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ sessionId, clientMessageId, text }),
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

  return { lines, connected, error, send }
}
