import { afterEach, describe, expect, it } from 'vitest'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { meRoute, signIn } from '../../test/signedIn'
import { sampleBot } from '../bots/sampleBot'

const page = (...items: object[]) => ({ items, nextCursor: null })
const channel = (id: string, testOnly: boolean) => ({ id, botId: 'b1', type: 'web', name: null, testOnly, health: 'healthy' })
const member = (userId: string) => ({ tenantId: 't1', userId, role: 'owner', email: `${userId}@example.com`, displayName: userId, createdAt: '2026-11-20T10:00:00Z' })
const demoBot = () => sampleBot({ llm: { ...sampleBot().llm, model: null, apiKeySet: false, answeredBy: 'demo' } })
const plan = (id: string, monthlyPriceCents: number) => ({ id, name: id, monthlyPriceCents, currency: 'usd', purchasable: true, features: [] })
const billing = (planId: string, monthlyPriceCents: number, subscription: object | null = null) =>
  route('GET', '/api/v1/billing', 200, { plan: plan(planId, monthlyPriceCents), subscription,
    usage: { periodStart: '2026-12-01T00:00:00Z', periodEnd: '2027-01-01T00:00:00Z', items: [] }, invoices: [] })
const billingNotConfigured = route('GET', '/api/v1/billing', 503, {
  type: 'https://parley.dev/problems/billing-not-configured', title: 'Billing is not configured', status: 503 })

afterEach(() => localStorage.clear())

async function checklistSteps() {
  const checklist = await screen.findByRole('region', { name: 'Get started' })
  return { checklist, steps: await within(checklist).findAllByRole('listitem') }
}

describe('the first-run checklist', () => {
  it('ticks what is done and points to the next step, in the order bot, channel, test chat, LLM key, invite, billing', async () => {
    signIn()
    fakeApi(meRoute,
      route('GET', /^\/api\/v1\/bots(\?|$)/, 200, page(demoBot())),
      route('GET', /^\/api\/v1\/bots\/b1\/channels/, 200, page(channel('c9', true))),
      route('GET', /^\/api\/v1\/conversations\?/, 200, page({ id: 'x' })),
      route('GET', /^\/api\/v1\/members/, 200, page(member('u1'))),
      route('GET', '/api/v1/invitations', 200, page()),
      billing('free', 0))
    renderApp('/bots')

    const { checklist, steps } = await checklistSteps()
    expect(within(checklist).getByText('2 of 6 done')).toBeInTheDocument()
    expect(steps.map((s) => s.querySelector('strong')?.textContent)).toEqual([
      'Create a bot', 'Connect a channel', 'Talk to it in the test chat', 'Connect an LLM key', 'Invite a teammate', 'Choose a plan'])
    expect(steps[0]).toHaveTextContent(/^Create a bot.*Done$/)
    expect(within(steps[1]).getByRole('link', { name: 'Add a channel' })).toHaveAttribute('href', '/bots/b1/channels')
    expect(steps[2]).toHaveTextContent('Done') // the test chat has a conversation
    expect(within(steps[3]).getByRole('link', { name: 'Set the LLM' })).toHaveAttribute('href', '/bots/b1') // the demo LLM answers
    expect(within(steps[4]).getByRole('link', { name: 'Invite' })).toHaveAttribute('href', '/settings/members')
    expect(within(steps[5]).getByRole('link', { name: 'See plans' })).toHaveAttribute('href', '/billing') // the free base plan

    await userEvent.click(within(checklist).getByRole('button', { name: 'Hide' }))
    expect(screen.queryByRole('region', { name: 'Get started' })).not.toBeInTheDocument()
    expect(localStorage.getItem('parley.onboarding.hidden')).toBe('1')
  })

  it('counts the LLM key as connected when the platform LLM answers, and billing as done with a subscription', async () => {
    signIn()
    const platformBot = sampleBot({ llm: { ...sampleBot().llm, model: null, apiKeySet: false, answeredBy: 'platform' } })
    fakeApi(meRoute,
      route('GET', /^\/api\/v1\/bots(\?|$)/, 200, page(platformBot)),
      route('GET', /^\/api\/v1\/bots\/b1\/channels/, 200, page()),
      route('GET', /^\/api\/v1\/members/, 200, page(member('u1'))),
      route('GET', '/api/v1/invitations', 200, page()),
      billing('free', 0, { status: 'trialing', planId: 'pro', stripe: false, cancelAtPeriodEnd: false }))
    renderApp('/bots')

    const { checklist, steps } = await checklistSteps()
    expect(within(checklist).getByText('3 of 6 done')).toBeInTheDocument()
    expect(steps[3]).toHaveTextContent(/^Connect an LLM key.*Done$/)
    expect(steps[5]).toHaveTextContent(/^Choose a plan.*Done$/)
  })

  it('counts billing as done on a plan that costs something', async () => {
    signIn()
    fakeApi(meRoute,
      route('GET', /^\/api\/v1\/bots(\?|$)/, 200, page()),
      route('GET', /^\/api\/v1\/members/, 200, page(member('u1'))),
      route('GET', '/api/v1/invitations', 200, page()),
      billing('pro', 2900))
    renderApp('/bots')

    const { steps } = await checklistSteps()
    expect(steps[3]).not.toHaveTextContent('Done') // no bot, so nothing answers with a real LLM
    expect(steps[5]).toHaveTextContent(/^Choose a plan.*Done$/)
  })

  it('leaves billing out when this Parley has no billing', async () => {
    signIn()
    fakeApi(meRoute,
      route('GET', /^\/api\/v1\/bots(\?|$)/, 200, page(sampleBot())),
      route('GET', /^\/api\/v1\/bots\/b1\/channels/, 200, page()),
      route('GET', /^\/api\/v1\/members/, 200, page(member('u1'))),
      route('GET', '/api/v1/invitations', 200, page()),
      billingNotConfigured)
    renderApp('/bots')

    const { checklist, steps } = await checklistSteps()
    expect(within(checklist).getByText('2 of 5 done')).toBeInTheDocument()
    expect(steps.at(-1)).toHaveTextContent(/^Invite a teammate/)
    expect(within(checklist).queryByText('Choose a plan')).not.toBeInTheDocument()
  })

  it('goes away once every step is done', async () => {
    signIn()
    fakeApi(meRoute,
      route('GET', /^\/api\/v1\/bots(\?|$)/, 200, page(sampleBot())),
      route('GET', /^\/api\/v1\/bots\/b1\/channels/, 200, page(channel('c1', false), channel('c9', true))),
      route('GET', /^\/api\/v1\/conversations\?/, 200, page({ id: 'x' })),
      route('GET', /^\/api\/v1\/members/, 200, page(member('u1'), member('u2'))),
      billing('pro', 2900, { status: 'active', planId: 'pro', stripe: true, cancelAtPeriodEnd: false }))
    renderApp('/bots')

    expect(await screen.findByRole('link', { name: /^Lumi/ })).toBeInTheDocument()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(screen.queryByRole('region', { name: 'Get started' })).not.toBeInTheDocument()
  })
})
