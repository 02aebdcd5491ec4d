import { beforeEach, describe, expect, it } from 'vitest'
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route } from '../../test/fakeApi'
import { FakeEventSource, fakeEventSource } from '../../test/fakeEventSource'
import { renderApp } from '../../test/render'
import { meRoute, signIn } from '../../test/signedIn'
import { sampleBot } from './sampleBot'

const testChat = { channelId: 'c9', widgetKey: 'pwk_abc', sessionId: 'test_0123456789abcdef' }

/** Signs in, opens bot b1's test chat (the web chat accepts every message) and waits for its log. */
async function openTestChat() {
  signIn()
  fakeEventSource()
  const api = fakeApi(meRoute, route('GET', '/api/v1/bots/b1', 200, sampleBot()),
    route('POST', '/api/v1/bots/b1/test-chat', 200, testChat),
    route('POST', '/chat/pwk_abc/messages', 202, { eventId: 'e1' }))
  renderApp('/bots/b1')
  await userEvent.click(await screen.findByRole('button', { name: 'Test chat' }))
  await screen.findByRole('log', { name: 'Test messages' })
  return api
}

/** The message the test chat posted to the web chat API. */
async function sentMessage(api: Awaited<ReturnType<typeof openTestChat>>) {
  return waitFor(() => {
    const request = api.requests.find((r) => r.path === '/chat/pwk_abc/messages')
    expect(request).toBeDefined()
    return request!.body as { sessionId: string; clientMessageId: string; text: string; postback?: string }
  })
}

describe('test chat', () => {
  beforeEach(() => sessionStorage.clear())

  it("sends the message as the widget does and shows the bot's streamed reply", async () => {
    const api = await openTestChat()

    await userEvent.type(await screen.findByLabelText('Message'), 'What are your hours?')
    await userEvent.click(screen.getByRole('button', { name: 'Send' }))

    expect(await sentMessage(api)).toMatchObject({ sessionId: 'test_0123456789abcdef', text: 'What are your hours?' })
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

  it('says the bot is answering only while it composes, shows its draft as it is written, then the reply once', async () => {
    const api = await openTestChat()
    await userEvent.type(await screen.findByLabelText('Message'), 'Hours?')
    await userEvent.click(screen.getByRole('button', { name: 'Send' }))
    await sentMessage(api)
    const stream = FakeEventSource.latest()
    expect(screen.queryByText('The bot is answering…')).not.toBeInTheDocument()

    act(() => stream.emit('composing', { replyTo: 'e1', active: true }))
    expect(screen.getByText('The bot is answering…')).toBeInTheDocument()
    act(() => stream.emit('delta', { replyTo: 'e1', offset: 0, text: 'We open ' }))
    act(() => stream.emit('delta', { replyTo: 'e1', offset: 8, text: 'at ten' }))
    const log = screen.getByRole('log', { name: 'Test messages' })
    expect(log).toHaveTextContent('We open at ten')
    expect(within(log).getAllByRole('listitem')).toHaveLength(1) // the draft is not a message

    act(() => stream.message({ id: 'm1', text: 'We open at ten.', type: 'text', payload: { replyTo: 'e1' },
      createdAt: '2026-11-21T10:00:05Z' }, 'm1'))

    expect(screen.queryByText('The bot is answering…')).not.toBeInTheDocument()
    expect(within(log).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['You: Hours?', 'Bot: We open at ten.'])
    expect(log).not.toHaveTextContent('We open at tenWe open')
    act(() => stream.emit('composing', { replyTo: 'e2', active: true }))
    act(() => stream.emit('composing', { replyTo: 'e2', active: false })) // stopped without a reply
    expect(screen.queryByText('The bot is answering…')).not.toBeInTheDocument()
  })

  it("shows a carousel's cards in a row and presses one card's button by its postback data", async () => {
    const api = await openTestChat()
    const stream = FakeEventSource.latest()

    act(() => stream.message({ id: 'm1', text: 'Cake\nBaked today.\n\nLatte\nRoasted tea.', type: 'carousel',
      createdAt: '2026-12-07T10:00:00Z', payload: { cards: [
        { title: 'Cake', text: 'Baked today.', imageUrl: 'https://cdn.example/cake.jpg', buttons: [{ label: 'Order', postback: 'order=cake' }] },
        { title: 'Latte', text: 'Roasted tea.', buttons: [{ label: 'Order', postback: 'order=latte' }] }] } }, 'm1'))

    const cards = within(screen.getByRole('list', { name: 'Cards' })).getAllByRole('listitem')
    expect(cards.map((card) => card.querySelector('strong')?.textContent)).toEqual(['Cake', 'Latte'])
    expect(within(cards[0]).getByRole('img')).toHaveAttribute('src', 'https://cdn.example/cake.jpg')
    await userEvent.click(within(cards[1]).getByRole('button', { name: 'Order' }))

    expect(await sentMessage(api)).toMatchObject({ text: 'Order', postback: 'order=latte' })
    const after = within(screen.getByRole('list', { name: 'Cards' })).getAllByRole('listitem')
    expect(within(after[1]).getByRole('button', { name: 'Order' })).toHaveAttribute('aria-pressed', 'true')
    expect(within(after[0]).getByRole('button', { name: 'Order' })).not.toHaveAttribute('aria-pressed')
    expect(within(after[0]).getByRole('button', { name: 'Order' })).toBeDisabled()
  })

  it("presses a reply's button as a contact would: its label and postback are sent and the buttons are answered", async () => {
    const api = await openTestChat()

    act(() => FakeEventSource.latest().message({ id: 'm1', text: 'How can we help?', type: 'buttons', createdAt: '2026-11-21T10:00:06Z',
      payload: { buttons: [{ label: 'Menu', postback: 'menu' }, { label: 'Talk to staff', postback: 'staff' }], style: 'buttons' } }, 'm1'))
    const choices = screen.getByRole('group', { name: 'Choices' })
    await userEvent.click(within(choices).getByRole('button', { name: 'Talk to staff' }))

    expect(await sentMessage(api)).toMatchObject({ sessionId: 'test_0123456789abcdef', text: 'Talk to staff', postback: 'staff' })
    const lines = within(screen.getByRole('log', { name: 'Test messages' })).getAllByRole('listitem')
    expect(lines[1]).toHaveTextContent('You: Talk to staff')
    expect(within(choices).getByRole('button', { name: 'Menu' })).toBeDisabled()
    expect(within(choices).getByRole('button', { name: 'Talk to staff', pressed: true })).toBeDisabled()
  })

  it("shows a list option's description under its label", async () => {
    const api = await openTestChat()

    act(() => FakeEventSource.latest().message({ id: 'm1', text: 'Which plan?', type: 'list', createdAt: '2026-11-21T10:00:06Z',
      payload: { button: 'Plans', options: [{ label: 'Pro', description: 'NT$300 a month', postback: 'pro' }, { label: 'Free', postback: 'free' }] } }, 'm1'))
    const choices = screen.getByRole('group', { name: 'Choices' })
    const description = within(choices).getByText('NT$300 a month')
    expect(description).toHaveClass('test-chat__option-description')
    expect(description.closest('button')).toHaveTextContent(/^Pro/)
    await userEvent.click(description)

    expect(await sentMessage(api)).toMatchObject({ text: 'Pro', postback: 'pro' })
  })

  it('shows image replies as images with their alt text, or says they are an image from the bot', async () => {
    await openTestChat()

    act(() => FakeEventSource.latest().message({ id: 'm1', text: null, type: 'image', payload: { url: 'https://cdn.example/menu.png' } }, 'm1'))
    act(() => FakeEventSource.latest().message({ id: 'm2', text: null, type: 'image', payload: { url: 'https://cdn.example/shop.png', alt: 'Our shop front' } }, 'm2'))

    const log = screen.getByRole('log', { name: 'Test messages' })
    expect(within(log).getByRole('img', { name: 'Image from the bot' })).toHaveAttribute('src', 'https://cdn.example/menu.png')
    expect(within(log).getByRole('img', { name: 'Our shop front' })).toBeInTheDocument()
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
