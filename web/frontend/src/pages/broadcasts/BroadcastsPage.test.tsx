import { describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { sessionStore } from '../../api/session'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { workspace } from '../../test/inboxFixtures'
import { renderApp } from '../../test/render'

const segment = { id: 's1', name: 'VIPs', definition: { tags: { any: ['vip'] } }, createdAt: '2026-12-07T08:00:00Z', updatedAt: '2026-12-07T08:00:00Z' }
const broadcast = (overrides: Record<string, unknown> = {}) => ({
  id: 'bc1', name: 'Sale', segmentId: 's1', channelIds: ['ch1'], message: { parts: [{ type: 'text', text: 'Hi' }] },
  state: 'running', stats: { planned: 4, optedOut: 1, byStatus: { queued: 2, sending: 0, sent: 2, delivered: 0, read: 0, failed: 0, cancelled: 0 }, progressPercent: 50 },
  createdAt: '2026-12-07T08:00:00Z', updatedAt: '2026-12-07T08:00:00Z', ...overrides,
})

const estimate = (remaining = 990, exceeds = false) => ({
  recipients: 9, optedOut: 3, whatsappCost: { currency: 'USD', amount: 0.1 },
  channels: [{ channelId: 'ch1', type: 'line', name: 'Lumi on LINE', recipients: 9, lineQuota: { limited: true, limit: 1000, used: 1000 - remaining, remaining }, exceedsQuota: exceeds }],
})

describe('broadcasts', () => {
  it('composes a broadcast to a segment on the chosen channel with its reach, then sends it', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(...workspace('admin'),
      route('GET', /^\/api\/v1\/segments\?/, 200, { items: [segment], nextCursor: null }),
      route('POST', '/api/v1/segments/preview', 200, { matching: 12, reachable: 9, sample: [] }),
      route('POST', '/api/v1/broadcasts/estimate', 200, estimate()),
      route('GET', /^\/api\/v1\/broadcasts\?/, 200, { items: [], nextCursor: null }),
      route('POST', '/api/v1/broadcasts', 201, broadcast({ state: 'draft' })),
      route('POST', '/api/v1/broadcasts/bc1/send', 200, broadcast({ state: 'scheduled' })))
    renderApp('/broadcasts')

    await userEvent.type(await screen.findByRole('textbox', { name: 'Name' }), 'Sale')
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Segment' }), 's1')
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Lumi on LINE (Lumi)' }))
    await userEvent.type(screen.getByRole('textbox', { name: 'Message' }), '20% off')

    expect(await screen.findByText('9 of 12 contacts can be reached')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Send broadcast' }))
    await waitFor(() => expect(api.requests.find((r) => r.method === 'POST' && r.path === '/api/v1/broadcasts')?.body)
      .toEqual({ name: 'Sale', segmentId: 's1', channelIds: ['ch1'], message: { parts: [{ type: 'text', text: '20% off' }] } }))
    await waitFor(() => expect(api.requests.some((r) => r.path === '/api/v1/broadcasts/bc1/send')).toBe(true))
  })

  it('shows a running broadcast’s progress and pauses it', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(...workspace('admin'),
      route('GET', /^\/api\/v1\/segments\?/, 200, { items: [segment], nextCursor: null }),
      route('GET', /^\/api\/v1\/broadcasts\?/, 200, { items: [broadcast()], nextCursor: null }),
      route('POST', '/api/v1/broadcasts/bc1/pause', 200, broadcast({ state: 'paused' })))
    renderApp('/broadcasts')

    const bar = await screen.findByRole('progressbar', { name: 'Progress of Sale' })
    expect(bar).toHaveAttribute('value', '50')
    expect(screen.getByText('2 sent, 0 delivered, 0 read, 0 failed, 1 opted out')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Pause' }))
    await waitFor(() => expect(api.requests.some((r) => r.method === 'POST' && r.path === '/api/v1/broadcasts/bc1/pause')).toBe(true))
  })

  it('shows the reach and the LINE quota left before sending, and will not send beyond the quota', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(...workspace('admin'),
      route('GET', /^\/api\/v1\/segments\?/, 200, { items: [segment], nextCursor: null }),
      route('POST', '/api/v1/segments/preview', 200, { matching: 12, reachable: 9, sample: [] }),
      route('POST', '/api/v1/broadcasts/estimate', 200, estimate(5, true)),
      route('GET', /^\/api\/v1\/broadcasts\?/, 200, { items: [], nextCursor: null }))
    renderApp('/broadcasts')

    await userEvent.type(await screen.findByRole('textbox', { name: 'Name' }), 'Sale')
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Segment' }), 's1')
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Lumi on LINE (Lumi)' }))
    await userEvent.type(screen.getByRole('textbox', { name: 'Message' }), '20% off')

    const estimateBox = await screen.findByRole('region', { name: 'Reach and cost' })
    expect(estimateBox).toHaveTextContent('Lumi on LINE: 9 recipients · 5 of 1,000 LINE messages left this month')
    expect(screen.getByRole('alert')).toHaveTextContent('fewer LINE messages left this month')
    expect(screen.getByRole('button', { name: 'Send broadcast' })).toBeDisabled()
    expect(api.requests.find((r) => r.path === '/api/v1/broadcasts/estimate')?.body).toEqual({ segmentId: 's1', channelIds: ['ch1'] })
  })
})
