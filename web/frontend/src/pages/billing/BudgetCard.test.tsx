import { describe, expect, it } from 'vitest'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route, tokens, validationFailed } from '../../test/fakeApi'
import { renderWithProviders } from '../../test/render'
import { sessionStore } from '../../api/session'
import { BudgetCard } from './BudgetCard'

const none = {
  botId: null, monthlyLimitMicros: null, dailyLimitMicros: null, alertThresholds: [50, 80, 100], hardCap: true,
  atCap: 'message', capModel: null, capMessage: null, spentThisMonthMicros: 8_120_000, spentTodayMicros: 250_000,
}

describe('LLM budget card', () => {
  it('shows what was spent and saves limits in dollars as micro-USD with thresholds and the cap mode', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(route('GET', '/api/v1/billing/budget', 200, none),
      (r) => (r.method === 'PATCH' ? { status: 200, body: { ...none, ...(r.body as object) } } : undefined))
    renderWithProviders(<BudgetCard />)

    expect(await screen.findByText('Spent this month: $8.12 · today: $0.25')).toBeInTheDocument()
    await userEvent.type(screen.getByLabelText('Monthly limit (USD)'), '10')
    await userEvent.clear(screen.getByLabelText('Alert at (% of a limit)'))
    await userEvent.type(screen.getByLabelText('Alert at (% of a limit)'), '75, 100')
    await userEvent.selectOptions(screen.getByLabelText('At the cap'), 'cheaper_model')
    await userEvent.type(screen.getByLabelText('Cheaper model'), 'gpt-4o-mini')
    await userEvent.click(screen.getByRole('button', { name: 'Save budget' }))

    expect(await screen.findByText('Budget saved.')).toBeInTheDocument()
    expect(api.requests.find((r) => r.method === 'PATCH')).toMatchObject({
      path: '/api/v1/billing/budget',
      body: { monthlyLimitMicros: 10_000_000, dailyLimitMicros: null, alertThresholds: [75, 100], hardCap: true,
        atCap: 'cheaper_model', capModel: 'gpt-4o-mini', capMessage: null },
    })
  })

  it('edits a bot\'s own budget and shows the API\'s field errors next to their fields', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(route('GET', '/api/v1/bots/b1/budget', 200, { ...none, botId: 'b1' }),
      route('PATCH', '/api/v1/bots/b1/budget', 400, validationFailed({ dailyLimitMicros: 'must be greater than or equal to 1' })))
    renderWithProviders(<BudgetCard botId="b1" />)

    const form = await screen.findByRole('form', { name: 'LLM budget of this bot' })
    await userEvent.type(within(form).getByLabelText('Daily limit (USD)'), '0')
    await userEvent.click(within(form).getByRole('button', { name: 'Save budget' }))

    expect(await screen.findByText('must be greater than or equal to 1')).toBeInTheDocument()
    expect(api.requests.filter((r) => r.method === 'PATCH').map((r) => r.path)).toEqual(['/api/v1/bots/b1/budget'])
  })

  it('without a hard cap asks nothing about the cap', async () => {
    sessionStore.write(tokens())
    fakeApi(route('GET', '/api/v1/billing/budget', 200, { ...none, hardCap: false }))
    renderWithProviders(<BudgetCard />)

    expect(await screen.findByLabelText('Stop LLM calls at the limit (hard cap)')).not.toBeChecked()
    expect(screen.queryByLabelText('At the cap')).not.toBeInTheDocument()
  })
})
