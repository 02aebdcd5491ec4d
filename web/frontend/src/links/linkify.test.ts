import { describe, expect, it } from 'vitest'
import { isWebUrl, splitLinks } from './linkify'

describe('splitLinks', () => {
  it('finds http and https links inside text and leaves the rest as text', () => {
    expect(splitLinks('Menu: https://example.com/menu?day=mon and http://example.org.')).toEqual([
      { text: 'Menu: ' },
      { text: 'https://example.com/menu?day=mon', href: 'https://example.com/menu?day=mon' },
      { text: ' and ' },
      { text: 'http://example.org', href: 'http://example.org' },
      { text: '.' },
    ])
  })

  it('never makes links of other schemes or of text that only looks like a link', () => {
    expect(splitLinks('javascript:alert(1) ftp://example.com www.example.com mail@example.com')).toEqual([
      { text: 'javascript:alert(1) ftp://example.com www.example.com mail@example.com' },
    ])
    expect(splitLinks('<a href="https://evil.example">x</a>').map((p) => p.href)).toEqual([
      undefined, 'https://evil.example', undefined,
    ])
  })

  it('keeps sentence punctuation and closing brackets it did not open outside the link', () => {
    expect(splitLinks('（詳見 https://example.com/a）。').filter((p) => p.href).map((p) => p.href))
      .toEqual(['https://example.com/a'])
    expect(splitLinks('(see https://en.wikipedia.org/wiki/Tea_(drink))').filter((p) => p.href).map((p) => p.href))
      .toEqual(['https://en.wikipedia.org/wiki/Tea_(drink)'])
  })

  it('returns one text piece for text without links and nothing for empty text', () => {
    expect(splitLinks('hello')).toEqual([{ text: 'hello' }])
    expect(splitLinks('')).toEqual([])
  })
})

describe('isWebUrl', () => {
  it('accepts only absolute http and https URLs with a host', () => {
    expect(isWebUrl('https://example.com')).toBe(true)
    expect(isWebUrl('javascript:alert(1)')).toBe(false)
    expect(isWebUrl('data:text/html,hi')).toBe(false)
    expect(isWebUrl('/relative')).toBe(false)
  })
})
