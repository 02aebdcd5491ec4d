import { LINK_ATTRIBUTES, splitLinks } from '../links/linkify'

/**
 * Appends message text to an element as text nodes, with http(s) links as <a> elements that open in a new tab
 * (rel="noopener noreferrer"): never as HTML, so a message cannot inject markup into the widget.
 */
export function appendLinkedText(parent: HTMLElement, text: string): void {
  for (const piece of splitLinks(text)) {
    parent.append(piece.href ? link(piece.href, piece.text) : document.createTextNode(piece.text))
  }
}

/** A link element opening `href` (already checked to be http or https) in a new tab. */
export function link(href: string, label: string, className?: string): HTMLAnchorElement {
  const anchor = document.createElement('a')
  anchor.href = href
  anchor.textContent = label
  anchor.rel = LINK_ATTRIBUTES.rel
  anchor.target = LINK_ATTRIBUTES.target
  if (className) {
    anchor.className = className
  }
  return anchor
}
