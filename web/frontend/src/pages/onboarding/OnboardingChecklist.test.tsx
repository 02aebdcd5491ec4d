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

afterEach(() => localStorage.clear())

describe('the first-run checklist', () => {
  it('ticks what is done and points to the next step', async () => {
    signIn()
    fakeApi(meRoute,
      route('GET', /^\/api\/v1\/bots(\?|$)/, 200, page(sampleBot())),
      route('GET', /^\/api\/v1\/bots\/b1\/channels/, 200, page(channel('c9', true))),
      route('GET', /^\/api\/v1\/conversations\?/, 200, page({ id: 'x' })),
      route('GET', /^\/api\/v1\/members/, 200, page(member('u1'))),
      route('GET', '/api/v1/invitations', 200, page()))
    renderApp('/bots')

    const checklist = await screen.findByRole('region', { name: 'Get started' })
    expect(within(checklist).getByText('2 of 4 done')).toBeInTheDocument()
    const steps = within(checklist).getAllByRole('listitem')
    expect(steps[0]).toHaveTextContent(/^Create a bot.*Done$/)
    expect(within(steps[1]).getByRole('link', { name: 'Add a channel' })).toHaveAttribute('href', '/bots/b1/channels')
    expect(steps[2]).toHaveTextContent('Done') // the test chat has a conversation
    expect(within(steps[3]).getByRole('link', { name: 'Invite' })).toHaveAttribute('href', '/settings/members')

    await userEvent.click(within(checklist).getByRole('button', { name: 'Hide' }))
    expect(screen.queryByRole('region', { name: 'Get started' })).not.toBeInTheDocument()
    expect(localStorage.getItem('parley.onboarding.hidden')).toBe('1')
  })

  it('goes away once every step is done', async () => {
    signIn()
    fakeApi(meRoute,
      route('GET', /^\/api\/v1\/bots(\?|$)/, 200, page(sampleBot())),
      route('GET', /^\/api\/v1\/bots\/b1\/channels/, 200, page(channel('c1', false), channel('c9', true))),
      route('GET', /^\/api\/v1\/conversations\?/, 200, page({ id: 'x' })),
      route('GET', /^\/api\/v1\/members/, 200, page(member('u1'), member('u2'))))
    renderApp('/bots')

    expect(await screen.findByRole('link', { name: /^Lumi/ })).toBeInTheDocument()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(screen.queryByRole('region', { name: 'Get started' })).not.toBeInTheDocument()
  })
})
