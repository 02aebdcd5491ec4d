/**
 * Live hints on a web chat stream (docs/web-chat.md "Typing and streaming"; worker WebChatWire.Composing and
 * Delta): named SSE events beside the replies, never stored nor replayed. `composing`: the bot started (active) or
 * stopped without a reply to the contact's message `replyTo`; `delta`: a piece of that reply while it is written.
 * Advisory only: the reply itself follows as a message, which replaces the draft.
 */
export type LiveHint =
  | { kind: 'composing'; replyTo: string; active: boolean }
  | { kind: 'delta'; replyTo: string; offset: number; text: string }

/** The hint a named event carries, or null when it is not one this client knows. */
export function hintOf(kind: string, data: string): LiveHint | null {
  let body: unknown
  try {
    body = JSON.parse(data)
  } catch {
    return null
  }
  if (typeof body !== 'object' || body === null) return null
  const fields = body as Record<string, unknown>
  if (typeof fields.replyTo !== 'string') return null
  if (kind === 'composing' && typeof fields.active === 'boolean') {
    return { kind, replyTo: fields.replyTo, active: fields.active }
  }
  if (kind === 'delta' && typeof fields.offset === 'number' && typeof fields.text === 'string') {
    return { kind, replyTo: fields.replyTo, offset: fields.offset, text: fields.text }
  }
  return null
}

/**
 * The draft with a delta put at its offset: 0 starts over (the LLM call was retried), the end appends; a piece
 * already shown (a duplicate) or after a gap (a missed piece) leaves the draft as it is — the reply fixes it.
 */
export function withDelta(draft: string, offset: number, text: string): string {
  if (offset === 0) return text
  if (offset === draft.length) return draft + text
  return draft
}

/** Listens for the hints on an EventSource. */
export function listenForHints(source: EventSource, onHint: (hint: LiveHint) => void): void {
  for (const kind of ['composing', 'delta']) {
    source.addEventListener(kind, (event) => {
      const hint = hintOf(kind, (event as MessageEvent<string>).data)
      if (hint) onHint(hint)
    })
  }
}
