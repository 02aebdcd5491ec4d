import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route } from '../test/fakeApi'
import { FakeEventSource, fakeEventSource } from '../test/fakeEventSource'
import { ChatApi } from './chatApi'
import { ChatWidget } from './ChatWidget'
import { identityOf } from './identity'
import { widgetStrings } from './strings'

const ORIGIN = 'https://chat.parley.test'
let widgets: ChatWidget[] = []

function mount(api: ChatApi, options: { fullPage?: boolean; title?: string } = {}) {
  const host = document.createElement('div')
  document.body.append(host)
  const widget = new ChatWidget(host, { api, strings: widgetStrings('en'), storage: localStorage, ...options })
  widgets.push(widget)
  return { widget, screen: within(widget.shadow.querySelector('.root') as HTMLElement) }
}

describe('a signed-in user on web chat', () => {
  beforeEach(() => {
    localStorage.clear()
    fakeEventSource()
  })
  afterEach(() => {
    widgets.forEach((w) => w.destroy())
    widgets = []
    document.body.innerHTML = ''
  })

  it('reads the identity from the script tag, or on the hosted page from its address', () => {
    expect(identityOf({ parleyToken: 'eyJ.t.s' }, null)).toEqual({ token: 'eyJ.t.s' })
    expect(identityOf({ parleyUserId: 'u-1', parleyUserHash: 'ab12' }, null)).toEqual({ userId: 'u-1', userHash: 'ab12' })
    expect(identityOf({ parleyUserId: 'u-1' }, null)).toBeNull()
    expect(identityOf({}, new URLSearchParams('userId=u-2&userHash=cd34'))).toEqual({ userId: 'u-2', userHash: 'cd34' })
    expect(identityOf({}, null)).toBeNull()
  })

  it('sends the identity with every message and on the reply stream', async () => {
    const requests = fakeApi(route('POST', '/chat/wk_shop/messages', 202, { eventId: 'e1' }))
    const api = new ChatApi(ORIGIN, 'wk_shop', 'en', async () => {})
    api.identity = { userId: 'u-7', userHash: 'f00d' }
    const { screen } = mount(api)

    await userEvent.click(screen.getByRole('button', { name: 'Chat with us' }))
    await userEvent.type(screen.getByRole('textbox', { name: 'Message' }), 'Hello{Enter}')

    expect(requests.requests[0].body).toMatchObject({ text: 'Hello', identity: { userId: 'u-7', userHash: 'f00d' } })
    const stream = new URL(FakeEventSource.latest().url)
    expect(stream.searchParams.get('userId')).toBe('u-7')
    expect(stream.searchParams.get('userHash')).toBe('f00d')
  })

  it('stays anonymous without an identity: nothing extra is sent', async () => {
    const requests = fakeApi(route('POST', '/chat/wk_shop/messages', 202, { eventId: 'e1' }))
    const { screen } = mount(new ChatApi(ORIGIN, 'wk_shop', 'en', async () => {}))

    await userEvent.click(screen.getByRole('button', { name: 'Chat with us' }))
    await userEvent.type(screen.getByRole('textbox', { name: 'Message' }), 'Hi{Enter}')

    expect(requests.requests[0].body).not.toHaveProperty('identity')
    expect(new URL(FakeEventSource.latest().url).searchParams.has('token')).toBe(false)
  })

  it('fills the hosted page: open at once under the page title, and Escape does not close it', async () => {
    const { widget, screen } = mount(new ChatApi(ORIGIN, 'wk_shop', 'en', async () => {}),
      { fullPage: true, title: 'Lumi <Help>' })

    expect(widget.isOpen).toBe(true)
    expect(screen.getByRole('heading', { name: 'Lumi <Help>' })).toBeInTheDocument()
    await userEvent.keyboard('{Escape}')
    expect(widget.isOpen).toBe(true)
  })
})
