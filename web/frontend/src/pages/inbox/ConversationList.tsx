import type { ComponentProps } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink, useParams, useSearchParams } from 'react-router-dom'
import { formatRelative } from '../../format/dates'
import { Badge, Button, EmptyState, Loading, ProblemAlert, useRovingFocus } from '../../ui'
import { contactName } from '../contacts/contactName'
import { ConversationFilters } from './ConversationFilters'
import { InboxAlerts } from './InboxAlerts'
import { filtersFrom, viewFrom } from './inboxFilters'
import { useConversationList, type Conversation } from './conversationData'

/** The list pane: filters, then conversations with the latest activity first, unread ones marked, "Load more". */
export function ConversationList() {
  const { t } = useTranslation('inbox')
  const [params, setParams] = useSearchParams()
  const filters = filtersFrom(params)
  const list = useConversationList(filters)
  // one Tab stop for the whole list, the arrow keys move inside: the filters and the thread are a Tab away
  const { conversationId } = useParams()
  const roving = useRovingFocus(list.items.map((c) => c.id), conversationId)
  // the default view (needs a person) is not a filter the reader chose: its empty state says nobody waits
  const filtered = [...params.keys()].some((k) => k !== 'view')
  return (
    <div className="inbox-list">
      <div className="inbox-list__head">
        <h1 className="inbox-list__title">{t('title')}</h1>
        <ConversationFilters />
        <InboxAlerts />
      </div>
      {list.isPending ? <Loading /> : list.error ? <ProblemAlert error={list.error} onRetry={() => list.refetch()} /> :
        list.items.length === 0 ? (
          filtered
            ? <EmptyState title={t('list.emptyFiltered')} action={<Button size="sm" onClick={() => setParams({})}>{t('list.clearFilters')}</Button>} />
            : viewFrom(params) !== 'all'
              ? <EmptyState title={t(`list.empty_${viewFrom(params)}`)} action={<Button size="sm" onClick={() => setParams({ view: 'all' })}>{t('list.showAll')}</Button>} />
              : <EmptyState title={t('list.empty')}>{t('list.emptyHint')}</EmptyState>
        ) : (
          <>
            <ul className="inbox-list__items" aria-label={t('list.label')} {...roving.listProps}>
              {list.items.map((c) => <ConversationRow key={c.id} conversation={c} search={params.toString()}
                                                      focus={roving.itemProps(c.id)} />)}
            </ul>
            {list.hasMore && (
              <div className="inbox-list__more">
                <Button size="sm" busy={list.loadingMore} onClick={() => list.loadMore()}>{t('common:actions.loadMore')}</Button>
              </div>
            )}
          </>
        )}
    </div>
  )
}

function ConversationRow({ conversation: c, search, focus }:
                         { conversation: Conversation; search: string; focus: ComponentProps<'a'> }) {
  const { t } = useTranslation('inbox')
  const name = contactName(c.contact, c.channel.type)
  const last = c.lastMessage
  const prefix = last?.sender === 'agent' ? t('list.you') : last?.sender === 'bot' ? t('list.bot') : ''
  const preview = !last ? t('list.noMessages') : last.text ? `${prefix}${last.text}` : `${prefix}${t('nonText', { type: last.type })}`
  return (
    <li>
      {/* the link is named by all it shows (contact, time, preview, badges), never by the contact alone: a name that
          leaves out visible text fails WCAG 2.5.3 "label in name" (axe), and speech users say what they see */}
      <NavLink to={{ pathname: `/inbox/${c.id}`, search }} {...focus}
               className={`inbox-row${c.unreadCount > 0 ? ' inbox-row--unread' : ''}`}>
        <span className="inbox-row__avatar" aria-hidden="true">{name.slice(0, 1).toUpperCase()}</span>
        <span className="inbox-row__body">
          <span className="inbox-row__top">
            <span className="inbox-row__name">{name}</span>
            <time className="inbox-row__time" dateTime={c.lastMessageAt ?? c.createdAt}>{formatRelative(c.lastMessageAt ?? c.createdAt)}</time>
          </span>
          <span className="inbox-row__meta">
            <span className="inbox-row__preview">{preview}</span>
            <span className="inbox-row__badges">
              {c.status === 'waiting' && <Badge tone="warning">{t('list.waiting')}</Badge>}
              {c.status !== 'waiting' && c.botPaused && <Badge tone="warning">{t('list.takenOver')}</Badge>}
              {c.status === 'resolved' && <Badge>{t('list.resolved')}</Badge>}
              {last?.status === 'failed' && <Badge tone="danger">{t('delivery.notDelivered')}</Badge>}
              {c.unreadCount > 0 && (
                <span className="inbox-row__unread">
                  <span aria-hidden="true">{c.unreadCount}</span>
                  <span className="visually-hidden">{t('list.unread', { count: c.unreadCount })}</span>
                </span>
              )}
            </span>
          </span>
          <span className="inbox-row__via">{c.bot.name} · {c.channel.name || t(`contacts:channelType.${c.channel.type}`)}</span>
        </span>
      </NavLink>
    </li>
  )
}
