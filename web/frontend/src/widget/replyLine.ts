import type { Reply } from './chatApi'
import { isWebUrl } from '../links/linkify'
import type { ChatButton, ChatCard, ChatLine } from './transcript'

/**
 * A streamed reply as a line of the chat. The payload is the flow step's JSON (docs/outbound.md): buttons
 * `{buttons: [{label, postback}], style}`, images `{url, previewUrl, alt?}`, cards `{title, imageUrl?, buttons,
 * link?}`, lists `{button, options: [{label, description?, postback}]}`, links `{label, url}`, carousels `{cards:
 * [{title, text, imageUrl?, buttons}]}`. It is read
 * defensively: a reply this widget cannot show still becomes a line, with the given placeholder text.
 */
export function lineOfReply(reply: Reply, placeholder: string): ChatLine {
  const line: ChatLine = { id: reply.id, from: 'bot', text: reply.text ?? '', at: reply.createdAt }
  const image = reply.type === 'image' ? imageOf(reply.payload) : null
  if (image) {
    return { ...line, image }
  }
  const payload = reply.payload
  const cards = reply.type === 'carousel' ? cardsOf(payload?.cards) : []
  if (cards.length > 0) {
    return { ...line, cards }
  }
  const buttons = reply.type === 'buttons' || reply.type === 'card' ? buttonsOf(payload?.buttons)
    : reply.type === 'list' ? buttonsOf(payload?.options) : []
  if (buttons.length > 0) {
    line.buttons = buttons
  }
  if (reply.type === 'card') {
    if (typeof payload?.title === 'string' && payload.title) {
      line.title = payload.title
    }
    const cardImage = imageOf({ url: payload?.imageUrl })
    if (cardImage) {
      line.image = cardImage
    }
  }
  const link = reply.type === 'link' ? linkOf(payload) : reply.type === 'card' ? linkOf(payload?.link) : null
  if (link) {
    line.link = link
  }
  return line.text ? line : { ...line, text: placeholder }
}

function linkOf(value: unknown): ChatLine['link'] | null {
  const { label, url } = (value ?? {}) as { label?: unknown; url?: unknown }
  return typeof label === 'string' && label && typeof url === 'string' && isWebUrl(url) ? { label, url } : null
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

function buttonsOf(buttons: unknown): ChatButton[] {
  if (!Array.isArray(buttons)) {
    return []
  }
  return buttons.flatMap((b: unknown) => {
    const { label, postback, description } = (b ?? {}) as { label?: unknown; postback?: unknown; description?: unknown }
    if (typeof label !== 'string' || !label || typeof postback !== 'string' || !postback) {
      return []
    }
    return [typeof description === 'string' && description.trim() ? { label, postback, description } : { label, postback }]
  })
}

function cardsOf(cards: unknown): ChatCard[] {
  if (!Array.isArray(cards)) {
    return []
  }
  return cards.flatMap((c: unknown) => {
    const card = (c ?? {}) as Record<string, unknown>
    if (typeof card.title !== 'string' || !card.title || typeof card.text !== 'string') {
      return []
    }
    const image = imageOf({ url: card.imageUrl })
    return [{ title: card.title, text: card.text, buttons: buttonsOf(card.buttons), ...(image ? { image } : {}) }]
  })
}
