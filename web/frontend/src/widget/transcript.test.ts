import { beforeEach, describe, expect, it } from 'vitest'
import { Transcript } from './transcript'

describe('the widget transcript', () => {
  beforeEach(() => localStorage.clear())

  it('keeps one session per widget key across page loads', () => {
    const first = new Transcript(localStorage, 'wk_shop')
    const reloaded = new Transcript(localStorage, 'wk_shop')
    const otherWidget = new Transcript(localStorage, 'wk_other')

    expect(first.sessionId).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(reloaded.sessionId).toBe(first.sessionId)
    expect(otherWidget.sessionId).not.toBe(first.sessionId)
  })

  it('remembers what was said and the last reply, and ignores a reply it already has', () => {
    const transcript = new Transcript(localStorage, 'wk_shop')
    transcript.put({ id: 'c1', from: 'contact', text: 'Hi', at: '2026-11-22T00:00:00Z', status: 'sent' })
    transcript.put({ id: 'r1', from: 'bot', text: 'Hello!', at: '2026-11-22T00:00:01Z' })

    expect(transcript.put({ id: 'r1', from: 'bot', text: 'Hello!', at: '2026-11-22T00:00:01Z' })).toBe(false)
    const reloaded = new Transcript(localStorage, 'wk_shop')
    expect(reloaded.lines.map((l) => l.text)).toEqual(['Hi', 'Hello!'])
    expect(reloaded.lastReplyId).toBe('r1')
  })

  it('offers to send again a message that was still sending when the page went away', () => {
    new Transcript(localStorage, 'wk_shop').put({ id: 'c1', from: 'contact', text: 'Hi', at: '', status: 'sending' })

    expect(new Transcript(localStorage, 'wk_shop').lines[0].status).toBe('failed')
  })

  it('starts afresh when the saved entry is corrupt, and works without storage at all', () => {
    localStorage.setItem('parley.widget.wk_shop', '{not json')

    expect(new Transcript(localStorage, 'wk_shop').lines).toEqual([])
    expect(new Transcript(null, 'wk_shop').sessionId).toHaveLength(32)
  })
})
