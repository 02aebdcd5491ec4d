import { afterEach, describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18n from '../../i18n'
import { sessionStore } from '../../api/session'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { workspace } from '../../test/inboxFixtures'
import { renderApp } from '../../test/render'

const list = (...items: object[]) => ({ items, nextCursor: null })
const member = (userId: string, displayName: string, role = 'agent') => ({ tenantId: 't1', userId, role, email: `${userId}@example.com`, displayName, createdAt: '2026-11-20T10:00:00Z' })
const members = route('GET', /^\/api\/v1\/members/, 200, list(member('u1', 'Ann', 'admin'), member('u2', 'Ben'), member('u3', 'Vic', 'viewer')))
const team = (id: string, name: string, memberIds: string[]) => ({ id, name, memberIds, createdAt: '2026-11-20T10:00:00Z', updatedAt: '2026-11-20T10:00:00Z' })

afterEach(() => { void i18n.changeLanguage('en') })

describe('the teams page', () => {
  it('lets an admin create a team from the members who answer conversations', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(...workspace('admin'), members,
      route('GET', /^\/api\/v1\/teams/, 200, list(team('tb', 'Night shift', ['u2']))),
      route('POST', '/api/v1/teams', 201, team('tl', 'LINE 客服', ['u1'])))
    renderApp('/settings/teams')

    const nightShift = await screen.findByText('Night shift')
    expect(await within(nightShift.closest('li')!).findByText('Ben')).toBeInTheDocument()
    expect(screen.queryByRole('checkbox', { name: 'Vic' })).not.toBeInTheDocument()
    await userEvent.type(screen.getByRole('textbox', { name: 'Name' }), 'LINE 客服')
    await userEvent.click(screen.getByRole('checkbox', { name: 'Ann' }))
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(api.requests).toContainEqual(expect.objectContaining({
      method: 'POST', path: '/api/v1/teams', body: { name: 'LINE 客服', memberIds: ['u1'] } })))
  })

  it('shows agents the teams, in Traditional Chinese too, without the form', async () => {
    sessionStore.write(tokens())
    await i18n.changeLanguage('zh-Hant')
    fakeApi(...workspace('agent'), members, route('GET', /^\/api\/v1\/teams/, 200, list(team('tb', '客服一組', []))))
    renderApp('/settings/teams')

    expect(await screen.findByText('客服一組')).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: '團隊' })).toBeInTheDocument()
    expect(screen.getByText('沒有成員')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '儲存' })).not.toBeInTheDocument()
  })
})
