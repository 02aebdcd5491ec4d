import { LINK_ATTRIBUTES, splitLinks } from '../links/linkify'

/**
 * Message text with its http(s) links clickable (new tab, rel="noopener noreferrer"). The text is rendered as React
 * text and <a> elements, never as HTML, so a message cannot inject markup into the dashboard.
 */
export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {splitLinks(text).map((piece, i) => piece.href
        ? <a key={i} href={piece.href} rel={LINK_ATTRIBUTES.rel} target={LINK_ATTRIBUTES.target}>{piece.text}</a>
        : <span key={i}>{piece.text}</span>)}
    </>
  )
}
