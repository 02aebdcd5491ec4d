import { beforeEach, describe, expect, it } from 'vitest'
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route } from '../../test/fakeApi'
import { FakeEventSource, fakeEventSource } from '../../test/fakeEventSource'
import { renderApp } from '../../test/render'
import { meRoute, signIn } from '../../test/signedIn'
import { sampleBot } from './sampleBot'

const testChat = { channelId: 'c9', widgetKey: 'pwk_abc', sessionId: 'test_0123456789abcdef' }

describe('test chat', () => {
  beforeEach(() => sessionStorage.clear())

  it("sends the message as the widget does and shows the bot's streamed reply", async () => {
    signIn()
    fakeEventSource()
    const api = fakeApi(meRoute, route('GET', '/api/v1/bots/b1', 200, sampleBot()),
      route('POST', '/api/v1/bots/b1/test-chat', 200, testChat),
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
    expect(sent).toMatchObject({ sessionId: 'test_0123456789abcdef', text: 'What are your hours?' })
    const stream = FakeEventSource.latest()
    expect(stream.url).toBe('/chat/pwk_abc/sessions/test_0123456789abcdef/stream')

    act(() => stream.message({ id: 'm1', text: 'We are open 10:00-18:00.', type: 'text', payload: {}, createdAt: '2026-11-21T10:00:05Z' }, 'm1'))
    act(() => stream.message({ id: 'm2', text: 'Anything else?', type: 'buttons', createdAt: '2026-11-21T10:00:06Z',
      payload: { buttons: [{ label: 'Menu', postback: 'menu' }], style: 'quick_replies' } }, 'm2'))
    // a reconnecting stream replays what came after its Last-Event-ID; a reply seen twice shows once
    act(() => stream.message({ id: 'm2', text: 'Anything else?', type: 'buttons', payload: { buttons: [{ label: 'Menu', postback: 'menu' }] } }, 'm2'))

    const log = screen.getByRole('log', { name: 'Test messages' })
    const lines = within(log).getAllByRole('listitem')
    expect(lines.map((li) => li.textContent)).toEqual(['You: What are your hours?', 'Bot: We are open 10:00-18:00.', 'Bot: Anything else?Menu'])
  })

  it('says why when the test chat cannot be opened', async () => {
    signIn()
    fakeEventSource()
    fakeApi(meRoute, route('GET', '/api/v1/bots/b1', 200, sampleBot()),
      route('POST', '/api/v1/bots/b1/test-chat', 403, { type: 'https://parley.dev/problems/forbidden', title: 'Forbidden', status: 403,
        detail: 'Viewers cannot open a test chat; ask an admin for the agent role.' }))
    renderApp('/bots/b1')

    await userEvent.click(await screen.findByRole('button', { name: 'Test chat' }))

    const panel = screen.getByRole('region', { name: 'Test chat' })
    expect(await within(panel).findByRole('alert')).toHaveTextContent('Viewers cannot open a test chat; ask an admin for the agent role.')
    expect(FakeEventSource.instances).toHaveLength(0)
  })
})
