import { describe, expect, it } from 'vitest'
import { within } from '@testing-library/react'
import { fakeApi, route } from '../test/fakeApi'
import { FakeEventSource } from '../test/fakeEventSource'
import { widgetsPerTest } from '../test/widgetsPerTest'
import { brandedLanguage, contrast, textOn } from './branding'
import { loadBranding } from './chatApi'

const rootOf = (screen: ReturnType<typeof within>) => screen.getByRole('dialog').closest('.root') as HTMLElement

describe('the widget in the channel’s branding', () => {
  const mountWidget = widgetsPerTest()

  it('paints its accent from the colour, with white text on a dark accent', () => {
    const root = rootOf(mountWidget('en', { branding: { color: '#0f766e' } }))

    expect(root.style.getPropertyValue('--color-primary')).toBe('#0f766e')
    expect(root.style.getPropertyValue('--color-on-primary')).toBe('#ffffff')
    expect(root.style.getPropertyValue('--parley-accent-ink')).toBe('#0f766e')
  })

  it('keeps text readable on a light accent: dark text on it, and dark ink for the accent on white', () => {
    const root = rootOf(mountWidget('en', { branding: { color: '#facc15' } }))

    expect(root.style.getPropertyValue('--color-on-primary')).toBe('#0f172a')
    expect(contrast('#facc15', root.style.getPropertyValue('--color-on-primary'))).toBeGreaterThanOrEqual(4.5)
    expect(root.style.getPropertyValue('--parley-accent-ink')).toBe('#0f172a')
  })

  it('picks the text colour of higher contrast for any accent', () => {
    for (const color of ['#000000', '#2563eb', '#e11d48', '#22c55e', '#ffffff', '#7c3aed', '#f59e0b']) {
      const other = textOn(color) === '#ffffff' ? '#0f172a' : '#ffffff'
      expect(contrast(color, textOn(color))).toBeGreaterThanOrEqual(contrast(color, other))
    }
  })

  it('ignores a colour that is not #rrggbb', () => {
    const root = rootOf(mountWidget('en', { branding: { color: 'red;background:url(x)' } }))

    expect(root.style.getPropertyValue('--color-primary')).toBe('')
  })

  it('names its header and shows the avatar; the name beats the page’s title', () => {
    const screen = mountWidget('en', { title: 'Hosted page', branding: { title: 'Lumi Shop', logoUrl: 'https://shop.example/lumi.png' } })

    expect(screen.getByRole('heading', { name: 'Lumi Shop' })).toBeInTheDocument()
    const avatar = rootOf(screen).querySelector('.avatar') as HTMLImageElement
    expect(avatar.hidden).toBe(false)
    expect(avatar.src).toBe('https://shop.example/lumi.png')
    expect(avatar.alt).toBe('') // beside the name, it says nothing more
  })

  it('keeps its own name and no avatar without branding, and refuses a non-https avatar', () => {
    const screen = mountWidget('en', { branding: { logoUrl: 'http://shop.example/lumi.png' } })

    expect(screen.getByRole('heading', { name: 'Chat' })).toBeInTheDocument()
    expect((rootOf(screen).querySelector('.avatar') as HTMLImageElement).hidden).toBe(true)
  })

  it('sits on the left when the channel says so, and on the right by default', () => {
    expect(rootOf(mountWidget('en', { branding: { position: 'left' } })).classList.contains('left')).toBe(true)
    expect(rootOf(mountWidget('en', { branding: { position: 'right' } })).classList.contains('left')).toBe(false)
  })

  it('greets with the channel’s text, as text, before the first message', () => {
    const screen = mountWidget('en', { branding: { greeting: 'Questions about <b>your order</b>?' } })

    expect(screen.getByText('Questions about <b>your order</b>?')).toBeInTheDocument()
    expect(screen.queryByText('Hi! Send us a message and we will reply right here.')).not.toBeInTheDocument()
  })

  it('speaks the channel’s language, or the page’s when auto', () => {
    expect(brandedLanguage({ language: 'zh-Hant' }, 'en-US')).toBe('zh-Hant')
    expect(brandedLanguage({ language: 'en' }, 'zh-TW')).toBe('en')
    expect(brandedLanguage({ language: 'auto' }, 'zh-TW')).toBe('zh-TW')
    expect(brandedLanguage({}, 'en-GB')).toBe('en-GB')
  })

  it('loads the branding in one request to its widget key, and carries on without it when that fails', async () => {
    const api = fakeApi(route('GET', '/chat/wk_shop/config', 200, { title: 'Lumi', position: 'left', language: 'en' }))

    expect(await loadBranding('https://chat.parley.test', 'wk_shop')).toEqual({ title: 'Lumi', position: 'left', language: 'en' })
    expect(api.requests.map((r) => r.path)).toEqual(['/chat/wk_shop/config'])
    expect(await loadBranding('https://chat.parley.test', 'wk_gone')).toEqual({})
  })

  it('after a flow’s hand-off reply outside business hours, says from when a person answers', async () => {
    const screen = mountWidget()
    FakeEventSource.latest().message({ id: 'r1', text: 'Connecting you…', type: 'text', createdAt: '2026-12-08T00:00:00Z',
      payload: { handoff: true, personAnswersText: 'Mei replies soon.', personAnswersFrom: { day: 'mon', time: '09:00' } } }, 'r1')

    expect(await screen.findByText('We’re away now; a person will answer from Mon 09:00.')).toBeInTheDocument()
    expect(screen.queryByText('Mei replies soon.')).not.toBeInTheDocument()
  })
})
