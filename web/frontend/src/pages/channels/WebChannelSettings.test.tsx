import { afterEach, describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route, validationFailed } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { meRoute, signIn } from '../../test/signedIn'
import { sampleBot } from '../bots/sampleBot'
import i18n from '../../i18n'

const botRoute = route('GET', '/api/v1/bots/b1', 200, sampleBot())
const web = (settings: object = {}) => ({
  id: 'c2', botId: 'b1', type: 'web', name: 'Website', webhookUrl: '', credentials: {}, widgetKey: 'pwk_abc',
  embedSnippet: '<script src="https://parley.example.com/widget.js" data-parley-widget="pwk_abc" async></script>',
  health: 'healthy', createdAt: '2026-11-21T10:00:00Z', updatedAt: '2026-11-21T10:00:00Z', testOnly: false,
  web: { allowedOrigins: [], requireIdentity: false, maxMessageLength: 4000, identitySecretSet: false, position: 'right', language: 'auto',
    hostedPageUrl: 'https://parley.example.com/c/pwk_abc', ...settings },
})
const list = (channel: object) => route('GET', /^\/api\/v1\/bots\/b1\/channels/, 200, { items: [channel], nextCursor: null })

describe('web chat settings', () => {
  afterEach(() => { void i18n.changeLanguage('en') })

  it('shows the hosted page link and saves origins, identity, length and offline text', async () => {
    signIn()
    const api = fakeApi(meRoute, botRoute, list(web()), route('PATCH', '/api/v1/bots/b1/channels/c2', 200, web()))
    renderApp('/bots/b1/channels')

    const card = await screen.findByRole('article', { name: 'Website' })
    expect(within(card).getByLabelText('Hosted chat page')).toHaveTextContent('https://parley.example.com/c/pwk_abc')
    await userEvent.type(within(card).getByLabelText(/Allowed sites/), 'https://shop.example{Enter}http://localhost:5173')
    await userEvent.click(within(card).getByLabelText('Only signed-in users may chat'))
    const length = within(card).getByLabelText('Longest message (characters)')
    await userEvent.clear(length)
    await userEvent.type(length, '500')
    await userEvent.type(within(card).getByLabelText(/Offline text/), 'Call 1925')
    await userEvent.click(within(card).getByRole('button', { name: 'Save web chat settings' }))

    await waitFor(() => expect(api.requests.find((r) => r.method === 'PATCH')).toBeDefined())
    expect(api.requests.find((r) => r.method === 'PATCH')?.body).toEqual({ web: {
      allowedOrigins: ['https://shop.example', 'http://localhost:5173'], requireIdentity: true, maxMessageLength: 500,
      offlineText: 'Call 1925', title: null, color: null, logoUrl: null, businessHours: null, position: 'right',
      greeting: null, language: 'auto',
    } })
  })

  it('generates the identity secret and shows it once', async () => {
    signIn()
    const api = fakeApi(meRoute, botRoute, list(web()),
      route('POST', '/api/v1/bots/b1/channels/c2/identity-secret', 200, { secret: 'pis_0123456789abcdefghijklmnop' }))
    renderApp('/bots/b1/channels')

    const card = await screen.findByRole('article', { name: 'Website' })
    expect(within(card).getByText(/Not generated yet/)).toBeInTheDocument()
    await userEvent.click(within(card).getByRole('button', { name: 'Generate secret' }))

    expect(await within(card).findByLabelText('New identity secret')).toHaveTextContent('pis_0123456789abcdefghijklmnop')
    expect(within(card).getByText('Copy the secret now: it will not be shown again.')).toBeInTheDocument()
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
  })

  it('puts a refused origin next to the field', async () => {
    signIn()
    fakeApi(meRoute, botRoute, list(web({ allowedOrigins: ['https://shop.example'] })), route('PATCH', '/api/v1/bots/b1/channels/c2', 400,
      validationFailed({ 'web.allowedOrigins': 'must be origins like https://shop.example (scheme and host, no path)' })))
    renderApp('/bots/b1/channels')

    const card = await screen.findByRole('article', { name: 'Website' })
    const origins = within(card).getByLabelText(/Allowed sites/)
    expect(origins).toHaveValue('https://shop.example')
    await userEvent.type(origins, '{Enter}https://shop.example/chat')
    await userEvent.click(within(card).getByRole('button', { name: 'Save web chat settings' }))

    await waitFor(() => expect(origins).toHaveAttribute('aria-invalid', 'true'))
  })

  it('saves business hours with the closed days left out, and keeps hours set before', async () => {
    signIn()
    const hours = { timeZone: 'Asia/Taipei', days: { sat: { open: '10:00', close: '14:00' } } }
    const api = fakeApi(meRoute, botRoute, list(web({ businessHours: hours })),
      route('PATCH', '/api/v1/bots/b1/channels/c2', 400, validationFailed({ 'web.businessHours.days.sat': 'must open and close at times like 09:00 and 18:00, opening first' })))
    renderApp('/bots/b1/channels')

    const card = await screen.findByRole('article', { name: 'Website' })
    expect(within(card).getByLabelText('Set business hours')).toBeChecked()
    expect(within(card).getByLabelText('Time zone')).toHaveValue('Asia/Taipei')
    expect(within(card).getByLabelText('Monday')).not.toBeChecked()
    await userEvent.click(within(card).getByLabelText('Monday'))
    const closes = within(card).getByLabelText('Saturday closes')
    await userEvent.clear(closes)
    await userEvent.type(closes, '09:00')
    await userEvent.click(within(card).getByRole('button', { name: 'Save web chat settings' }))

    await waitFor(() => expect(within(card).getByLabelText('Saturday opens')).toHaveAttribute('aria-invalid', 'true'))
    expect((api.requests.find((r) => r.method === 'PATCH')?.body as { web: object }).web).toMatchObject({ businessHours: {
      timeZone: 'Asia/Taipei', days: { mon: { open: '09:00', close: '18:00' }, sat: { open: '10:00', close: '09:00' } } } })
  })

  it('previews the real widget as the branding fields change, before saving, and saves them', async () => {
    signIn()
    const api = fakeApi(meRoute, botRoute, list(web()), route('PATCH', '/api/v1/bots/b1/channels/c2', 200, web()))
    renderApp('/bots/b1/channels')

    const card = await screen.findByRole('article', { name: 'Website' })
    const preview = () => within(card).getByTestId('widget-preview').querySelector('div')!.shadowRoot!
    const root = () => preview().querySelector('.root') as HTMLElement
    expect(root().classList.contains('open')).toBe(true)
    expect(preview().querySelector('[role="dialog"]')).toBeNull() // not a dialog of the settings page
    expect(preview().querySelector('h2')).toHaveTextContent('Chat')
    expect(within(root()).getByText('Do you deliver on Saturdays?')).toBeInTheDocument()

    await userEvent.type(within(card).getByLabelText(/Name in the header/), 'Lumi Shop')
    await userEvent.type(within(card).getByLabelText(/Accent colour/), '#facc15')
    await userEvent.type(within(card).getByLabelText(/Logo and avatar URL/), 'https://shop.example/lumi.png')
    await userEvent.selectOptions(within(card).getByLabelText('Launcher position'), 'left')
    await userEvent.type(within(card).getByLabelText('Greeting'), 'Questions about your order?')

    expect(preview().querySelector('h2')).toHaveTextContent('Lumi Shop')
    expect(root().style.getPropertyValue('--color-primary')).toBe('#facc15')
    expect(root().style.getPropertyValue('--color-on-primary')).toBe('#0f172a')
    expect((preview().querySelector('.avatar') as HTMLImageElement).src).toBe('https://shop.example/lumi.png')
    expect(root().classList.contains('left')).toBe(true)
    expect(within(root()).getByText('Questions about your order?')).toBeInTheDocument()
    expect(api.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0)

    await userEvent.selectOptions(within(card).getByLabelText('Language of the widget and hosted page'), 'zh-Hant')
    expect(within(root()).getByText('週六有送貨嗎？')).toBeInTheDocument()
    expect(within(root()).getByRole('textbox', { name: '訊息' })).toBeInTheDocument()

    await userEvent.click(within(card).getByRole('button', { name: 'Save web chat settings' }))
    await waitFor(() => expect(api.requests.find((r) => r.method === 'PATCH')).toBeDefined())
    expect((api.requests.find((r) => r.method === 'PATCH')?.body as { web: object }).web).toMatchObject({
      title: 'Lumi Shop', color: '#facc15', logoUrl: 'https://shop.example/lumi.png', position: 'left',
      greeting: 'Questions about your order?', language: 'zh-Hant' })
  })

  it('previews and labels the branding in Traditional Chinese', async () => {
    signIn()
    await i18n.changeLanguage('zh-Hant')
    fakeApi(meRoute, botRoute, list(web({ language: 'auto', greeting: '有問題嗎？' })))
    renderApp('/bots/b1/channels')

    const card = await screen.findByRole('article', { name: 'Website' })
    const root = within(card).getByTestId('widget-preview').querySelector('div')!.shadowRoot!.querySelector('.root') as HTMLElement
    expect(within(card).getByText('預覽')).toBeInTheDocument()
    expect(within(card).getByLabelText('啟動按鈕位置')).toHaveValue('right')
    expect(within(root).getByText('有問題嗎？')).toBeInTheDocument()
    expect(within(root).getByText('週六有送貨嗎？')).toBeInTheDocument()
  })
})
