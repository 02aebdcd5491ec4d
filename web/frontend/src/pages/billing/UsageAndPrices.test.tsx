import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { sessionStore } from '../../api/session'
import { toMicros } from './format'

const me = route('GET', '/api/v1/me', 200, { memberships: [{ tenantId: 't1', tenantName: 'Acme Coffee', role: 'owner' }] })
const plans = route('GET', '/api/v1/plans', 200, [])
const billing = route('GET', '/api/v1/billing', 200, {
  plan: { id: 'free', name: 'Free', monthlyPriceCents: 0, currency: 'usd', purchasable: false, features: [] },
  subscription: null, usage: { periodStart: '2026-12-01T00:00:00Z', periodEnd: '2027-01-01T00:00:00Z', items: [] },
  invoices: [],
})
const counts = (answered: number, calls: number, cost: number, unpriced = 0) => ({
  answeredMessages: answered, llmCalls: calls, inputTokens: calls * 100, outputTokens: calls * 20,
  llmCostMicros: cost, unpricedLlmCalls: unpriced, broadcastRecipients: 0,
})
const unpricedLlama = { model: 'llama3:70b', calls: 4, inputTokens: 400, outputTokens: 80, lastUsedAt: '2026-12-05T00:00:00Z', pricedNow: false }
const ledger = route('GET', /^\/api\/v1\/billing\/usage\?period=\d{4}-\d{2}$/, 200, {
  period: '2026-12', periodStart: '2026-12-01T00:00:00Z', periodEnd: '2027-01-01T00:00:00Z',
  totals: counts(12, 10, 2_500_000, 4),
  byBot: [{ botId: 'b1', botName: 'Mei', usage: counts(12, 10, 2_500_000, 4) }],
  byChannel: [
    { channelId: 'c1', channelName: 'Shop LINE', channelType: 'line', botId: 'b1', usage: counts(8, 6, 2_500_000) },
    { channelId: 'c2', channelName: null, channelType: 'web', botId: 'b1', usage: counts(4, 4, 0, 4) },
  ],
  unpricedModels: [unpricedLlama],
})
const prices = (tenantRows: unknown[] = []) => route('GET', '/api/v1/llm-prices', 200, {
  period: '2026-12',
  prices: [
    { model: 'demo', inputPerMillion: 0, outputPerMillion: 0, source: 'operator', overridesOperator: false },
    { model: 'gpt-4o-mini', inputPerMillion: 150000, outputPerMillion: 600000, source: 'operator', overridesOperator: false },
    ...tenantRows,
  ],
  unpricedModels: [unpricedLlama],
})

describe('Billing page: usage ledger and LLM prices', () => {
  it('shows the month per bot and per channel and warns that unpriced models are missing from the cost', async () => {
    sessionStore.write(tokens())
    fakeApi(me, plans, billing, ledger, prices())
    renderApp('/billing')

    const byBot = await screen.findByRole('table', { name: 'By bot' })
    expect(within(byBot).getByRole('row', { name: /Mei 12 10 1,000 \/ 200 \$2\.50/ })).toBeInTheDocument()
    const byChannel = screen.getByRole('table', { name: 'By channel' })
    expect(within(byChannel).getByText('Shop LINE (line)')).toBeInTheDocument()
    expect(within(byChannel).getByText('Deleted channel (web)')).toBeInTheDocument()
    expect(within(byChannel).getByText('+ 4 unpriced calls')).toBeInTheDocument()
    expect(screen.getByText(/The LLM cost is incomplete: model llama3:70b has no price/)).toBeInTheDocument()
    expect(screen.getByText('Broadcast recipients stay 0 until Parley has broadcasts.')).toBeInTheDocument()
  })

  it('sets the price of an unpriced model in dollars and sends micro-dollars for the model in the path', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(me, plans, billing, ledger, prices(),
      route('PUT', /^\/api\/v1\/llm-prices\//, 200, { model: 'llama3:70b', inputPerMillion: 0, outputPerMillion: 0, source: 'tenant', overridesOperator: false }))
    renderApp('/billing')

    await userEvent.click(await screen.findByRole('button', { name: 'Set the price of llama3:70b' }))
    const form = screen.getByRole('form', { name: 'Set a price' })
    expect(within(form).getByLabelText('Model')).toHaveValue('llama3:70b')
    await userEvent.type(within(form).getByLabelText('Input, US$ per 1M tokens'), '0.59')
    await userEvent.type(within(form).getByLabelText('Output, US$ per 1M tokens'), '0.79')
    await userEvent.click(within(form).getByRole('button', { name: 'Save price' }))

    await waitFor(() => expect(api.requests.find((r) => r.method === 'PUT')).toBeDefined())
    const put = api.requests.find((r) => r.method === 'PUT')!
    expect(put.path).toBe('/api/v1/llm-prices/llama3%3A70b')
    expect(put.body).toEqual({ inputPerMillion: 590000, outputPerMillion: 790000 })
  })

  it('lists whose price applies and removes the tenant\'s own price to go back to the operator\'s', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(me, plans, billing, ledger,
      prices([{ model: 'openrouter/mixtral', inputPerMillion: 240000, outputPerMillion: 240000, source: 'tenant', overridesOperator: false }]),
      route('DELETE', /^\/api\/v1\/llm-prices\//, 204))
    renderApp('/billing')

    const row = (await screen.findByText('openrouter/mixtral')).closest('tr')!
    expect(within(row).getByText('Yours')).toBeInTheDocument()
    expect(within(row).getAllByText('$0.24')).toHaveLength(2)
    expect(within(screen.getByText('gpt-4o-mini').closest('tr')!).getByText('This Parley')).toBeInTheDocument()
    await userEvent.click(within(row).getByRole('button', { name: 'Remove openrouter/mixtral' }))

    await waitFor(() => expect(api.requests.some((r) => r.method === 'DELETE')).toBe(true))
    expect(api.requests.find((r) => r.method === 'DELETE')!.path).toBe('/api/v1/llm-prices/openrouter%2Fmixtral')
  })

  it('shows what was reported to Stripe meters and the drift the last check found, for billed meters only', async () => {
    sessionStore.write(tokens())
    const meter = (eventName: string, billed: boolean, drift: number | null) => ({
      eventName, quantity: 'answered-messages', billed, reportedValue: 1234, pendingHours: 2, lastReportedHour: '2026-12-07T05:00:00Z',
      reconciliation: drift === null ? null : { checkedAt: '2026-12-07T06:00:00Z', windowStart: '2026-12-01T00:00:00Z',
        windowEnd: '2026-12-07T05:00:00Z', ledgerValue: 1234 + drift, stripeValue: 1234, drift },
    })
    fakeApi(me, plans, billing, ledger, prices(), route('GET', '/api/v1/billing/meters', 200, {
      enabled: true, periodStart: '2026-12-01T00:00:00Z',
      meters: [meter('parley_messages', true, 3), meter('parley_tokens', false, null)],
    }))
    renderApp('/billing')

    const row = (await screen.findByText('parley_messages')).closest('tr')!
    expect(within(row).getByText('1,234')).toBeInTheDocument()
    expect(within(row).getByText('Differs by 3 (Parley 1,237, Stripe 1,234)')).toBeInTheDocument()
    expect(screen.queryByText('parley_tokens')).not.toBeInTheDocument()
  })

  it('refuses amounts that are not dollars without calling the API', async () => {
    expect(toMicros('0.15')).toBe(150000)
    expect(toMicros('0')).toBe(0)
    expect(toMicros('12.5')).toBe(12500000)
    expect(toMicros('-1')).toBeNull()
    expect(toMicros('abc')).toBeNull()
    expect(toMicros('0.1234567')).toBeNull()
  })
})
