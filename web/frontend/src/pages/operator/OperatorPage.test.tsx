import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { sessionStore } from '../../api/session'
import i18n from '../../i18n'

const me = (platformAdmin: boolean) => route('GET', '/api/v1/me', 200, {
  user: { id: 'u1', email: 'ops@example.com', emailVerified: true, emailVerificationRequired: false, language: 'en', platformAdmin },
  activeTenantId: 't1', memberships: [{ tenantId: 't1', tenantName: 'Acme Coffee', role: 'owner' }],
})
const tenant = {
  id: 't2', name: 'Bakery', plan: 'free', billingStatus: null, status: 'active', createdAt: '2026-12-01T08:00:00Z',
  members: 3, bots: 1, messagesThisMonth: 1234, llmCostMicrosThisMonth: 0, ownerEmail: 'baker@example.com',
  suspensionReason: null, suspendedAt: null,
}
const health = route('GET', '/api/v1/admin/health', 200, {
  queue: [{ kind: 'inbound.turn', available: 4, scheduled: 0, running: 1, retryable: 0, oldestDueSeconds: 12.4 }],
  queueDepth: 4, oldestJobSeconds: 12.4, llm: null,
  failingChannels: [{ tenantId: 't2', tenantName: 'Bakery', botId: 'b1', channelId: 'c1', type: 'line', name: null,
    detail: 'token revoked', checkedAt: null }],
})
const list = (items: unknown[]) => route('GET', /^\/api\/v1\/admin\/tenants(\?|$)/, 200, { items, nextCursor: null })

describe('Operator page', () => {
  it('lists the tenants with plan, usage and status, and the platform health', async () => {
    sessionStore.write(tokens())
    fakeApi(me(true), list([tenant]), health)
    renderApp('/operator')

    expect(await screen.findByRole('cell', { name: /Bakery/ })).toBeInTheDocument()
    expect(screen.getByRole('cell', { name: '1,234' })).toBeInTheDocument()
    expect(screen.getByText('Active')).toBeInTheDocument()
    expect(await screen.findByText('line channel of Bakery: token revoked')).toBeInTheDocument()
    expect(screen.getByText('12 s', { selector: 'dd' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Operator' })).toBeInTheDocument()
  })

  it('suspends a tenant with a reason', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(me(true), list([tenant]), health,
      route('POST', '/api/v1/admin/tenants/t2/suspension', 200, { ...tenant, status: 'suspended', suspensionReason: 'Unpaid' }))
    renderApp('/operator')

    await userEvent.click(await screen.findByRole('button', { name: 'Suspend' }))
    const dialog = screen.getByRole('dialog', { hidden: true })
    await userEvent.type(within(dialog).getByLabelText('Reason'), 'Unpaid')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Suspend workspace', hidden: true }))

    await waitFor(() => expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({ reason: 'Unpaid' }))
  })

  it('resumes a suspended tenant and says how many messages wait for an answer', async () => {
    sessionStore.write(tokens())
    const suspended = { ...tenant, status: 'suspended', suspensionReason: 'Unpaid' }
    fakeApi(me(true), list([suspended]), health,
      route('DELETE', '/api/v1/admin/tenants/t2/suspension', 200, { tenant, heldTurnsQueued: 2, heldJobsQueued: 1 }))
    renderApp('/operator')

    expect(await screen.findByText('Suspended: Unpaid')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Resume' }))

    expect(await screen.findByText('Bakery resumed; 2 waiting messages are being answered, 1 held sends (broadcasts, '
      + 'triggers) go out.')).toBeInTheDocument()
  })

  it('creates a read-only token to look at a tenant', async () => {
    sessionStore.write(tokens())
    fakeApi(me(true), list([tenant]), health, route('POST', '/api/v1/admin/tenants/t2/impersonation', 200,
      { accessToken: 'eyJ.readonly', tokenType: 'Bearer', expiresIn: 600, tenantId: 't2', readOnly: true }))
    renderApp('/operator')

    await userEvent.click(await screen.findByRole('button', { name: 'Look (read-only)' }))
    const dialog = screen.getByRole('dialog', { hidden: true })
    await userEvent.type(within(dialog).getByLabelText('Reason'), 'Ticket 42')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create read-only token', hidden: true }))

    expect(await within(dialog).findByText('eyJ.readonly')).toBeInTheDocument()
    expect(within(dialog).getByText('Valid for 10 minutes; it cannot be refreshed.')).toBeInTheDocument()
  })

  it('grants credit in cents with an idempotency key and shows what is left', async () => {
    sessionStore.write(tokens())
    const grant = { id: 'g1', amount: 2550, currency: 'usd', reason: 'Outage', grantedBy: 'operator ops@example.com',
      stripeTransactionId: 'cbtxn_1', createdAt: '2026-12-07T08:00:00Z' }
    let granted = false
    const api = fakeApi(me(true), list([tenant]), health,
      (r) => r.method === 'GET' && r.path === '/api/v1/admin/tenants/t2/credits'
        ? { status: 200, body: granted ? { remaining: 2550, currency: 'usd', grants: [grant] } : { remaining: null, currency: null, grants: [] } }
        : undefined,
      (r) => {
        if (r.method !== 'POST' || r.path !== '/api/v1/admin/tenants/t2/credits') return undefined
        granted = true
        return { status: 201, body: { grant, remaining: 2550 } }
      })
    renderApp('/operator')

    await userEvent.click(await screen.findByRole('button', { name: 'Credit' }))
    const dialog = screen.getByRole('dialog', { hidden: true })
    expect(await within(dialog).findByText(/No Stripe balance to show/)).toBeInTheDocument()
    await userEvent.type(within(dialog).getByLabelText('Amount (USD)'), '25.50')
    await userEvent.type(within(dialog).getByLabelText('Reason'), 'Outage')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Grant credit', hidden: true }))

    expect(await within(dialog).findByText('$25.50 granted.')).toBeInTheDocument()
    const post = api.requests.find((r) => r.method === 'POST')
    expect(post?.body).toEqual({ amount: 2550, reason: 'Outage' })
    expect(post?.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/)
    expect(await within(dialog).findByText('Credit left on its Stripe customer: $25.50')).toBeInTheDocument()
  })

  it('changes a tenant\'s plan to one of the catalogue', async () => {
    sessionStore.write(tokens())
    const plan = (id: string, name: string) => ({ id, name, monthlyPriceCents: 0, currency: 'usd', features: [], purchasable: false })
    const api = fakeApi(me(true), list([tenant]), health,
      route('GET', '/api/v1/plans', 200, [plan('free', 'Free'), plan('pro', 'Pro')]),
      route('PUT', '/api/v1/admin/tenants/t2/plan', 200, { ...tenant, plan: 'pro' }))
    renderApp('/operator')

    await userEvent.click(await screen.findByRole('button', { name: 'Change plan' }))
    const dialog = screen.getByRole('dialog', { hidden: true })
    await userEvent.selectOptions(await within(dialog).findByLabelText('Plan'), 'pro')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save plan', hidden: true }))

    await waitFor(() => expect(api.requests.find((r) => r.method === 'PUT')?.body).toEqual({ planId: 'pro' }))
  })

  it('shows no Operator link to someone who is not a platform admin', async () => {
    sessionStore.write(tokens())
    fakeApi(me(false), route('GET', /^\/api\/v1\/conversations/, 200, { items: [], nextCursor: null }))
    renderApp('/settings/alerts')

    expect(await screen.findByRole('link', { name: 'Alerts' })).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: 'Operator' })).not.toBeInTheDocument()
  })

  it('speaks Traditional Chinese', async () => {
    await i18n.changeLanguage('zh-Hant')
    sessionStore.write(tokens())
    fakeApi(me(true), list([tenant]), health)
    renderApp('/operator')

    expect(await screen.findByRole('heading', { name: '營運管理' })).toBeInTheDocument()
    expect(await screen.findByText('使用中')).toBeInTheDocument()
    await i18n.changeLanguage('en')
  })
})
