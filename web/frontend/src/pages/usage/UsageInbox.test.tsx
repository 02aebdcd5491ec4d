import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import { sessionStore } from '../../api/session'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { fakeEventSource } from '../../test/fakeEventSource'
import { conversation, message, workspace } from '../../test/inboxFixtures'
import { renderApp } from '../../test/render'

const list = (...items: object[]) => ({ items, nextCursor: null })

describe('LLM usage in the inbox', () => {
  it('shows each bot message\'s call and the conversation\'s totals, with "no price" for an unpriced model', async () => {
    sessionStore.write(tokens())
    fakeEventSource()
    fakeApi(...workspace(),
      route('GET', '/api/v1/conversations/c1', 200, conversation()),
      route('POST', '/api/v1/conversations/c1/read', 200, conversation()),
      route('GET', '/api/v1/conversations/c1/usage', 200,
        { calls: 2, promptTokens: 430, completionTokens: 85, costMicros: 111, unpricedCalls: 1, models: ['gpt-4o-mini', 'mystery'] }),
      route('GET', /^\/api\/v1\/conversations\/c1\/messages/, 200, list(
        message('m3', 'Hello again', { direction: 'outbound', sender: 'bot', status: 'sent',
          usage: { model: 'mystery', promptTokens: 10, completionTokens: 5, latencyMs: 300, costMicros: null, unpriced: true } }),
        message('m2', 'Hi!', { direction: 'outbound', sender: 'bot', status: 'sent',
          usage: { model: 'gpt-4o-mini', promptTokens: 420, completionTokens: 80, latencyMs: 1200, costMicros: 111, unpriced: false } }),
        message('m1', 'hello'),
      )),
      route('GET', /^\/api\/v1\/conversations(\?|$)/, 200, list(conversation())))
    renderApp('/inbox/c1')

    const log = await screen.findByRole('log', { name: 'Messages' })
    await waitFor(() => expect(within(log).getAllByRole('listitem')).toHaveLength(3))
    const [, priced, unpriced] = within(log).getAllByRole('listitem')
    expect(priced).toHaveTextContent('gpt-4o-mini · 420 → 80 tokens · 1.2 s · $0.000111')
    expect(unpriced).toHaveTextContent(/mystery · 10 → 5 tokens · 0.3 s · no price/)
    expect(unpriced).not.toHaveTextContent('$0')
    expect(await screen.findByLabelText('LLM usage')).toHaveTextContent(
      'LLM: 2 calls · 430 → 85 tokens · $0.000111 · 1 call(s) without a price')
  })
})
