import { describe, expect, it } from 'vitest'
import { screen, within } from '@testing-library/react'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { renderWithProviders } from '../../test/render'
import { sessionStore } from '../../api/session'
import { BotFigures } from './BotFigures'

const table = (totals: Record<string, unknown>) => ({ timeZone: 'UTC', from: '', to: '', groupBy: 'day', columns: [], rows: [], totals })

describe('A bot’s key figures', () => {
  it('shows the bot’s last 30 days and links to its analytics', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(
      route('GET', /^\/api\/v1\/analytics\/messages\?.*botId=b1/, 200, table({ messagesIn: 321 })),
      route('GET', /^\/api\/v1\/analytics\/llm\?.*botId=b1/, 200, table({ activeContacts: 45, costMicros: 2_500_000 })),
      route('GET', /^\/api\/v1\/analytics\/latency\?.*botId=b1/, 200, table({ replyP95: 1800 })),
    )
    renderWithProviders(<BotFigures botId="b1" />)

    const figures = await screen.findByRole('region', { name: 'Last 30 days' })
    expect(within(figures).getByText('321')).toBeInTheDocument()
    expect(within(figures).getByText('45')).toBeInTheDocument()
    expect(within(figures).getByText('$2.50')).toBeInTheDocument()
    expect(within(figures).getByText('1800 ms')).toBeInTheDocument()
    expect(within(figures).getByRole('link', { name: 'All figures' })).toHaveAttribute('href', '/analytics?botId=b1')
    expect(api.requests.filter((r) => r.path.startsWith('/api/v1/analytics/'))).toHaveLength(3)
    // no range of its own: the API's default is the 30 days ending today in the tenant's time zone
    expect(api.requests.filter((r) => /[?&](from|to)=/.test(r.path))).toEqual([])
  })

  it('shows nothing when the figures cannot be read', async () => {
    sessionStore.write(tokens())
    const api = fakeApi()
    const { container } = renderWithProviders(<BotFigures botId="b1" />)

    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(api.requests.length).toBeGreaterThan(0)
    expect(container.querySelector('.analytics-bot')).toBeNull()
  })
})
