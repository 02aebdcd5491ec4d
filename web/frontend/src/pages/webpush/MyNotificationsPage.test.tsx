import { describe, expect, it } from 'vitest'
import { act, screen, within } from '@testing-library/react'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { sessionStore } from '../../api/session'
import i18n from '../../i18n'

const me = route('GET', '/api/v1/me', 200, {
  user: { id: 'u1', email: 'owner@example.com' }, activeTenantId: 't1',
  memberships: [{ tenantId: 't1', tenantName: 'Acme Coffee', role: 'owner' }],
})

describe('Your notifications', () => {
  it('is a settings page with this device, the open tab and email', async () => {
    sessionStore.write(tokens())
    fakeApi(me, route('GET', /^\/api\/v1\//, 200, { items: [] }))

    renderApp('/settings/notifications')

    expect(await screen.findByRole('heading', { level: 1, name: 'Your notifications' })).toBeInTheDocument()
    const device = screen.getByRole('region', { name: 'This device' })
    expect(await within(device).findByText(/This browser cannot receive notifications/)).toBeInTheDocument() // jsdom: no Push API
    expect(within(screen.getByRole('region', { name: 'While Parley is open in a tab' }))
      .getByRole('checkbox', { name: 'Sound' })).toBeInTheDocument()
    expect(screen.getByText(/also emailed to owner@example.com/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Your notifications' })).toHaveAttribute('href', '/settings/notifications')
  })

  it('speaks Traditional Chinese', async () => {
    sessionStore.write(tokens())
    fakeApi(me, route('GET', /^\/api\/v1\//, 200, { items: [] }))
    await act(() => i18n.changeLanguage('zh-Hant'))
    try {
      renderApp('/settings/notifications')
      expect(await screen.findByRole('heading', { level: 1, name: '我的通知' })).toBeInTheDocument()
      expect(screen.getByRole('region', { name: '此裝置' })).toBeInTheDocument()
    } finally {
      await act(() => i18n.changeLanguage('en'))
    }
  })
})
