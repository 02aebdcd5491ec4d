import type { WidgetBranding } from './branding'

/** A reply as the stream sends it (worker WebChatWire.StreamMessage). */
export interface Reply {
  id: string
  text: string | null
  type: string
  payload: Record<string, unknown>
  createdAt: string
}

/** What the contact sends: typed text, or a button's label with its postback data. */
export interface Outgoing {
  text: string
  postback?: string
}

/**
 * A signed-in user of the host site (docs/web-chat.md "Identity verification"): the user id with its HMAC, or a
 * short JWT, both signed on the host site's server with the channel's identity secret.
 */
export type Identity = { userId: string; userHash: string } | { token: string }

/**
 * {@code personAnswers}: a person holds the conversation, so no bot reply is coming (no typing indicator);
 * {@code personAnswersText}: the bot's own words for it, if it has any (else the widget's, in its language);
 * {@code personAnswersFrom}: outside the channel's business hours, when people are back (the widget says so instead).
 */
export type SendResult = { ok: true } & PersonAnswers | { ok: false; detail: string | null }
export interface Opening { day: string; time: string }
interface PersonAnswers { personAnswers: boolean; personAnswersText?: string; personAnswersFrom?: Opening }

/** Waits between attempts; a parameter so that tests need not wait. */
export type Sleep = (ms: number) => Promise<void>
const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The worker's web chat API (docs/ingress.md "Web chat") on the origin the widget script came from. CORS answers
 * the channel's allowed origins (any, unless its owner listed some) without credentials, so plain fetch and
 * EventSource work from the host page.
 */
export class ChatApi {
  readonly origin: string
  readonly widgetKey: string
  /** Sent as Accept-Language, so a refusal the contact reads (e.g. too many messages) is in the widget's language. */
  readonly language: string
  private readonly wait: Sleep
  /** Sent with every message and stream: the chat speaks as this user (else it is anonymous). */
  identity: Identity | null = null

  constructor(origin: string, widgetKey: string, language = 'en', wait: Sleep = sleep) {
    this.origin = origin
    this.widgetKey = widgetKey
    this.language = language
    this.wait = wait
  }

  /**
   * Posts a message. Network errors and 5xx are retried with the same client message id, which the server
   * de-duplicates, so a retry never makes the bot answer twice. A 4xx is final; its problem detail is returned.
   */
  async send(sessionId: string, clientMessageId: string, message: Outgoing, attempts = 3): Promise<SendResult> {
    for (let attempt = 1; ; attempt++) {
      let response: Response | null = null
      try {
        response = await fetch(`${this.base}/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Accept-Language': this.language },
          body: JSON.stringify({
            sessionId, clientMessageId, text: message.text, postback: message.postback, identity: this.identity ?? undefined,
          }),
        })
      } catch {
        response = null
      }
      if (response?.ok) {
        return { ok: true, ...(await personAnswers(response)) }
      }
      if (response && response.status < 500) {
        return { ok: false, detail: await problemDetail(response) }
      }
      if (attempt >= attempts) {
        return { ok: false, detail: null }
      }
      await this.wait(1000 * attempt)
    }
  }

  /** The session's reply stream, replaying the replies after `after` (every reply when null). */
  streamUrl(sessionId: string, after: string | null): string {
    const query = new URLSearchParams({ after: after ?? NO_REPLY, ...(this.identity ?? {}) })
    return `${this.base}/sessions/${encodeURIComponent(sessionId)}/stream?${query.toString()}`
  }

  private get base(): string {
    return `${this.origin}/chat/${encodeURIComponent(this.widgetKey)}`
  }
}

/**
 * The channel's widget branding (the worker's `GET /chat/{widgetKey}/config`, one request when the widget starts).
 * The chat works without it: a failure or a wait over 3 s gives no branding (the widget's own look and the page's
 * language).
 */
export async function loadBranding(origin: string, widgetKey: string): Promise<WidgetBranding> {
  try {
    // a slow answer must not keep the chat from showing: after 3 s it starts without the branding
    const response = await fetch(`${origin}/chat/${encodeURIComponent(widgetKey)}/config`, { signal: AbortSignal.timeout(3000) })
    return response.ok ? ((await response.json()) as WidgetBranding) : {}
  } catch {
    return {}
  }
}

/** The smallest id: with it the stream replays all of a session's replies, so none sent before it opened is missed. */
const NO_REPLY = '00000000-0000-0000-0000-000000000000'

async function problemDetail(response: Response): Promise<string | null> {
  try {
    const body = (await response.json()) as { detail?: string; title?: string }
    return body.detail ?? body.title ?? null
  } catch {
    return null
  }
}

async function personAnswers(response: Response): Promise<PersonAnswers> {
  try {
    const body = (await response.json()) as { personAnswers?: boolean; personAnswersText?: string | null; personAnswersFrom?: Opening | null }
    return { personAnswers: body.personAnswers === true, personAnswersText: body.personAnswersText ?? undefined,
      personAnswersFrom: body.personAnswersFrom ?? undefined }
  } catch {
    return { personAnswers: false }
  }
}
