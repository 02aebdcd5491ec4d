import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18n from '../../i18n'
import { sessionStore } from '../../api/session'
import { fakeApi, route, tokens, validationFailed } from '../../test/fakeApi'
import { conversation, workspace } from '../../test/inboxFixtures'
import { renderApp } from '../../test/render'

const owner = route('GET', '/api/v1/me', 200, { memberships: [{ tenantId: 't1', tenantName: 'Acme Coffee', role: 'owner' }] })
const billingOff = route('GET', '/api/v1/billing', 503, { type: 'https://parley.dev/problems/billing-not-configured',
  title: 'Billing not configured', status: 503 })
const plans = route('GET', '/api/v1/plans', 200, [])
const tenant = route('GET', '/api/v1/tenant', 200, { id: 't1', name: 'Acme Coffee', plan: { id: 'free', name: 'Free' } })
const webhookUrl = 'https://parley.example/webhooks/stripe/t1'
const unconnected = { configured: false, secretKeyLast4: null, livemode: null, webhookUrl, returnUrl: null, updatedAt: null }
const connected = { configured: true, secretKeyLast4: 'x9Qa', livemode: false, webhookUrl, returnUrl: null,
  updatedAt: '2026-12-07T08:00:00Z' }
const offer = { id: 'o1', name: 'Premium monthly', stripePriceId: 'price_1Q', tier: 'premium',
  placeholder: '{{checkoutUrl:o1}}', createdAt: '2026-12-07T08:00:00Z', updatedAt: '2026-12-07T08:00:00Z' }
const page = (...items: object[]) => ({ items, nextCursor: null })

afterEach(async () => { await i18n.changeLanguage('en') })

describe('Stripe for your contacts', () => {
  it('connects the tenant\'s Stripe account: both secrets are sent, and only the key\'s last 4 characters come back', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(owner, billingOff, plans, tenant,
      route('GET', '/api/v1/premium/stripe-account', 200, unconnected),
      route('GET', '/api/v1/premium/offers', 200, page()),
      route('PUT', '/api/v1/premium/stripe-account', 200, connected))
    renderApp('/billing')
    const section = await screen.findByRole('region', { name: 'Your Stripe account' })

    expect(within(section).getByLabelText('Webhook URL')).toHaveTextContent(webhookUrl)
    expect(await screen.findByText('Connect your Stripe account to add offers.')).toBeInTheDocument()
    await userEvent.type(within(section).getByLabelText(/Secret or restricted key/), 'rk_test_secret_x9Qa')
    await userEvent.type(within(section).getByLabelText(/Webhook signing secret/), 'whsec_abc')
    await userEvent.click(within(section).getByRole('button', { name: 'Connect' }))

    expect(await within(section).findByText('Connected: key ending in x9Qa (test mode)')).toBeInTheDocument()
    expect(api.requests.find((r) => r.method === 'PUT')?.body).toEqual({
      secretKey: 'rk_test_secret_x9Qa', webhookSecret: 'whsec_abc', returnUrl: null })
    expect(screen.queryByDisplayValue('rk_test_secret_x9Qa')).not.toBeInTheDocument()
    expect(screen.queryByText('Connect your Stripe account to add offers.')).not.toBeInTheDocument()
  })

  it('puts Stripe\'s refusal of the key next to the key field', async () => {
    sessionStore.write(tokens())
    fakeApi(owner, billingOff, plans, tenant,
      route('GET', '/api/v1/premium/stripe-account', 200, unconnected),
      route('GET', '/api/v1/premium/offers', 200, page()),
      route('PUT', '/api/v1/premium/stripe-account', 400,
        validationFailed({ secretKey: 'Stripe does not accept this key (HTTP 401)' })))
    renderApp('/billing')
    const section = await screen.findByRole('region', { name: 'Your Stripe account' })

    await userEvent.type(within(section).getByLabelText(/Secret or restricted key/), 'sk_test_wrong')
    await userEvent.type(within(section).getByLabelText(/Webhook signing secret/), 'whsec_abc')
    await userEvent.click(within(section).getByRole('button', { name: 'Connect' }))

    expect(await within(section).findByText('Stripe does not accept this key (HTTP 401)')).toBeInTheDocument()
  })

  it('lists offers with the placeholder to put in messages, and adds one', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(owner, billingOff, plans, tenant,
      route('GET', '/api/v1/premium/stripe-account', 200, connected),
      route('GET', '/api/v1/premium/offers', 200, page(offer)),
      route('POST', '/api/v1/premium/offers', 201, { ...offer, id: 'o2', name: 'Gold', placeholder: '{{checkoutUrl:o2}}' }))
    renderApp('/billing')
    const offers = await screen.findByRole('region', { name: 'Offers' })

    expect(await within(offers).findByText('{{checkoutUrl:o1}}')).toBeInTheDocument()
    await userEvent.type(within(offers).getByLabelText(/^Name/), 'Gold')
    await userEvent.type(within(offers).getByLabelText(/Stripe price id/), 'price_gold')
    await userEvent.clear(within(offers).getByLabelText(/Tier it gives/))
    await userEvent.type(within(offers).getByLabelText(/Tier it gives/), 'gold')
    await userEvent.click(within(offers).getByRole('button', { name: 'Add offer' }))

    await waitFor(() => expect(api.requests.find((r) => r.method === 'POST')?.body)
      .toEqual({ name: 'Gold', stripePriceId: 'price_gold', tier: 'gold' }))
  })

  it('speaks Traditional Chinese', async () => {
    await i18n.changeLanguage('zh-Hant')
    sessionStore.write(tokens())
    fakeApi(owner, billingOff, plans, tenant,
      route('GET', '/api/v1/premium/stripe-account', 200, connected),
      route('GET', '/api/v1/premium/offers', 200, page(offer)))
    renderApp('/billing')

    expect(await screen.findByText('向您的聯絡人販售 Stripe 方案')).toBeInTheDocument()
    expect(await screen.findByText('已連接：金鑰末四碼 x9Qa（測試模式）')).toBeInTheDocument()
  })

  it('shows the contact\'s subscription in the contact panel and makes a checkout link to copy', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(...workspace(),
      route('GET', /^\/api\/v1\/conversations\?contactId=k1/, 200, page(conversation())),
      route('GET', '/api/v1/contacts/k1/subscriptions', 200, page({ stripeSubscriptionId: 'sub_1', offerId: 'o1',
        offerName: 'Premium monthly', status: 'active', tier: 'premium', currentPeriodEnd: '2027-01-07T00:00:00Z',
        cancelAtPeriodEnd: false, updatedAt: '2026-12-07T08:00:00Z' })),
      route('GET', '/api/v1/premium/offers', 200, page(offer)),
      route('POST', '/api/v1/contacts/k1/checkout-links', 201, {
        url: 'https://parley.example/api/v1/public/checkout/pco_abc', expiresAt: '2027-01-06T08:00:00Z' }))
    renderApp('/contacts/k1')
    const subscription = await screen.findByRole('listitem', { name: 'Premium monthly' })

    expect(within(subscription).getByText('Active')).toBeInTheDocument()
    expect(within(subscription).getByText(/Renews on/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Create link' }))

    expect(await screen.findByLabelText('Checkout link')).toHaveTextContent('https://parley.example/api/v1/public/checkout/pco_abc')
    expect(api.requests.find((r) => r.path === '/api/v1/contacts/k1/checkout-links')?.body).toEqual({ offerId: 'o1' })
  })

  it('is not shown to members the API refuses', async () => {
    sessionStore.write(tokens())
    const spy = vi.fn()
    fakeApi(owner, billingOff, plans, tenant, (r) => {
      if (r.path === '/api/v1/premium/stripe-account') {
        spy()
        return { status: 403, body: { type: 'https://parley.dev/problems/forbidden', title: 'Forbidden', status: 403 } }
      }
      return undefined
    })
    renderApp('/billing')

    await waitFor(() => expect(spy).toHaveBeenCalled())
    expect(await screen.findByText(/Billing is not set up/)).toBeInTheDocument()
    expect(screen.queryByText('Stripe for your contacts')).not.toBeInTheDocument()
  })
})
