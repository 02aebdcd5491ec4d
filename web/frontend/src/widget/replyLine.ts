import type { Reply } from './chatApi'
import type { ChatButton, ChatLine } from './transcript'

/**
 * A streamed reply as a line of the chat. The payload is the flow step's JSON (docs/outbound.md): buttons
 * `{buttons: [{label, postback}], style}`, images `{url, previewUrl, alt?}`. It is read defensively: a reply this
 * widget cannot show still becomes a line, with the given placeholder text.
 */
export function lineOfReply(reply: Reply, placeholder: string): ChatLine {
  const line: ChatLine = { id: reply.id, from: 'bot', text: reply.text ?? '', at: reply.createdAt }
  const image = reply.type === 'image' ? imageOf(reply.payload) : null
  if (image) {
    return { ...line, image }
  }
  const buttons = reply.type === 'buttons' ? buttonsOf(reply.payload) : []
  if (buttons.length > 0) {
    line.buttons = buttons
  }
  return line.text ? line : { ...line, text: placeholder }
}

function imageOf(payload: Record<string, unknown> | null | undefined): ChatLine['image'] | null {
  const url = payload?.url
  // Flows only allow https images; anything else (a javascript: or data: URL) is not shown.
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) {
    return null
  }
  const alt = typeof payload?.alt === 'string' && payload.alt.trim() ? payload.alt : null
  return { url, alt }
}

function buttonsOf(payload: Record<string, unknown> | null | undefined): ChatButton[] {
  const buttons = payload?.buttons
  if (!Array.isArray(buttons)) {
    return []
  }
  return buttons.flatMap((b: unknown) => {
    const { label, postback } = (b ?? {}) as { label?: unknown; postback?: unknown }
    return typeof label === 'string' && label && typeof postback === 'string' && postback ? [{ label, postback }] : []
  })
}
