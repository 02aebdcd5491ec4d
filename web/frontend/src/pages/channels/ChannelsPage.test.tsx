import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, validationFailed, route, type Recorded } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { meRoute, signIn } from '../../test/signedIn'
import { sampleBot } from '../bots/sampleBot'

const botRoute = route('GET', '/api/v1/bots/b1', 200, sampleBot())
const lineChannel = { id: 'c1', botId: 'b1', type: 'line', name: 'Lumi on LINE', webhookUrl: 'https://parley.example.com/webhooks/line/c1',
  credentials: { channelSecret: { set: true, last4: '…cdef' } }, health: 'unverified', createdAt: '2026-11-21T10:00:00Z', updatedAt: '2026-11-21T10:00:00Z' }
const webChannel = { id: 'c2', botId: 'b1', type: 'web', name: null, webhookUrl: '', credentials: {}, widgetKey: 'pwk_abc',
  embedSnippet: '<script src="https://parley.example.com/widget.js" data-parley-widget="pwk_abc" async></script>', health: 'healthy',
  createdAt: '2026-11-21T10:00:00Z', updatedAt: '2026-11-21T10:00:00Z' }

/** The channel list as it is after the requests so far: empty until a POST added the web channel. */
const channelList = (requests: () => Recorded[]) => (r: Recorded) =>
  r.method === 'GET' && r.path.startsWith('/api/v1/bots/b1/channels')
    ? { status: 200, body: { items: requests().some((x) => x.method === 'POST') ? [webChannel] : [], nextCursor: null } }
    : undefined

describe('channels', () => {
  it('adds a web chat and shows its embed snippet and health', async () => {
    signIn()
    const api = fakeApi(meRoute, botRoute, (r) => channelList(() => api.requests)(r), route('POST', '/api/v1/bots/b1/channels', 201, webChannel))
    renderApp('/bots/b1/channels')

    expect(await screen.findByText('No channels yet')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Add channel' }))
    const dialog = screen.getByRole('dialog', { name: 'Add channel' })
    await userEvent.selectOptions(within(dialog).getByLabelText('Type'), 'Web chat')
    await userEvent.type(within(dialog).getByLabelText('Name'), 'Website')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add channel' }))

    expect(await screen.findByLabelText('Embed snippet')).toHaveTextContent('data-parley-widget="pwk_abc"')
    expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({ type: 'web', name: 'Website', credentials: {} })
    expect(screen.getByLabelText('Health: Healthy')).toBeInTheDocument()
  })

  it('puts credential errors next to the LINE fields', async () => {
    signIn()
    const api = fakeApi(meRoute, botRoute, route('GET', /^\/api\/v1\/bots\/b1\/channels/, 200, { items: [], nextCursor: null }),
      route('POST', '/api/v1/bots/b1/channels', 400, validationFailed({ 'credentials.channelAccessToken': 'is required for LINE channels' })))
    renderApp('/bots/b1/channels')

    await userEvent.click(await screen.findByRole('button', { name: 'Add channel' }))
    const dialog = screen.getByRole('dialog', { name: 'Add channel' })
    await userEvent.type(within(dialog).getByLabelText('Channel secret'), '0123456789abcdef')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add channel' }))

    const token = within(dialog).getByLabelText('Channel access token')
    await waitFor(() => expect(token).toHaveAttribute('aria-invalid', 'true'))
    expect(token).toHaveAccessibleDescription('is required for LINE channels')
    expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({ type: 'line', name: null, credentials: { channelSecret: '0123456789abcdef' } })
  })

  it('verifies a channel and shows the provider account, or why it failed', async () => {
    signIn()
    let healthy = true
    fakeApi(meRoute, botRoute, route('GET', /^\/api\/v1\/bots\/b1\/channels/, 200, { items: [lineChannel], nextCursor: null }),
      (r) => (r.method === 'POST' && r.path === '/api/v1/bots/b1/channels/c1/verify' ? {
        status: 200,
        body: healthy
          ? { status: 'healthy', detail: 'ok', account: { id: 'Udeadbeef', name: 'Lumi', handle: '@123abcde' }, checkedAt: '2026-11-21T10:00:00Z' }
          : { status: 'unhealthy', detail: 'LINE rejected the channel access token (401).', checkedAt: '2026-11-21T10:00:00Z' },
      } : undefined))
    renderApp('/bots/b1/channels')

    const card = await screen.findByRole('article', { name: 'Lumi on LINE' })
    expect(within(card).getByLabelText('Webhook URL')).toHaveTextContent('https://parley.example.com/webhooks/line/c1')
    await userEvent.click(within(card).getByRole('button', { name: 'Verify' }))
    expect(await within(card).findByText('Connected to Lumi (@123abcde) · Udeadbeef.')).toBeInTheDocument()

    healthy = false
    await userEvent.click(within(card).getByRole('button', { name: 'Verify' }))
    expect(await within(card).findByRole('alert')).toHaveTextContent('Verification failed: LINE rejected the channel access token (401).')
  })

  it('says what a web chat verify found rather than "Connected to —"', async () => {
    signIn()
    const detail = 'Web chat needs no provider; paste the embed snippet into your site.'
    fakeApi(meRoute, botRoute, route('GET', /^\/api\/v1\/bots\/b1\/channels/, 200, { items: [webChannel], nextCursor: null }),
      route('POST', '/api/v1/bots/b1/channels/c2/verify', 200, { status: 'healthy', detail, checkedAt: '2026-11-21T10:00:00Z' }))
    renderApp('/bots/b1/channels')

    const card = await screen.findByRole('article', { name: 'Web chat channel' })
    await userEvent.click(within(card).getByRole('button', { name: 'Verify' }))

    expect(await within(card).findByText(detail)).toBeInTheDocument()
    expect(within(card).queryByText(/Connected to/)).not.toBeInTheDocument()
  })
})
