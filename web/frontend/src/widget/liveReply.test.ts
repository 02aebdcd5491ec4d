import { describe, expect, it } from 'vitest'
import { hintOf, withDelta } from './liveReply'

describe('live hints on the web chat stream', () => {
  it('reads composing and delta events and ignores what they are not', () => {
    expect(hintOf('composing', '{"replyTo":"e1","active":true}')).toEqual({ kind: 'composing', replyTo: 'e1', active: true })
    expect(hintOf('delta', '{"replyTo":"e1","offset":3,"text":"lo"}')).toEqual({ kind: 'delta', replyTo: 'e1', offset: 3, text: 'lo' })
    expect(hintOf('delta', '{"replyTo":"e1","offset":"3","text":"lo"}')).toBeNull()
    expect(hintOf('composing', 'not json')).toBeNull()
    expect(hintOf('typing', '{"replyTo":"e1","active":true}')).toBeNull()
  })

  it('puts a piece at its offset: appended at the end, over again at 0, ignored when repeated or after a gap', () => {
    expect(withDelta('Hel', 3, 'lo')).toBe('Hello')
    expect(withDelta('Hello', 0, 'Hi')).toBe('Hi')
    expect(withDelta('Hello', 3, 'lo')).toBe('Hello')
    expect(withDelta('Hel', 9, 'world')).toBe('Hel')
  })
})
