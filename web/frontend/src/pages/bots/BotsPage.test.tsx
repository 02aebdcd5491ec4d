import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { meRoute, signIn } from '../../test/signedIn'
import { sampleBot } from './sampleBot'

describe('bots list', () => {
  it('shows each bot with its status and links to its page', async () => {
    signIn()
    fakeApi(meRoute, route('GET', /^\/api\/v1\/bots(\?|$)/, 200, { items: [sampleBot(), sampleBot({ id: 'b2', name: 'Kiko', status: 'paused' })], nextCursor: null }))
    renderApp('/bots')

    const kiko = await screen.findByRole('link', { name: /^Kiko/ })
    expect(kiko).toHaveAttribute('href', '/bots/b2')
    expect(kiko).toHaveTextContent('Paused')
    expect(screen.getByRole('link', { name: /^Lumi/ })).toHaveTextContent('Active')
  })

  it('marks a bot that runs on the demo LLM and names the platform default instead of "—"', async () => {
    signIn()
    const demo = sampleBot({ id: 'b3', name: 'Newbie', llm: { ...sampleBot().llm, model: null, apiKeySet: false, answeredBy: 'demo' } })
    const platform = sampleBot({ id: 'b4', name: 'Shared', llm: { ...sampleBot().llm, model: null, apiKeySet: false, answeredBy: 'platform' } })
    fakeApi(meRoute, route('GET', /^\/api\/v1\/bots(\?|$)/, 200, { items: [demo, platform], nextCursor: null }))
    renderApp('/bots')

    expect(await screen.findByRole('link', { name: /^Newbie/ })).toHaveTextContent('Demo LLM')
    expect(screen.getByRole('link', { name: /^Shared/ })).toHaveTextContent('Model: platform default')
    expect(screen.getByRole('link', { name: /^Shared/ })).not.toHaveTextContent('Demo LLM')
  })

  it('creates a bot from the empty state and opens its page', async () => {
    signIn()
    const api = fakeApi(meRoute,
      route('GET', /^\/api\/v1\/bots(\?|$)/, 200, { items: [], nextCursor: null }),
      route('POST', '/api/v1/bots', 201, sampleBot({ id: 'b9', name: 'Mochi' })),
      route('GET', '/api/v1/bots/b9', 200, sampleBot({ id: 'b9', name: 'Mochi' })))
    const { router } = renderApp('/bots')

    expect(await screen.findByText('No bots yet')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'New bot' }))
    const dialog = screen.getByRole('dialog', { name: 'New bot' })
    await userEvent.type(within(dialog).getByLabelText('Name'), 'Mochi')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create bot' }))

    await waitFor(() => expect(router.state.location.pathname).toBe('/bots/b9'))
    expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({ name: 'Mochi' })
    expect(await screen.findByRole('heading', { name: 'Mochi' })).toBeInTheDocument()
    const sections = screen.getByRole('navigation', { name: 'Bot sections' })
    expect(within(sections).getByRole('link', { name: 'Channels' })).toHaveAttribute('href', '/bots/b9/channels')
  })

  it('shows the plan limit problem in the dialog', async () => {
    signIn()
    fakeApi(meRoute,
      route('GET', /^\/api\/v1\/bots(\?|$)/, 200, { items: [], nextCursor: null }),
      route('POST', '/api/v1/bots', 402, { type: 'https://parley.dev/problems/plan-limit-reached', title: 'Plan limit reached', status: 402,
        detail: 'Your plan allows 1 bot. Upgrade to add more.' }))
    renderApp('/bots')

    await userEvent.click(await screen.findByRole('button', { name: 'New bot' }))
    const dialog = screen.getByRole('dialog', { name: 'New bot' })
    await userEvent.type(within(dialog).getByLabelText('Name'), 'Second')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create bot' }))

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Your plan allows 1 bot. Upgrade to add more.')
  })
})
