import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route } from '../test/fakeApi'
import { ChatApi } from './chatApi'
import { ChatWidget } from './ChatWidget'
import { FakeEventSource, fakeEventSource } from '../test/fakeEventSource'
import { widgetLanguage, widgetStrings } from './strings'

const ORIGIN = 'https://chat.parley.test'
let widgets: ChatWidget[] = []

function mountWidget(language = 'en') {
  const host = document.createElement('div')
  document.body.append(host)
  const widget = new ChatWidget(host, {
    api: new ChatApi(ORIGIN, 'wk_shop', widgetLanguage(language), async () => {}),
    strings: widgetStrings(language),
    storage: localStorage,
  })
  widgets.push(widget)
  return { widget, screen: within(widget.shadow.querySelector('.root') as HTMLElement) }
}

/** The stream brings a text reply, as the worker sends it (WebChatWire.StreamMessage). */
function reply(stream: FakeEventSource, id: string, text: string, more: object = {}) {
  stream.message({ id, text, type: 'text', payload: {}, createdAt: '2026-11-22T00:00:00Z', ...more }, id)
}

/** The stream says the bot composes (or stopped composing) a reply to the message `replyTo`. */
function composing(stream: FakeEventSource, replyTo: string, active = true) {
  stream.emit('composing', { replyTo, active })
}

async function openAndSend(screen: ReturnType<typeof within>, text: string) {
  await userEvent.click(screen.getByRole('button', { name: 'Chat with us' }))
  await userEvent.type(screen.getByRole('textbox', { name: 'Message' }), `${text}{Enter}`)
}

describe('the web chat widget', () => {
  beforeEach(() => {
    localStorage.clear()
    fakeEventSource()
  })
  afterEach(() => {
    widgets.forEach((w) => w.destroy())
    widgets = []
    document.body.innerHTML = ''
  })

  it('sends the typed message to its own origin and shows it, typing only once the bot says it composes', async () => {
    const api = fakeApi(route('POST', '/chat/wk_shop/messages', 202, { eventId: 'e1' }))
    const { screen } = mountWidget()
    const stream = FakeEventSource.latest()

    await openAndSend(screen, 'Do you open on Sunday?')

    const log = screen.getByRole('log', { name: 'Messages' })
    expect(within(log).getByRole('listitem')).toHaveTextContent('Do you open on Sunday?')
    await waitFor(() => expect(api.requests).toHaveLength(1))
    expect(screen.queryByText('Typing…')).not.toBeInTheDocument()
    composing(stream, 'e1')
    expect(screen.getByText('Typing…')).toBeInTheDocument()
    const sent = api.requests[0].body as { sessionId: string; clientMessageId: string; text: string }
    expect(sent.text).toBe('Do you open on Sunday?')
    expect(sent.sessionId).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(vi.mocked(fetch).mock.calls[0][0]).toBe(`${ORIGIN}/chat/wk_shop/messages`)
  })

  it('shows replies as they arrive, once each, and stops the typing indicator', async () => {
    fakeApi(route('POST', '/chat/wk_shop/messages', 202, { eventId: 'e1' }))
    const { screen } = mountWidget()
    const stream = FakeEventSource.latest()
    stream.open()
    await openAndSend(screen, 'Hi')
    composing(stream, 'e1')
    await waitFor(() => expect(screen.getByText('Typing…')).toBeInTheDocument())

    reply(stream, 'r1', 'Welcome to the shop!')
    reply(stream, 'r1', 'Welcome to the shop!')

    const items = within(screen.getByRole('log', { name: 'Messages' })).getAllByRole('listitem')
    expect(items.map((i) => i.textContent)).toEqual(['Hi', 'Welcome to the shop!'])
    expect(screen.queryByText('Typing…')).not.toBeInTheDocument()
  })

  it('says a person will answer instead of typing while a person holds the conversation', async () => {
    fakeApi(route('POST', '/chat/wk_shop/messages', 202, { eventId: 'e1', personAnswers: true }))
    const { screen } = mountWidget()

    await openAndSend(screen, 'Still there?')

    expect(await screen.findByText('A person will answer you here soon.')).toBeInTheDocument()
    expect(screen.queryByText('Typing…')).not.toBeInTheDocument()
  })

  it("uses the bot's own words for it when it has some, after a send and after a flow's hand-off", async () => {
    fakeApi(route('POST', '/chat/wk_shop/messages', 202, { eventId: 'e1', personAnswers: true, personAnswersText: 'Mei from our team replies within the hour.' }))
    const { screen } = mountWidget()
    const stream = FakeEventSource.latest()
    stream.open()

    await openAndSend(screen, 'Still there?')
    expect(await screen.findByText('Mei from our team replies within the hour.')).toBeInTheDocument()

    reply(stream, 'r1', 'Connecting you.', { payload: { handoff: true, personAnswersText: '客服人員將在一小時內回覆。' } })
    expect(await screen.findByText('客服人員將在一小時內回覆。')).toBeInTheDocument()
  })

  it('shows the reply as the bot writes it, outside the announced log, and swaps it for the reply once', async () => {
    fakeApi(route('POST', '/chat/wk_shop/messages', 202, { eventId: 'e1' }))
    const { widget, screen } = mountWidget()
    const stream = FakeEventSource.latest()
    stream.open()
    await openAndSend(screen, 'Hours?')
    const draft = widget.shadow.querySelector('.draft') as HTMLElement

    composing(stream, 'e1')
    stream.emit('delta', { replyTo: 'e1', offset: 0, text: 'We open ' })
    stream.emit('delta', { replyTo: 'e1', offset: 8, text: 'at ten' })
    stream.emit('delta', { replyTo: 'e1', offset: 8, text: 'at ten' }) // heard twice: shown once
    expect(draft).toHaveTextContent('We open at ten')
    expect(draft).toHaveAttribute('aria-hidden', 'true')
    expect(screen.getByText('Typing…')).toBeInTheDocument()
    stream.emit('delta', { replyTo: 'e1', offset: 0, text: 'We' }) // the LLM call was retried: it starts over
    expect(draft).toHaveTextContent(/^We$/)

    reply(stream, 'r1', 'We open at ten.', { payload: { replyTo: 'e1' } })

    expect(draft).not.toBeVisible()
    expect(draft).toHaveTextContent('')
    expect(screen.queryByText('Typing…')).not.toBeInTheDocument()
    const items = within(screen.getByRole('log', { name: 'Messages' })).getAllByRole('listitem')
    expect(items.map((i) => i.textContent)).toEqual(['Hours?', 'We open at ten.'])
    composing(stream, 'e1') // a late hint about an answered message
    expect(screen.queryByText('Typing…')).not.toBeInTheDocument()
  })

  it('stops typing when the bot stops composing without a reply, or after a minute without news', async () => {
    fakeApi(route('POST', '/chat/wk_shop/messages', 202, { eventId: 'e1' }))
    const { screen } = mountWidget()
    const stream = FakeEventSource.latest()
    await openAndSend(screen, 'Hi')

    composing(stream, 'e1')
    expect(screen.getByText('Typing…')).toBeInTheDocument()
    composing(stream, 'e1', false)
    expect(screen.queryByText('Typing…')).not.toBeInTheDocument()

    vi.useFakeTimers()
    try {
      composing(stream, 'e2')
      vi.advanceTimersByTime(59_000)
      expect(screen.getByText('Typing…')).toBeInTheDocument()
      vi.advanceTimersByTime(1_000)
      expect(screen.queryByText('Typing…')).not.toBeInTheDocument()
    } finally {
      vi.useRealTimers()
    }
  })

  it("stops typing and says a person will answer when the bot's flow hands the chat off", async () => {
    fakeApi(route('POST', '/chat/wk_shop/messages', 202, { eventId: 'e1', personAnswers: false }))
    const { screen } = mountWidget()
    const stream = FakeEventSource.latest()
    stream.open()
    await openAndSend(screen, 'I want a human')
    composing(stream, 'e1')
    await waitFor(() => expect(screen.getByText('Typing…')).toBeInTheDocument())

    reply(stream, 'r1', 'Connecting you to our team.', { payload: { handoff: true } })

    expect(await screen.findByText('A person will answer you here soon.')).toBeInTheDocument()
    expect(screen.queryByText('Typing…')).not.toBeInTheDocument()
  })

  it("shows a reply's buttons and sends the pressed one as its label with its postback, once", async () => {
    const api = fakeApi(route('POST', '/chat/wk_shop/messages', 202, { eventId: 'e2' }))
    const { screen } = mountWidget()
    await userEvent.click(screen.getByRole('button', { name: 'Chat with us' }))
    reply(FakeEventSource.latest(), 'r1', 'Anything else?', { type: 'buttons', payload: {
      buttons: [{ label: 'Menu', postback: 'menu' }, { label: 'Talk to staff', postback: 'staff' }], style: 'quick_replies' } })

    const choices = screen.getByRole('group', { name: 'Choices' })
    await userEvent.click(within(choices).getByRole('button', { name: 'Talk to staff' }))

    await waitFor(() => expect(api.requests).toHaveLength(1))
    expect(api.requests[0].body).toMatchObject({ text: 'Talk to staff', postback: 'staff' })
    const items = within(screen.getByRole('log', { name: 'Messages' })).getAllByRole('listitem')
    expect(items[1]).toHaveTextContent('Talk to staff')
    expect(items[1]).toHaveClass('contact')
    const pressed = within(screen.getByRole('group', { name: 'Choices' })).getAllByRole('button')
    expect(pressed.map((b) => (b as HTMLButtonElement).disabled)).toEqual([true, true])
    expect(screen.getByRole('button', { name: 'Talk to staff', pressed: true })).toBeInTheDocument()
  })

  it('presses a button from the keyboard and keeps the answered buttons disabled after a reload', async () => {
    fakeApi(route('POST', '/chat/wk_shop/messages', 202, { eventId: 'e2' }))
    const before = mountWidget()
    await userEvent.click(before.screen.getByRole('button', { name: 'Chat with us' }))
    reply(FakeEventSource.latest(), 'r1', 'Pick one', { type: 'buttons', payload: { buttons: [{ label: 'Menu', postback: 'menu' }] } })

    before.screen.getByRole('button', { name: 'Menu' }).focus()
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(before.screen.getByRole('button', { name: 'Menu' })).toBeDisabled())
    before.widget.destroy()
    document.body.innerHTML = ''

    const after = mountWidget()

    expect(after.screen.getByRole('button', { name: 'Menu' })).toBeDisabled()
  })

  it('shows image replies as images, described by their alt text or as an image', async () => {
    const { screen } = mountWidget()
    const stream = FakeEventSource.latest()

    reply(stream, 'r1', '', { text: null, type: 'image', payload: { url: 'https://cdn.example/menu.png', previewUrl: 'https://cdn.example/menu-s.png' } })
    reply(stream, 'r2', 'Our shop', { type: 'image', payload: { url: 'https://cdn.example/shop.png', alt: 'The shop front on Main Street' } })

    const images = screen.getAllByRole('img')
    expect(images.map((i) => i.getAttribute('alt'))).toEqual(['Image', 'The shop front on Main Street'])
    expect(images[0]).toHaveAttribute('src', 'https://cdn.example/menu.png')
    expect(screen.getAllByRole('listitem')[1]).toHaveTextContent('Our shop')
  })

  it('makes http and https links in replies clickable in a new tab and never renders their text as HTML', async () => {
    const { screen } = mountWidget()
    const stream = FakeEventSource.latest()

    reply(stream, 'r1', 'Menu: https://shop.example/menu. <img src=x onerror=alert(1)> javascript:alert(1)')

    const item = screen.getAllByRole('listitem')[0]
    const link = within(item).getByRole('link', { name: 'https://shop.example/menu' })
    expect(link).toHaveAttribute('href', 'https://shop.example/menu')
    expect(link).toHaveAttribute('rel', 'noopener noreferrer')
    expect(link).toHaveAttribute('target', '_blank')
    expect(within(item).getAllByRole('link')).toHaveLength(1)
    expect(item.querySelector('img')).toBeNull()
    expect(item).toHaveTextContent('Menu: https://shop.example/menu. <img src=x onerror=alert(1)> javascript:alert(1)')
  })

  it('shows a card with its image, title, text, buttons and link button, and a list as choices', async () => {
    const api = fakeApi(route('POST', '/chat/wk_shop/messages', 202, { eventId: 'e3' }))
    const { screen } = mountWidget()
    await userEvent.click(screen.getByRole('button', { name: 'Chat with us' }))
    const stream = FakeEventSource.latest()

    reply(stream, 'r1', 'Chestnut cake.', { type: 'card', payload: { title: 'Autumn menu',
      imageUrl: 'https://cdn.example/autumn.jpg', buttons: [{ label: 'Order', postback: 'order' }],
      link: { label: 'Details', url: 'https://shop.example/autumn' } } })
    reply(stream, 'r2', 'Which service?', { type: 'list', payload: { button: 'Services',
      options: [{ label: 'Haircut', description: '30 minutes', postback: 'cut' }, { label: 'Colour', postback: 'flow:1' }] } })
    reply(stream, 'r3', 'Book online.', { type: 'link', payload: { label: 'Book now', url: 'javascript:alert(1)' } })

    const [card, list, bad] = within(screen.getByRole('log', { name: 'Messages' })).getAllByRole('listitem')
    expect(within(card).getByRole('img')).toHaveAttribute('src', 'https://cdn.example/autumn.jpg')
    expect(within(card).getByText('Autumn menu').tagName).toBe('STRONG')
    expect(within(card).getByRole('link', { name: 'Details' })).toHaveAttribute('target', '_blank')
    expect(within(bad).queryByRole('link')).toBeNull()
    await userEvent.click(within(list).getByRole('button', { name: 'Colour' }))
    await waitFor(() => expect(api.requests).toHaveLength(1))
    expect(api.requests[0].body).toMatchObject({ text: 'Colour', postback: 'flow:1' })
    expect(within(card).getByRole('button', { name: 'Order' })).toBeEnabled()
  })

  it("shows a list option's description under its label, as text, and sends only the label when pressed", async () => {
    const api = fakeApi(route('POST', '/chat/wk_shop/messages', 202, { eventId: 'e4' }))
    const { screen } = mountWidget()
    await userEvent.click(screen.getByRole('button', { name: 'Chat with us' }))

    reply(FakeEventSource.latest(), 'r1', 'Which plan?', { type: 'list', payload: { button: 'Plans', options: [
      { label: 'Pro', description: 'NT$300 a month <b>', postback: 'pro' }, { label: 'Free', description: '  ', postback: 'free' }] } })

    const list = within(screen.getByRole('log', { name: 'Messages' })).getByRole('listitem')
    const description = within(list).getByText('NT$300 a month <b>')
    expect(description).toHaveClass('description')
    expect(description.closest('button')).toHaveTextContent(/^Pro/)
    expect(within(list).getByRole('button', { name: 'Free' }).querySelector('.description')).toBeNull()
    await userEvent.click(description)
    await waitFor(() => expect(api.requests).toHaveLength(1))
    expect(api.requests[0].body).toMatchObject({ text: 'Pro', postback: 'pro' })
  })

  it('continues the same conversation after a reload, asking the stream only for newer replies', async () => {
    fakeApi(route('POST', '/chat/wk_shop/messages', 202, { eventId: 'e1' }))
    const before = mountWidget()
    const sessionStream = FakeEventSource.latest()
    await openAndSend(before.screen, 'Hi')
    reply(sessionStream, '0193-r1', 'Hello!')
    before.widget.destroy()
    document.body.innerHTML = ''

    const after = mountWidget()

    const items = within(after.screen.getByRole('log', { name: 'Messages' })).getAllByRole('listitem')
    expect(items.map((i) => i.textContent)).toEqual(['Hi', 'Hello!'])
    expect(FakeEventSource.latest().url).toBe(sessionStream.url.replace(/after=.*$/, 'after=0193-r1'))
  })

  it('shows what the contact sent in another tab of the same site', async () => {
    fakeApi(route('POST', '/chat/wk_shop/messages', 202, { eventId: 'e1' }))
    const first = mountWidget()
    const second = mountWidget()
    await openAndSend(first.screen, 'Sent from the first tab')

    window.dispatchEvent(new StorageEvent('storage', { key: 'parley.widget.wk_shop' }))

    expect(within(second.screen.getByRole('log', { name: 'Messages' })).getByRole('listitem'))
      .toHaveTextContent('Sent from the first tab')
  })

  it('opens its first stream from the very beginning, so no early reply is missed', () => {
    mountWidget()

    expect(FakeEventSource.latest().url).toMatch(
      new RegExp(`^${ORIGIN}/chat/wk_shop/sessions/[A-Za-z0-9_-]{32}/stream\\?after=00000000-0000-0000-0000-000000000000$`))
  })

  it('reconnects after a network error from the last reply it has, and says so meanwhile', async () => {
    vi.useFakeTimers()
    try {
      const { screen } = mountWidget()
      const first = FakeEventSource.latest()
      first.open()
      reply(first, 'r1', 'Hello!')

      first.fail()

      expect(first.closed).toBe(true)
      expect(screen.getByText('Reconnecting…')).toBeInTheDocument()
      vi.advanceTimersByTime(1000)
      const second = FakeEventSource.latest()
      expect(second).not.toBe(first)
      expect(second.url).toMatch(/after=r1$/)
      second.open()
      expect(screen.queryByText('Reconnecting…')).not.toBeInTheDocument()
    } finally {
      vi.useRealTimers()
    }
  })

  it('reconnects at once when the browser comes back online', () => {
    vi.useFakeTimers()
    try {
      mountWidget()
      FakeEventSource.latest().fail()
      FakeEventSource.latest().fail() // browsers may report one failure twice: still one reconnection
      expect(FakeEventSource.instances).toHaveLength(1)

      window.dispatchEvent(new Event('online'))

      expect(FakeEventSource.instances).toHaveLength(2)
      vi.advanceTimersByTime(60_000)
      expect(FakeEventSource.instances).toHaveLength(2)
    } finally {
      vi.useRealTimers()
    }
  })

  it('retries a message after a network error with the same id, so the bot answers it once', async () => {
    let calls = 0
    const fetchMock = vi.fn(async () => {
      calls++
      if (calls === 1) {
        throw new TypeError('Failed to fetch')
      }
      return new Response(JSON.stringify({ eventId: 'e1' }), { status: 202 })
    })
    vi.stubGlobal('fetch', fetchMock)
    const { screen } = mountWidget()

    await openAndSend(screen, 'Hi')

    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2))
    const ids = fetchMock.mock.calls.map((call) => JSON.parse((call as unknown as [string, RequestInit])[1].body as string).clientMessageId)
    expect(ids[0]).toBe(ids[1])
    await waitFor(() => expect(screen.getByRole('listitem')).not.toHaveClass('sending'))
  })

  it('shows why a message was refused and lets the contact send it again', async () => {
    fakeApi(route('POST', '/chat/wk_shop/messages', 429, {
      type: 'https://parley.dev/problems/rate-limited', title: 'Too many requests', status: 429,
      detail: 'Too many chat requests; retry in 20 s.',
    }))
    const { screen } = mountWidget()

    await openAndSend(screen, 'Hi')

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many chat requests; retry in 20 s.')
    expect(screen.getByRole('listitem')).toHaveTextContent('Not sent.')
    fakeApi(route('POST', '/chat/wk_shop/messages', 202, { eventId: 'e1' }))
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(screen.queryByText('Not sent.')).not.toBeInTheDocument())
  })

  it('is operated by keyboard: Escape closes the panel and gives focus back to the bubble', async () => {
    const { widget, screen } = mountWidget()
    const bubble = screen.getByRole('button', { name: 'Chat with us' })
    await userEvent.click(bubble)
    expect(bubble).toHaveAttribute('aria-expanded', 'true')

    await userEvent.keyboard('{Escape}')

    expect(bubble).toHaveAttribute('aria-expanded', 'false')
    expect(widget.shadow.activeElement).toBe(bubble)
  })

  it('names its close button by its words only: the × it shows is hidden from screen readers (label in name)', () => {
    const { screen } = mountWidget()

    const close = screen.getByRole('button', { name: 'Close chat', hidden: true })
    const shown = close.querySelector('[aria-hidden="true"]')
    expect(shown).toHaveTextContent('×')
    expect(close.textContent).toBe(shown?.textContent) // no other visible text that the name would have to hold
  })

  it("asks for refusals in the page's language, so the contact can read why a message was not sent", async () => {
    fakeApi(route('POST', '/chat/wk_shop/messages', 202, { eventId: 'e1' }))
    const { screen } = mountWidget('zh-TW')

    await userEvent.click(screen.getByRole('button', { name: '與我們聊聊' }))
    await userEvent.type(screen.getByRole('textbox'), '你好{Enter}')

    await waitFor(() => expect(fetch).toHaveBeenCalled())
    const init = vi.mocked(fetch).mock.calls[0][1] as RequestInit
    expect(new Headers(init.headers).get('Accept-Language')).toBe('zh-Hant')
  })

  it('speaks Traditional Chinese on a zh-TW page', () => {
    const { screen } = mountWidget('zh-TW')

    expect(screen.getByRole('button', { name: '與我們聊聊' })).toBeInTheDocument()
  })
})
