import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router-dom'
import { Button, EmptyState, usePageTitle } from '../../ui'
import { ContactPanel } from '../contacts/ContactPanel'
import { ConversationSummary } from '../memory/ConversationSummary'
import { useIsAgent } from '../../auth/useMyRole'
import { ConversationList } from './ConversationList'
import { Thread } from './Thread'
import { useConversation } from './conversationData'
import './inbox.css'

/**
 * Three panes on a desktop (conversations | thread | contact); on narrower screens the contact pane opens in place
 * of the thread, and on phones one pane shows at a time, with back links between them (inbox.css).
 */
export function InboxPage() {
  const { t } = useTranslation('inbox')
  const { conversationId } = useParams()
  const [showContact, setShowContact] = useState(false)
  useEffect(() => setShowContact(false), [conversationId])
  usePageTitle(t('title')) // the shell puts the "needs a person" count in front
  const classes = ['inbox', conversationId && 'inbox--open', showContact && 'inbox--contact'].filter(Boolean).join(' ')
  return (
    <div className={classes}>
      <div className="inbox-pane inbox-pane--list"><ConversationList /></div>
      <div className="inbox-pane inbox-pane--thread">
        {conversationId
          ? <Thread key={conversationId} conversationId={conversationId} onShowContact={() => setShowContact(true)} />
          : <EmptyState title={t('thread.pick')}>{t('thread.pickHint')}</EmptyState>}
      </div>
      {conversationId && (
        <aside className="inbox-pane inbox-pane--contact" aria-label={t('thread.contactDetails')}>
          <Button size="sm" variant="ghost" className="inbox-contact-back" onClick={() => setShowContact(false)}>
            ← {t('thread.backToThread')}
          </Button>
          <ConversationContact conversationId={conversationId} />
        </aside>
      )}
    </div>
  )
}

function ConversationContact({ conversationId }: { conversationId: string }) {
  const conversation = useConversation(conversationId)
  const canEdit = useIsAgent() === true
  return conversation.data ? <ContactPanel contactId={conversation.data.contact.id}
    footer={<ConversationSummary conversationId={conversationId} canEdit={canEdit} />} /> : null
}
