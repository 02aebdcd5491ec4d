import { describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { sessionStore } from '../../api/session'
import i18n from '../../i18n'

const me = route('GET', '/api/v1/me', 200, { memberships: [{ tenantId: 't1', tenantName: 'Acme Coffee', role: 'viewer' }] })
const tenant = route('GET', '/api/v1/tenant', 200, { id: 't1', name: 'Acme Coffee', timeZone: 'Asia/Taipei' })
const bots = route('GET', /^\/api\/v1\/bots\?/, 200, { items: [{ id: 'b1', name: 'Barista' }], nextCursor: null })
const channels = route('GET', /^\/api\/v1\/bots\/b1\/channels/, 200, { items: [], nextCursor: null })

const table = (columns: string[], rows: Record<string, unknown>[], totals: Record<string, unknown> | null = null) =>
  ({ timeZone: 'Asia/Taipei', from: '2026-03-01', to: '2026-03-02', groupBy: 'day', columns, rows, totals })

/** Figures of the range 2026-03-01..02, and of the previous period 02-27..28 (smaller: trends go up). */
function figures(from = '2026-03-01') {
  const current = (path: string) => new RegExp(`^/api/v1/analytics/${path}\\?.*from=${from}`)
  const earlier = (path: string) => new RegExp(`^/api/v1/analytics/${path}\\?.*from=2026-02-27`)
  return [
    route('GET', current('messages'), 200, table(['bucket', 'messagesIn', 'messagesOut'],
      [{ bucket: '2026-03-01', messagesIn: 40, messagesOut: 42 }, { bucket: '2026-03-02', messagesIn: 60, messagesOut: 58 }],
      { bucket: 'total', messagesIn: 100, messagesOut: 100 })),
    route('GET', earlier('messages'), 200, table([], [], { messagesIn: 80 })),
    route('GET', current('llm'), 200, table([], [], { activeContacts: 30, costMicros: 1_500_000 })),
    route('GET', earlier('llm'), 200, table([], [], { activeContacts: 30, costMicros: 3_000_000 })),
    route('GET', current('latency'), 200, table(['bucket', 'replyP50', 'replyP95', 'replyP99'],
      [{ bucket: '2026-03-01', replyP50: 800, replyP95: 2400, replyP99: 3000 }], { replyP95: 2400 })),
    route('GET', earlier('latency'), 200, table([], [], { replyP95: 0 })),
    route('GET', current('containment'), 200, table([], [], { containedShare: 0.9 })),
    route('GET', earlier('containment'), 200, table([], [], { containedShare: 0.75 })),
    route('GET', current('active-contacts'), 200, table(['day', 'dau', 'wau', 'mau'],
      [{ day: '2026-03-01', dau: 10, wau: 20, mau: 30 }])),
    route('GET', current('retention'), 200, table(['cohort', 'contacts', 'd1', 'd7', 'd30'],
      [{ cohort: '2026-03-01', contacts: 12, d1: 0.5, d7: 0.25, d30: null }])),
    route('GET', /^\/api\/v1\/analytics\/costs\?.*by=bot/, 200, table(['botId', 'costMicros'], [{ botId: 'b1', costMicros: 1_500_000 }])),
    route('GET', /^\/api\/v1\/analytics\/costs\?.*by=contact/, 200, table(['contactId', 'llmCalls', 'costMicros'],
      [{ contactId: 'c0ffee00-0000-7000-8000-000000000001', llmCalls: 7, costMicros: 900_000 }])),
    route('GET', current('line-sends'), 200, table(['bucket', 'replies', 'pushes', 'replyShare'],
      [{ bucket: '2026-03-01', replies: 30, pushes: 10, replyShare: 0.75 }, { bucket: '2026-03-02', replies: 15, pushes: 5, replyShare: 0.75 }],
      { bucket: 'total', replies: 45, pushes: 15, replyShare: 0.75 })),
    route('GET', current('flows'), 200, table(['flowId', 'name', 'fired'],
      [{ flowId: 'f1', name: 'Opening hours', fired: 12 }, { flowId: 'f2', name: null, fired: 3 }])),
    route('GET', current('buttons'), 200, table(['postback', 'presses'], [{ postback: 'menu:hours', presses: 9 }])),
  ]
}

describe('Analytics page', () => {
  it('shows overview cards with their trend against the previous period', async () => {
    sessionStore.write(tokens())
    fakeApi(me, tenant, bots, channels, ...figures())
    renderApp('/analytics?from=2026-03-01&to=2026-03-02')

    const messages = await screen.findByRole('group', { name: 'Messages from contacts' })
    await waitFor(() => expect(within(messages).getByText('100')).toBeInTheDocument())
    expect(within(messages).getByText('+25% vs previous period')).toBeInTheDocument()
    expect(within(screen.getByRole('group', { name: 'LLM cost' })).getByText('-50% vs previous period')).toBeInTheDocument()
    expect(within(screen.getByRole('group', { name: 'Reply time (p95)' })).getByText('2400 ms')).toBeInTheDocument()
    expect(within(screen.getByRole('group', { name: 'Reply time (p95)' })).getByText('No previous period to compare'))
      .toBeInTheDocument()
    expect(within(screen.getByRole('group', { name: 'Handled by the bot' })).getByText('90%')).toBeInTheDocument()
    expect(screen.getByText(/Asia\/Taipei/)).toBeInTheDocument()
  })

  it('draws the charts with their series and the cohorts as a heat map', async () => {
    sessionStore.write(tokens())
    fakeApi(me, tenant, bots, channels, ...figures())
    const { container } = renderApp('/analytics?from=2026-03-01&to=2026-03-02')

    const chart = await screen.findByRole('region', { name: 'Messages' })
    await waitFor(() => expect(chart.querySelectorAll('.recharts-line').length).toBe(2))
    expect(within(chart).getByText('In')).toBeInTheDocument()
    expect(within(screen.getByRole('region', { name: 'Reply time (ms)' })).getByText('p99')).toBeInTheDocument()
    const cohorts = within(screen.getByRole('region', { name: 'Retention' }))
    expect(cohorts.getByRole('rowheader', { name: '2026-03-01' })).toBeInTheDocument()
    expect(cohorts.getByRole('cell', { name: '50%' })).toHaveStyle({ background: 'rgba(91, 91, 214, 0.43)' })
    expect(cohorts.getByRole('cell', { name: '–' })).toBeInTheDocument()
    expect(within(screen.getByRole('region', { name: 'Most expensive contacts' })).getByText('$0.90')).toBeInTheDocument()
    expect(container.querySelector('.recharts-bar')).not.toBeNull()
  })

  it('draws LINE free replies vs paid pushes, flows fired and buttons pressed', async () => {
    sessionStore.write(tokens())
    fakeApi(me, tenant, bots, channels, ...figures())
    renderApp('/analytics?from=2026-03-01&to=2026-03-02')

    const sends = await screen.findByRole('region', { name: 'LINE: free replies vs paid pushes' })
    await waitFor(() => expect(sends.querySelectorAll('.recharts-line').length).toBe(2))
    expect(within(sends).getByText('75% of LINE messages went out as free replies.')).toBeInTheDocument()
    expect(within(sends).getByText('Paid pushes')).toBeInTheDocument()
    const flows = screen.getByRole('region', { name: 'Flows fired' })
    await waitFor(() => expect(flows.querySelectorAll('.recharts-bar-rectangle').length).toBe(2))
    expect(within(flows).getByText('Opening hours')).toBeInTheDocument()
    expect(within(screen.getByRole('region', { name: 'Buttons pressed' })).getByText('menu:hours')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Download Flows fired as CSV' })).toBeInTheDocument()
  })

  it('keeps the filters in the URL and asks for the figures with them', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(me, tenant, bots, channels, ...figures())
    const { router } = renderApp('/analytics?from=2026-03-01&to=2026-03-02')

    await userEvent.selectOptions(await screen.findByLabelText('Group by'), 'week')
    await waitFor(() => expect(router.state.location.search).toContain('groupBy=week'))
    await screen.findByRole('option', { name: 'Barista' })
    await userEvent.selectOptions(screen.getByLabelText('Bot'), 'b1')

    await waitFor(() => expect(api.requests.some((r) => r.path.startsWith('/api/v1/analytics/messages?')
      && r.path.includes('groupBy=week') && r.path.includes('botId=b1') && r.path.includes('from=2026-03-01'))).toBe(true))
    expect(router.state.location.search).toContain('botId=b1')
  })

  it('asks by default for the 30 days ending today in the tenant\'s time zone, not in UTC', async () => {
    // 23:30 UTC on Dec 7 is 07:30 on Dec 8 in Taipei: the tenant's today, whose figures a UTC range leaves out
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-12-07T23:30:00Z'))
    try {
      sessionStore.write(tokens())
      const api = fakeApi(me, tenant, bots, channels, ...figures('2026-11-09'))
      renderApp('/analytics')

      expect(await screen.findByLabelText('To')).toHaveValue('2026-12-08')
      expect(screen.getByLabelText('From')).toHaveValue('2026-11-09')
      await waitFor(() => expect(api.requests.some((r) => r.path.startsWith('/api/v1/analytics/messages?')
        && r.path.includes('from=2026-11-09') && r.path.includes('to=2026-12-08'))).toBe(true))
      expect(api.requests.some((r) => r.path.startsWith('/api/v1/analytics/') && r.path.includes('to=2026-12-07')))
        .toBe(false)
    } finally {
      vi.useRealTimers()
    }
  })

  it('downloads a chart as CSV', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(me, tenant, bots, channels, ...figures())
    const created = vi.fn(() => 'blob:csv')
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() }))
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    renderApp('/analytics?from=2026-03-01&to=2026-03-02')

    await userEvent.click(await screen.findByRole('button', { name: 'Download Messages as CSV' }))

    await waitFor(() => expect(click).toHaveBeenCalled())
    expect(api.requests.some((r) => r.path.startsWith('/api/v1/analytics/messages?') && r.path.includes('format=csv')))
      .toBe(true)
    expect(created).toHaveBeenCalled()
  })

  it('speaks Traditional Chinese', async () => {
    sessionStore.write(tokens())
    fakeApi(me, tenant, bots, channels, ...figures())
    await i18n.changeLanguage('zh-Hant')
    try {
      renderApp('/analytics?from=2026-03-01&to=2026-03-02')
      expect(await screen.findByRole('heading', { name: '數據分析' })).toBeInTheDocument()
      expect(await screen.findByRole('group', { name: '聯絡人訊息' })).toBeInTheDocument()
    } finally {
      await i18n.changeLanguage('en')
    }
  })
})
