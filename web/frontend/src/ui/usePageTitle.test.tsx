import { afterEach, describe, expect, it } from 'vitest'
import { screen } from '@testing-library/react'
import { fakeApi, route } from '../test/fakeApi'
import { renderApp } from '../test/render'
import { meRoute, signIn } from '../test/signedIn'

afterEach(() => { document.title = 'Parley' })

describe('page titles', () => {
  it('names the tab after the page, signed in or not', async () => {
    fakeApi()
    renderApp('/signin')
    expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument()
    expect(document.title).toBe('Sign in to Parley · Parley')
  })

  it('names a signed-in page after its header', async () => {
    signIn()
    fakeApi(meRoute, route('GET', /^\/api\/v1\/members/, 200, { items: [], nextCursor: null }),
      route('GET', /^\/api\/v1\/invitations/, 200, { items: [], nextCursor: null }),
      route('GET', /^\/api\/v1\/conversations\/counts/, 200, { waiting: 0, waitingMine: 0, waitingUnassigned: 0 }))
    renderApp('/settings/members')
    await screen.findByRole('heading', { level: 1, name: 'Members' })
    expect(document.title).toBe('Members · Parley')
  })
})
