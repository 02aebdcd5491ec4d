import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import { formatRelative } from '../../format/dates'
import { Badge, Card, Loading, ProblemAlert, usePageTitle } from '../../ui'
import { useConversationList } from '../inbox/conversationData'
import { ContactPanel } from './ContactPanel'

/** One contact: the same panel as in the inbox, with their conversations (one per channel) linking to the inbox. */
export function ContactDetailPage() {
  const { t } = useTranslation('contacts')
  const { contactId = '' } = useParams()
  usePageTitle(t('detail.title'))
  return (
    <div className="p-stack contact-page">
      <Link to="/contacts" className="contact-page__back">← {t('detail.back')}</Link>
      <Card><ContactPanel contactId={contactId} footer={<ContactConversations contactId={contactId} />} /></Card>
    </div>
  )
}

function ContactConversations({ contactId }: { contactId: string }) {
  const { t } = useTranslation('contacts')
  const list = useConversationList({ contactId })
  return (
    <div>
      <h3 className="contact-panel__section">{t('detail.conversations')}</h3>
      {list.isPending ? <Loading /> : list.error ? <ProblemAlert error={list.error} onRetry={() => list.refetch()} /> :
        list.items.length === 0 ? <p className="p-muted contact-panel__small">{t('detail.noConversations')}</p> : (
          <ul className="contact-conversations">
            {list.items.map((c) => (
              <li key={c.id}>
                <span>
                  <Link to={`/inbox/${c.id}`}>{c.bot.name} · {c.channel.name || t(`channelType.${c.channel.type}`)}</Link>
                  {c.unreadCount > 0 && <> <Badge tone="primary">{c.unreadCount}</Badge></>}
                </span>
                <span className="p-muted contact-panel__small">{formatRelative(c.lastMessageAt ?? c.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
    </div>
  )
}
