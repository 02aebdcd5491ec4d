import { describe, expect, it } from 'vitest'
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route } from '../../test/fakeApi'
import { FakeEventSource } from '../../test/fakeEventSource'
import { renderApp } from '../../test/render'
import { meRoute, signIn } from '../../test/signedIn'
import { sampleBot } from './sampleBot'

const webChannel = { id: 'c1', botId: 'b1', type: 'web', name: 'Site', webhookUrl: '', credentials: {}, widgetKey: 'pwk_abc',
  embedSnippet: '<script src="/widget.js" data-parley-widget="pwk_abc" async></script>', health: 'healthy',
  createdAt: '2026-11-21T10:00:00Z', updatedAt: '2026-11-21T10:00:00Z' }

describe('test chat', () => {
  it("sends the message as the widget does and shows the bot's streamed reply", async () => {
    signIn()
    FakeEventSource.install()
    const api = fakeApi(meRoute, route('GET', '/api/v1/bots/b1', 200, sampleBot()),
      route('GET', /^\/api\/v1\/bots\/b1\/channels/, 200, { items: [webChannel], nextCursor: null }),
      route('POST', '/chat/pwk_abc/messages', 202, { eventId: 'e1' }))
    renderApp('/bots/b1')

    await userEvent.click(await screen.findByRole('button', { name: 'Test chat' }))
    await userEvent.type(await screen.findByLabelText('Message'), 'What are your hours?')
    await userEvent.click(screen.getByRole('button', { name: 'Send' }))

    const sent = await waitFor(() => {
      const request = api.requests.find((r) => r.path === '/chat/pwk_abc/messages')
      expect(request).toBeDefined()
      return request!.body as { sessionId: string; clientMessageId: string; text: string }
    })
    expect(sent.text).toBe('What are your hours?')
    const stream = FakeEventSource.opened.at(-1)!
    expect(stream.url).toBe(`/chat/pwk_abc/sessions/${sent.sessionId}/stream`)

    act(() => stream.emit({ id: 'm1', text: 'We are open 10:00-18:00.', type: 'text', createdAt: '2026-11-21T10:00:05Z' }, 'm1'))

    const log = screen.getByRole('log', { name: 'Test messages' })
    const lines = within(log).getAllByRole('listitem')
    expect(lines.map((li) => li.textContent)).toEqual(['You: What are your hours?', 'Bot: We are open 10:00-18:00.'])
  })

  it('offers to add a web chat channel when the bot has none', async () => {
    signIn()
    FakeEventSource.install()
    const api = fakeApi(meRoute, route('GET', '/api/v1/bots/b1', 200, sampleBot()),
      route('GET', /^\/api\/v1\/bots\/b1\/channels/, 200, { items: [], nextCursor: null }),
      route('POST', '/api/v1/bots/b1/channels', 201, webChannel))
    renderApp('/bots/b1')

    await userEvent.click(await screen.findByRole('button', { name: 'Test chat' }))
    await userEvent.click(await screen.findByRole('button', { name: 'Add a web chat channel' }))

    await waitFor(() => expect(api.requests.find((r) => r.method === 'POST')?.body).toMatchObject({ type: 'web', credentials: {} }))
  })
})
