import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { sessionStore } from '../../api/session'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { contact, conversation, workspace } from '../../test/inboxFixtures'
import { renderApp } from '../../test/render'

const page = (...items: object[]) => ({ items, nextCursor: null })
const LIST = /^\/api\/v1\/contacts(\?|$)/

describe('contacts', () => {
  it('searches by name with the API\'s q and shows who matched', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(...workspace(),
      (r) => (r.method === 'GET' && LIST.test(r.path)
        ? { status: 200, body: decodeURIComponent(r.path).includes('q=小明') ? page(contact()) : page(contact(), contact({ id: 'k2', displayName: 'Mei' })) }
        : undefined))
    renderApp('/contacts')
    expect(await screen.findByRole('link', { name: 'Mei' })).toBeInTheDocument()

    await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), '小明')

    await waitFor(() => expect(screen.queryByRole('link', { name: 'Mei' })).not.toBeInTheDocument())
    expect(await screen.findByRole('link', { name: '陳小明' })).toHaveAttribute('href', '/contacts/k1')
    const searches = api.requests.filter((r) => LIST.test(r.path)).map((r) => decodeURIComponent(r.path))
    expect(searches.at(-1)).toBe('/api/v1/contacts?q=小明')
    expect(searches.filter((s) => s.includes('q=')).length).toBe(1) // one request per pause in typing, not per key
  })

  it('narrows the list to one tier', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(...workspace(),
      (r) => (r.method === 'GET' && LIST.test(r.path)
        ? { status: 200, body: r.path.includes('tier=premium') ? page(contact({ tier: 'premium' })) : page(contact(), contact({ id: 'k2', displayName: 'Mei' })) }
        : undefined))
    renderApp('/contacts')
    expect(await screen.findByRole('link', { name: 'Mei' })).toBeInTheDocument()

    await userEvent.type(screen.getByRole('textbox', { name: 'Tier' }), 'Premium{Enter}')

    await waitFor(() => expect(screen.queryByRole('link', { name: 'Mei' })).not.toBeInTheDocument())
    expect(api.requests.filter((r) => LIST.test(r.path)).at(-1)?.path).toBe('/api/v1/contacts?tier=premium')
  })

  it('says when nothing matches the search', async () => {
    sessionStore.write(tokens())
    fakeApi(...workspace(), route('GET', LIST, 200, page()))
    renderApp('/contacts?q=nobody')

    expect(await screen.findByText('No contacts match "nobody"')).toBeInTheDocument()
  })

  it('saves attribute changes as a merge patch: changed and new keys, removed keys as null', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(...workspace(),
      route('PATCH', '/api/v1/contacts/k1', 200, contact({ attributes: { nickname: 'Mei', zodiac: 'leo' }, updatedAt: '2026-11-21T09:00:00Z' })),
      route('GET', /^\/api\/v1\/conversations\?contactId=k1/, 200, page(conversation())))
    renderApp('/contacts/k1')
    const panel = await screen.findByRole('region', { name: 'Contact' })

    const values = within(panel).getAllByLabelText('Value')
    await userEvent.clear(values[0])
    await userEvent.type(values[0], 'Mei')
    await userEvent.click(within(panel).getByRole('button', { name: 'Remove attribute orderNo' }))
    await userEvent.click(within(panel).getByRole('button', { name: 'Add attribute' }))
    await userEvent.type(within(panel).getAllByLabelText('Key').at(-1)!, 'zodiac')
    await userEvent.type(within(panel).getAllByLabelText('Value').at(-1)!, 'leo')
    await userEvent.click(within(panel).getByRole('button', { name: 'Save contact' }))

    expect(await within(panel).findByText('Saved.')).toBeInTheDocument()
    expect(api.requests.find((r) => r.method === 'PATCH')?.body).toEqual({ attributes: { nickname: 'Mei', orderNo: null, zodiac: 'leo' } })
  })

  it('puts the server\'s complaint about an attribute next to it', async () => {
    sessionStore.write(tokens())
    fakeApi(...workspace(),
      route('PATCH', '/api/v1/contacts/k1', 400, {
        type: 'https://parley.dev/problems/validation-failed', title: 'Validation failed', status: 400,
        detail: 'attributes.nickname: at most 1000 characters', errors: [{ field: 'attributes.nickname', message: 'at most 1000 characters' }],
      }),
      route('GET', /^\/api\/v1\/conversations\?contactId=k1/, 200, page()))
    renderApp('/contacts/k1')
    const panel = await screen.findByRole('region', { name: 'Contact' })

    await userEvent.type(within(panel).getAllByLabelText('Value')[0], '!')
    await userEvent.click(within(panel).getByRole('button', { name: 'Save contact' }))

    await waitFor(() => expect(within(panel).getAllByLabelText('Key')[0]).toHaveAccessibleDescription('at most 1000 characters'))
  })

  it('links to the contact\'s conversations and creates a setup link to copy', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(...workspace(),
      route('GET', /^\/api\/v1\/conversations\?contactId=k1/, 200, page(conversation())),
      route('POST', '/api/v1/contacts/k1/setup-link', 201, {
        url: 'https://parley.example.com/setup/pst_abc', token: 'pst_abc', expiresAt: '2026-11-22T21:00:00Z',
      }))
    renderApp('/contacts/k1')

    expect(await screen.findByRole('link', { name: 'Lumi · Lumi on LINE' })).toHaveAttribute('href', '/inbox/c1')
    await userEvent.click(screen.getByRole('button', { name: 'Create setup link' }))

    expect(await screen.findByLabelText('Setup link')).toHaveTextContent('https://parley.example.com/setup/pst_abc')
    expect(api.requests).toContainEqual(expect.objectContaining({ method: 'POST', path: '/api/v1/contacts/k1/setup-link' }))
  })
})
