import { describe, expect, it } from 'vitest'
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { QueryClient } from '@tanstack/react-query'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { renderWithProviders } from '../../test/render'
import { sessionStore } from '../../api/session'
import { applyTenantEvent } from '../../api/useTenantEvents'
import i18n from '../../i18n'
import { NotificationBell } from './NotificationBell'
import { notificationKeys } from './notificationKeys'

const budget = {
  id: 'n1', kind: 'billing.budget.threshold', severity: 'warning', title: 'Monthly LLM budget: 80 % used',
  body: 'Monthly LLM budget: $8.00 of $10.00 used this month (UTC).', params: { percent: '80', spent: '$8.00', limit: '$10.00' },
  link: '/billing', createdAt: '2026-12-07T08:00:00Z', read: false,
}
const handoff = {
  id: 'n2', kind: 'conversation.handoff', severity: 'warning', title: 'Mei Lin asks for a person', body: 'English body',
  params: { contactName: 'Mei Lin', botName: 'Lumi' }, link: '/inbox/c1', createdAt: '2026-12-07T08:05:00Z', read: false,
}
const crisis = {
  id: 'n4', kind: 'conversation.crisis', severity: 'critical', title: 'Mei Lin may be in crisis', body: 'English crisis body',
  params: { contactName: 'Mei Lin', botName: 'Lumi', conversationId: 'c1' }, link: '/inbox/c1', createdAt: '2026-12-07T08:06:00Z', read: false,
}
const unknownKind = {
  id: 'n3', kind: 'analytics.failure-rate', severity: 'info', title: 'Failure rate above 5 %', body: 'Look at the LLM.',
  params: {}, link: null, createdAt: '2026-12-07T07:00:00Z', read: true,
}
const page = (items: unknown[], unreadCount: number) =>
  route('GET', '/api/v1/notifications?limit=20', 200, { items, nextCursor: null, unreadCount })

describe('Notification bell', () => {
  it('shows the unread count and lists notifications translated from their kind and params', async () => {
    sessionStore.write(tokens())
    fakeApi(page([handoff, budget, unknownKind], 2))
    renderWithProviders(<NotificationBell />)

    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' })
    await userEvent.click(bell)

    const panel = screen.getByRole('region', { name: 'Notifications' })
    expect(within(panel).getByText('LLM budget: 80 % used')).toBeInTheDocument()
    expect(within(panel).getByText('$8.00 of $10.00 used this period (UTC).')).toBeInTheDocument()
    expect(within(panel).getByText('Mei Lin asks for a person')).toBeInTheDocument()
    expect(within(panel).getByText('Failure rate above 5 %')).toBeInTheDocument() // a kind without a translation
    expect(within(panel).getAllByRole('link', { name: 'Open' }).map((a) => a.getAttribute('href')))
      .toEqual(['/inbox/c1', '/billing'])
  })

  it('closes on Escape from inside its panel and gives focus back to the bell, so a keyboard user is not lost', async () => {
    sessionStore.write(tokens())
    fakeApi(page([handoff], 1))
    renderWithProviders(<NotificationBell />)
    const bell = await screen.findByRole('button', { name: 'Notifications, 1 unread' })
    bell.focus()
    await userEvent.keyboard('{Enter}')
    await userEvent.tab()
    expect(within(screen.getByRole('region', { name: 'Notifications' })).getByRole('button', { name: 'Mark all read' }))
      .toHaveFocus()

    await userEvent.keyboard('{Escape}')

    expect(screen.queryByRole('region', { name: 'Notifications' })).not.toBeInTheDocument()
    expect(bell).toHaveFocus()
    expect(bell).toHaveAttribute('aria-expanded', 'false')
  })

  it('speaks Traditional Chinese', async () => {
    sessionStore.write(tokens())
    fakeApi(page([handoff], 1))
    await act(() => i18n.changeLanguage('zh-Hant'))
    try {
      renderWithProviders(<NotificationBell />)
      await userEvent.click(await screen.findByRole('button', { name: '通知，1 則未讀' }))
      expect(screen.getByText('Mei Lin 想與真人對話')).toBeInTheDocument()
    } finally {
      await act(() => i18n.changeLanguage('en'))
    }
  })

  it('translates the crisis alert moderation raises', async () => {
    sessionStore.write(tokens())
    fakeApi(page([crisis], 1))
    await act(() => i18n.changeLanguage('zh-Hant'))
    try {
      renderWithProviders(<NotificationBell />)
      await userEvent.click(await screen.findByRole('button', { name: '通知，1 則未讀' }))
      expect(screen.getByText('Mei Lin 可能正處於危機中')).toBeInTheDocument()
      expect(screen.getByText(/內容審核將 Mei Lin（機器人 Lumi）的訊息標記為危機/)).toBeInTheDocument()
      expect(screen.queryByText('English crisis body')).not.toBeInTheDocument()
    } finally {
      await act(() => i18n.changeLanguage('en'))
    }
  })

  it('marks one read, then all read, and refreshes the count', async () => {
    sessionStore.write(tokens())
    let unread = 2
    const api = fakeApi(
      route('POST', '/api/v1/notifications/n1/read', 204),
      route('POST', '/api/v1/notifications/read-all', 204),
      (r) => (r.method === 'GET' && r.path === '/api/v1/notifications?limit=20'
        ? { status: 200, body: { items: [handoff, budget], nextCursor: null, unreadCount: unread } } : undefined),
    )
    renderWithProviders(<NotificationBell />)
    await userEvent.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }))

    unread = 1
    await userEvent.click(within(screen.getByText('LLM budget: 80 % used').closest('li')!)
      .getByRole('button', { name: 'Mark read' }))
    expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toBeInTheDocument()

    unread = 0
    await userEvent.click(screen.getByRole('button', { name: 'Mark all read' }))
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument()
    expect(api.requests.filter((r) => r.method === 'POST').map((r) => r.path))
      .toEqual(['/api/v1/notifications/n1/read', '/api/v1/notifications/read-all'])
  })

  it('a live notification.created event refreshes the bell', async () => {
    const queries = new QueryClient()
    queries.setQueryData(notificationKeys.all, { items: [], unreadCount: 0 })

    applyTenantEvent(queries, { type: 'notification.created', data: { id: 'n9', kind: 'conversation.handoff' } })

    await waitFor(() => expect(queries.getQueryState(notificationKeys.all)?.isInvalidated).toBe(true))
  })
})
