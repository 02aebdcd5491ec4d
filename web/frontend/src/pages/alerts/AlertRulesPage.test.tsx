import { describe, expect, it, vi } from 'vitest'
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { renderApp, renderWithProviders } from '../../test/render'
import { sessionStore } from '../../api/session'
import i18n from '../../i18n'
import { NotificationBell } from '../notifications/NotificationBell'

const me = (role: string) => route('GET', '/api/v1/me', 200, { memberships: [{ tenantId: 't1', tenantName: 'Acme Coffee', role }] })
const cost = {
  id: 'r1', kind: 'llm_daily_cost', enabled: true, costMicros: 12_500_000, failurePercent: null, windowMinutes: null,
  minCalls: null, waitMinutes: null, createdAt: '2026-12-07T08:00:00Z', updatedAt: '2026-12-07T08:00:00Z',
}
const waiting = { ...cost, id: 'r2', kind: 'handoff_waiting', costMicros: null, waitMinutes: 10, enabled: false }
const list = (items: unknown[]) => route('GET', /^\/api\/v1\/alert-rules(\?|$)/, 200, { items, nextCursor: null })

describe('Alerts page', () => {
  it('lists the rules with their conditions', async () => {
    sessionStore.write(tokens())
    fakeApi(me('owner'), list([cost, waiting]))
    renderApp('/settings/alerts')

    expect(await screen.findByRole('cell', { name: 'Daily LLM cost is high' })).toBeInTheDocument()
    expect(screen.getByRole('cell', { name: 'Above 12.50 USD in a day (your workspace\'s time zone)' })).toBeInTheDocument()
    expect(screen.getByRole('cell', { name: 'No reply after 10 minutes' })).toBeInTheDocument()
    expect(screen.getByRole('checkbox', { name: 'Alert "A contact waits for a person" on' })).not.toBeChecked()
  })

  it('adds a failure-rate alert with only that kind\'s thresholds', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(me('admin'), list([]), route('POST', '/api/v1/alert-rules', 201, { ...cost, kind: 'llm_failure_rate' }))
    renderApp('/settings/alerts')
    expect(await screen.findByText('No alerts yet.')).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Add alert' }))
    const dialog = screen.getByRole('dialog', { hidden: true })
    await userEvent.selectOptions(within(dialog).getByLabelText('Alert when'), 'llm_failure_rate')
    const percent = within(dialog).getByLabelText('Failed calls above (%)')
    await userEvent.clear(percent)
    await userEvent.type(percent, '30')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add alert', hidden: true }))

    await waitFor(() => expect(api.requests.find((r) => r.method === 'POST')?.body)
      .toEqual({ kind: 'llm_failure_rate', failurePercent: 30, windowMinutes: 15, minCalls: 20 }))
  })

  it('turns a rule on and deletes one after confirmation', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(me('owner'), list([cost, waiting]),
      route('PATCH', '/api/v1/alert-rules/r2', 200, { ...waiting, enabled: true }),
      route('DELETE', '/api/v1/alert-rules/r1', 204))
    vi.spyOn(window, 'confirm').mockReturnValueOnce(true)
    renderApp('/settings/alerts')

    await userEvent.click(await screen.findByRole('checkbox', { name: 'Alert "A contact waits for a person" on' }))
    await waitFor(() => expect(api.requests.find((r) => r.method === 'PATCH')?.body).toEqual({ enabled: true }))
    await userEvent.click(screen.getAllByRole('button', { name: 'Delete' })[0])
    await waitFor(() => expect(api.requests.some((r) => r.method === 'DELETE' && r.path === '/api/v1/alert-rules/r1')).toBe(true))
  })

  it('shows viewers the rules without the controls to change them', async () => {
    sessionStore.write(tokens())
    fakeApi(me('viewer'), list([cost]))
    renderApp('/settings/alerts')

    expect(await screen.findByText('Only owners and admins change alerts.')).toBeInTheDocument()
    expect(await screen.findByRole('checkbox', { name: 'Alert "Daily LLM cost is high" on' })).toBeDisabled()
    expect(screen.queryByRole('button', { name: 'Add alert' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument()
  })

  it('speaks Traditional Chinese, and the bell translates an alert', async () => {
    sessionStore.write(tokens())
    fakeApi(me('owner'), list([cost]), route('GET', '/api/v1/notifications?limit=20', 200, {
      items: [{ id: 'n1', kind: 'alert.handoff_waiting', severity: 'warning', title: 'English', body: 'English',
        params: { minutes: '10', since: '10:00' }, link: '/inbox/c1', createdAt: '2026-12-07T08:00:00Z', read: false }],
      nextCursor: null, unreadCount: 1 }))
    await act(() => i18n.changeLanguage('zh-Hant'))
    try {
      renderApp('/settings/alerts')
      expect(await screen.findByRole('cell', { name: '單日超過 12.50 USD（依工作區時區）' })).toBeInTheDocument()
      renderWithProviders(<NotificationBell />)
      await userEvent.click((await screen.findAllByRole('button', { name: '通知，1 則未讀' })).at(-1)!)
      expect(screen.getAllByText('聯絡人等待真人已超過 10 分鐘').length).toBeGreaterThan(0)
    } finally {
      await act(() => i18n.changeLanguage('en'))
    }
  })
})
