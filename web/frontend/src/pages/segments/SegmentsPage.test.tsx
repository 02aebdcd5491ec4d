import { describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { sessionStore } from '../../api/session'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { workspace } from '../../test/inboxFixtures'
import { renderApp } from '../../test/render'

const segment = { id: 's1', name: 'VIPs on LINE', definition: { tags: { any: ['vip'] }, channelTypes: ['line'] },
  createdAt: '2026-12-07T08:00:00Z', updatedAt: '2026-12-07T08:00:00Z' }

describe('segments', () => {
  it('counts the audience live as conditions are typed, then saves the definition', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(...workspace('admin'),
      (r) => (r.method === 'POST' && r.path === '/api/v1/segments/preview'
        ? { status: 200, body: JSON.stringify(r.body).includes('vip')
          ? { matching: 12, reachable: 9, sample: [] } : { matching: 40, reachable: 31, sample: [] } }
        : undefined),
      route('POST', '/api/v1/segments', 201, segment),
      route('GET', /^\/api\/v1\/segments\?/, 200, { items: [], nextCursor: null }))
    renderApp('/segments')
    expect(await screen.findByText('40 contacts match, 31 can be reached')).toBeInTheDocument()

    await userEvent.type(screen.getByRole('textbox', { name: 'Has any of these tags' }), 'vip')
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Channel' }), 'line')

    expect(await screen.findByText('12 contacts match, 9 can be reached')).toBeInTheDocument()
    await userEvent.type(screen.getByRole('textbox', { name: 'Name' }), 'VIPs on LINE')
    await userEvent.click(screen.getByRole('button', { name: 'Save segment' }))
    await waitFor(() => expect(api.requests.find((r) => r.method === 'POST' && r.path === '/api/v1/segments')?.body)
      .toEqual({ name: 'VIPs on LINE', definition: { tags: { any: ['vip'] }, channelTypes: ['line'] } }))
  })
})
