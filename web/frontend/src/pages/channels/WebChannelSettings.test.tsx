import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route, validationFailed } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { meRoute, signIn } from '../../test/signedIn'
import { sampleBot } from '../bots/sampleBot'

const botRoute = route('GET', '/api/v1/bots/b1', 200, sampleBot())
const web = (settings: object = {}) => ({
  id: 'c2', botId: 'b1', type: 'web', name: 'Website', webhookUrl: '', credentials: {}, widgetKey: 'pwk_abc',
  embedSnippet: '<script src="https://parley.example.com/widget.js" data-parley-widget="pwk_abc" async></script>',
  health: 'healthy', createdAt: '2026-11-21T10:00:00Z', updatedAt: '2026-11-21T10:00:00Z', testOnly: false,
  web: { allowedOrigins: [], requireIdentity: false, maxMessageLength: 4000, identitySecretSet: false,
    hostedPageUrl: 'https://parley.example.com/c/pwk_abc', ...settings },
})
const list = (channel: object) => route('GET', /^\/api\/v1\/bots\/b1\/channels/, 200, { items: [channel], nextCursor: null })

describe('web chat settings', () => {
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
      offlineText: 'Call 1925', title: null, color: null, logoUrl: null, businessHours: null,
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
})
