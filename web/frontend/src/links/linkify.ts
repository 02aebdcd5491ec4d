/**
 * Splits message text into plain pieces and web links, so chats can show links as clickable elements without ever
 * treating the text as HTML (the pieces become text nodes and <a> elements, never innerHTML).
 *
 * Written here rather than taken from a library (e.g. linkify-it) on purpose: the web chat widget must stay one small,
 * dependency-free script (vite.widget.config.ts), and the rule is deliberately narrow — only absolute http:// and
 * https:// URLs become links (no bare domains, e-mail addresses or other schemes such as javascript:), with trailing
 * punctuation left outside the link.
 */
export interface TextPiece {
  text: string
  /** Set when the piece is a link: the URL to open (http or https only). */
  href?: string
}

const CANDIDATE = /https?:\/\/[^\s<>"'`]+/gi
/** Characters that end a sentence rather than a URL ("see https://example.com." → the dot is not in the link). */
const TRAILING = /[.,;:!?'"»”’)\]}>。，、！？）」』】]+$/

export function splitLinks(text: string): TextPiece[] {
  const pieces: TextPiece[] = []
  let at = 0
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index ?? 0
    if (start > 0 && /[\w/]/.test(text[start - 1])) {
      continue // inside a word or another URL (e.g. "xhttp://"), not a link of its own
    }
    const url = trimTrailing(match[0])
    if (!isWebUrl(url)) {
      continue
    }
    if (start > at) {
      pieces.push({ text: text.slice(at, start) })
    }
    pieces.push({ text: url, href: url })
    at = start + url.length
  }
  if (at < text.length) {
    pieces.push({ text: text.slice(at) })
  }
  return pieces
}

/** Whether a URL is an absolute http(s) URL with a host: what a chat may open. */
export function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== ''
  } catch {
    return false
  }
}

/** Drops sentence punctuation after a URL; a closing bracket stays when the URL opened it (Wikipedia-style links). */
function trimTrailing(url: string): string {
  let trimmed = url
  for (;;) {
    const tail = TRAILING.exec(trimmed)
    if (!tail) {
      return trimmed
    }
    const last = trimmed[trimmed.length - 1]
    const opener = ({ ')': '(', ']': '[', '}': '{' } as Record<string, string>)[last]
    if (opener && count(trimmed, opener) >= count(trimmed, last)) {
      return trimmed
    }
    trimmed = trimmed.slice(0, -1)
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1
}

/** Attributes every link opened from a chat gets: a new tab, no access to the chat's window, no referrer. */
export const LINK_ATTRIBUTES = { rel: 'noopener noreferrer', target: '_blank' } as const
