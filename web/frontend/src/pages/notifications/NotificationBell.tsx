import { useEffect, useRef, useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import type { components } from '../../api/schema'
import { ProblemAlert } from '../../ui'
import { notificationKeys } from './notificationKeys'
import './notifications.css'

type Notification = components['schemas']['Notification']

/**
 * The bell in the app shell: the unread count (live: the shell's event stream refreshes it on
 * `notification.created`), and a panel listing the latest notifications with mark read (one, all) and a link to act.
 */
export function NotificationBell() {
  const { t } = useTranslation('notifications')
  const queries = useQueryClient()
  const [open, setOpen] = useState(false)
  const panel = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const list = useQuery({
    queryKey: notificationKeys.all,
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { limit: 20 } } })),
  })
  const refresh = () => void queries.invalidateQueries({ queryKey: notificationKeys.all })
  const markRead = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/notifications/{notificationId}/read',
      { params: { path: { notificationId: id } } })),
    onSettled: refresh,
  })
  const markAll = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/notifications/read-all')),
    onSettled: refresh,
  })
  useEffect(() => {
    if (!open) return
    const close = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      // focus inside the panel would be lost with it: back to the bell that opened it
      if (panel.current?.contains(document.activeElement)) button.current?.focus()
      setOpen(false)
    }
    document.addEventListener('keydown', close)
    return () => document.removeEventListener('keydown', close)
  }, [open])

  const unread = list.data?.unreadCount ?? 0
  return (
    <div className="bell">
      <button ref={button} type="button" className="bell__button" aria-expanded={open} aria-controls="bell-panel"
              aria-label={unread > 0 ? t('bellUnread', { count: unread }) : t('bell')} onClick={() => setOpen((o) => !o)}>
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {unread > 0 && <span className="bell__count" aria-hidden="true">{unread > 99 ? '99+' : unread}</span>}
      </button>
      {open && (
        <div id="bell-panel" className="bell__panel" role="region" aria-label={t('title')} ref={panel}>
          <div className="bell__header">
            <strong>{t('title')}</strong>
            {unread > 0 && (
              <button type="button" className="bell__link" onClick={() => markAll.mutate()}>{t('markAllRead')}</button>
            )}
          </div>
          {list.error && <ProblemAlert error={list.error} />}
          {(markRead.error || markAll.error) && <ProblemAlert error={markRead.error ?? markAll.error} />}
          {list.data && list.data.items.length === 0 && <p className="p-muted bell__empty">{t('empty')}</p>}
          <ul className="bell__list">
            {list.data?.items.map((n) => (
              <NotificationItem key={n.id} notification={n} onRead={() => markRead.mutate(n.id)}
                                onOpen={() => { if (!n.read) markRead.mutate(n.id); setOpen(false) }} />
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}

function NotificationItem({ notification: n, onRead, onOpen }:
                          { notification: Notification; onRead: () => void; onOpen: () => void }) {
  const { t, i18n } = useTranslation('notifications')
  const params = { ...n.params }
  const title = t(`kinds.${n.kind}.title`, { ...params, defaultValue: n.title })
  const body = t(`kinds.${n.kind}.body`, { ...params, defaultValue: n.body })
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
    .format(new Date(n.createdAt))
  return (
    <li className={`bell__item bell__item--${n.severity}${n.read ? '' : ' bell__item--unread'}`}>
      <p className="bell__title">{!n.read && <span className="visually-hidden">{t('unread')}: </span>}{title}</p>
      <p className="bell__body">{body}</p>
      <p className="bell__meta">
        <time dateTime={n.createdAt}>{when}</time>
        {n.link && <Link to={n.link} onClick={onOpen}>{t('open')}</Link>}
        {!n.read && <button type="button" className="bell__link" onClick={onRead}>{t('markRead')}</button>}
      </p>
    </li>
  )
}
