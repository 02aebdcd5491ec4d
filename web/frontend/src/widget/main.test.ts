import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { waitFor, within } from '@testing-library/react'
import { fakeApi, route } from '../test/fakeApi'
import { fakeEventSource } from '../test/fakeEventSource'

/** The embed snippet's script tag on a host page, then the widget's entry run as the browser would. */
async function embed(widgetKey: string) {
  const script = document.createElement('script')
  script.src = 'https://chat.parley.test/widget.js'
  script.dataset.parleyWidget = widgetKey
  document.body.append(script)
  vi.resetModules()
  await import('./main')
  const host = await waitFor(() => {
    const found = document.querySelector(`[data-parley-widget-host="${widgetKey}"]`)
    expect(found?.shadowRoot?.querySelector('.root')).toBeTruthy()
    return found!
  })
  return host.shadowRoot!.querySelector('.root') as HTMLElement
}

describe('the widget starting on a host page', () => {
  beforeEach(() => {
    localStorage.clear()
    fakeEventSource()
    if (!('CSS' in globalThis)) vi.stubGlobal('CSS', { escape: (text: string) => text })
  })
  afterEach(() => {
    document.body.innerHTML = ''
    vi.unstubAllGlobals()
  })

  it('asks for its branding once and starts in it: name, colour, side, greeting and the channel’s language', async () => {
    const api = fakeApi(route('GET', '/chat/wk_brand/config', 200, { title: 'Lumi Shop', color: '#0f766e', logoUrl: null,
      position: 'left', greeting: '有問題嗎？', language: 'zh-Hant' }))

    const root = await embed('wk_brand')

    expect(api.requests.map((r) => r.path)).toEqual(['/chat/wk_brand/config'])
    expect(within(root).getByRole('heading', { name: 'Lumi Shop' })).toBeInTheDocument()
    expect(root.style.getPropertyValue('--color-primary')).toBe('#0f766e')
    expect(root.classList.contains('left')).toBe(true)
    expect(within(root).getByText('有問題嗎？')).toBeInTheDocument()
    expect(within(root).getByRole('button', { name: '與我們聊聊' })).toBeInTheDocument() // zh-Hant on an English page
  })

  it('starts in its own look and the page’s language when the branding cannot be had', async () => {
    fakeApi(route('GET', '/chat/wk_plain/config', 503, {}))

    const root = await embed('wk_plain')

    expect(within(root).getByRole('heading', { name: 'Chat' })).toBeInTheDocument()
    expect(within(root).getByRole('button', { name: 'Chat with us' })).toBeInTheDocument()
    expect(root.classList.contains('left')).toBe(false)
  })
})
