import { describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { renderApp, renderWithProviders } from '../../test/render'
import { sessionStore } from '../../api/session'
import { ApiProblem } from '../../api/problem'
import { ProblemAlert } from '../../ui'
import { browser } from './browser'

const me = route('GET', '/api/v1/me', 200, { memberships: [{ tenantId: 't1', tenantName: 'Acme Coffee', role: 'owner' }] })
const plan = (id: string, name: string, price: number, maxBots: number | null, purchasable: boolean) => ({
  id, name, monthlyPriceCents: price, currency: 'usd', purchasable, maxBots, maxChannels: null, maxMembers: null,
  maxMessagesPerMonth: null, monthlyLlmBudgetMicros: null, features: [`${name} feature`],
})
const free = plan('free', 'Free', 0, 1, false)
const pro = plan('pro', 'Pro', 2900, 5, true)
const business = plan('business', 'Business', 9900, null, true)
const plans = route('GET', '/api/v1/plans', 200, [free, pro, business])

const usage = {
  periodStart: '2026-12-01T00:00:00Z', periodEnd: '2027-01-01T00:00:00Z',
  items: [
    { key: 'bots', used: 3, limit: 5 }, { key: 'channels', used: 2, limit: 10 }, { key: 'members', used: 1, limit: 20 },
    { key: 'messagesPerMonth', used: 1200, limit: 20000 }, { key: 'llmBudgetMicros', used: 1500000, limit: 50000000 },
  ],
}
const billing = (subscription: Record<string, unknown> | null, planBody = pro, invoices: unknown[] | null = []) =>
  route('GET', '/api/v1/billing', 200, { plan: planBody, subscription, usage, invoices })
const trial = { status: 'trialing', planId: 'pro', stripe: false, trialEnd: '2026-12-21T00:00:00Z', cancelAtPeriodEnd: false }
const active = { status: 'active', planId: 'pro', stripe: true, currentPeriodStart: '2026-12-01T00:00:00Z',
  currentPeriodEnd: '2027-01-01T00:00:00Z', cancelAtPeriodEnd: false }

describe('Billing page', () => {
  it('shows the plan in force, the trial end, usage with its numbers and the invoices', async () => {
    sessionStore.write(tokens())
    fakeApi(me, plans, billing(trial, pro, [{ id: 'in_1', number: 'INV-0001', status: 'paid', amountDue: 2900,
      amountPaid: 2900, currency: 'usd', created: '2026-12-01T00:00:00Z', hostedUrl: 'https://invoice.example/1', pdfUrl: null }]))
    renderApp('/billing')

    expect(await screen.findByText(/Your free trial of Pro ends on/)).toBeInTheDocument()
    expect(screen.getByText('3 of 5')).toBeInTheDocument()
    expect(screen.getByText('1,200 of 20,000')).toBeInTheDocument()
    expect(screen.getByText('$1.50 of $50.00')).toBeInTheDocument()
    expect(screen.getByRole('progressbar', { name: 'Bots' })).toHaveAttribute('aria-valuetext', '3 of 5')
    expect(screen.getByRole('cell', { name: 'INV-0001' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'View' })).toHaveAttribute('href', 'https://invoice.example/1')
    expect(within(screen.getByRole('listitem', { name: 'Pro' })).getByText('Current plan')).toBeInTheDocument()
  })

  it('upgrades through Stripe Checkout: the chosen plan is sent and the browser goes to Stripe', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(me, plans, billing(null, free),
      route('POST', '/api/v1/billing/checkout', 200, { url: 'https://checkout.stripe.test/c/pay/cs_1' }))
    const go = vi.spyOn(browser, 'go').mockImplementation(() => {})
    renderApp('/billing')

    await userEvent.click(await screen.findByRole('button', { name: 'Upgrade to Business' }))

    await waitFor(() => expect(go).toHaveBeenCalledWith('https://checkout.stripe.test/c/pay/cs_1'))
    expect(api.requests.find((r) => r.path === '/api/v1/billing/checkout')?.body).toEqual({ planId: 'business' })
  })

  it('a subscribed tenant switches plan after confirming, and never starts a second checkout', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(me, plans, billing(active),
      route('POST', '/api/v1/billing/subscription', 200, { plan: business, subscription: { ...active, planId: 'business' }, usage, invoices: null }))
    vi.spyOn(window, 'confirm').mockReturnValue(true)
    renderApp('/billing')

    await userEvent.click(await screen.findByRole('button', { name: 'Switch to Business' }))

    expect(await screen.findByText('Invoices could not be loaded from Stripe right now.')).toBeInTheDocument()
    expect(api.requests.find((r) => r.path === '/api/v1/billing/subscription')?.body).toEqual({ planId: 'business' })
    expect(api.requests.some((r) => r.path === '/api/v1/billing/checkout')).toBe(false)
    expect(within(screen.getByRole('listitem', { name: 'Business' })).getByText('Current plan')).toBeInTheDocument()
  })

  it('warns of a failed payment with the end of the grace period, and opens the portal', async () => {
    sessionStore.write(tokens())
    fakeApi(me, plans, billing({ ...active, status: 'past_due', graceEndsAt: '2999-01-08T00:00:00Z' }),
      route('POST', '/api/v1/billing/portal', 200, { url: 'https://billing.stripe.test/p/session/1' }))
    const go = vi.spyOn(browser, 'go').mockImplementation(() => {})
    renderApp('/billing')

    expect(await screen.findByText(/Your last payment failed\. Update your payment method before .*2999/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Payment method, invoices and cancellation' }))
    await waitFor(() => expect(go).toHaveBeenCalledWith('https://billing.stripe.test/p/session/1'))
  })

  it('without billing on this Parley it lists the plans without offering to buy them', async () => {
    sessionStore.write(tokens())
    fakeApi(me, plans,
      route('GET', '/api/v1/billing', 503, { type: 'https://parley.dev/problems/billing-not-configured',
        title: 'Billing not configured', status: 503, detail: 'no key' }),
      route('GET', '/api/v1/tenant', 200, { id: 't1', name: 'Acme Coffee', plan: free, usage: { bots: 1, channels: 0, members: 1 } }))
    renderApp('/billing')

    expect(await screen.findByText(/Billing is not set up on this Parley/)).toBeInTheDocument()
    const planList = await screen.findByRole('region', { name: 'Plans' }) // under an h2, as the plans' h3s need
    expect(within(planList).getByRole('heading', { level: 2, name: 'Plans' })).toBeInTheDocument()
    expect(within(planList).getByRole('listitem', { name: 'Business' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Upgrade/ })).not.toBeInTheDocument()
  })

  it('a plan-limit error links to the billing page', async () => {
    sessionStore.write(tokens())
    fakeApi(me)
    renderWithProviders(<ProblemAlert error={new ApiProblem(402, { type: 'https://parley.dev/problems/plan-limit-reached',
      title: 'Plan limit reached', status: 402, detail: 'The Free plan allows 1 bots; upgrade to add more.' })} />)

    expect(await screen.findByRole('link', { name: 'See plans and upgrade' })).toHaveAttribute('href', '/billing')
  })

  it('says so when the plan\'s monthly messages are used up, and shows the LLM budget form', async () => {
    sessionStore.write(tokens())
    const spent = { ...usage, items: usage.items.map((u) => (u.key === 'messagesPerMonth' ? { ...u, used: 20000 } : u)) }
    fakeApi(me, plans, route('GET', '/api/v1/billing', 200, { plan: pro, subscription: active, usage: spent, invoices: [] }),
      route('GET', '/api/v1/billing/budget', 200, { botId: null, monthlyLimitMicros: 5_000_000, dailyLimitMicros: null,
        alertThresholds: [50, 80, 100], hardCap: true, atCap: 'message', capModel: null, capMessage: null,
        spentThisMonthMicros: 0, spentTodayMicros: 0 }))
    renderApp('/billing')

    expect(await screen.findByText(/answered messages for this month are used up/)).toBeInTheDocument()
    expect(await screen.findByLabelText('Monthly limit (USD)')).toHaveValue('5')
  })
})
