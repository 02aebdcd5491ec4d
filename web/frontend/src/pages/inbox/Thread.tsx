import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router-dom'
import { useIsAgent } from '../../auth/useMyRole'
import { Button, Loading, Notice, ProblemAlert } from '../../ui'
import { contactName } from '../contacts/contactName'
import { MessageList } from './MessageList'
import { ConversationUsageLine } from '../usage/UsageViews'
import { ReplyBox } from './ReplyBox'
import { StatusBar } from './StatusBar'
import { TakeoverBar } from './TakeoverBar'
import { useConversation, useConversationActions } from './conversationData'

/** The middle pane: who this is, who answers, the messages and the reply box. Opening it marks it read. */
export function Thread({ conversationId, onShowContact }: { conversationId: string; onShowContact: () => void }) {
  const { t } = useTranslation('inbox')
  const { search } = useLocation()
  const conversation = useConversation(conversationId)
  const canAct = useIsAgent()
  const { markRead } = useConversationActions(conversationId)
  const unread = conversation.data?.unreadCount ?? 0
  const { mutate: read, isPending: reading } = markRead
  useEffect(() => {
    // also when a message arrives while the thread is open: the agent is looking at it
    if (canAct && unread > 0 && !reading) read()
  }, [canAct, unread, reading, read])

  // opening a conversation (its row, a notification, a link) puts focus on its heading, so keyboard and screen
  // reader users start at the top of what they opened; not while they type somewhere (a search, a reply)
  const heading = useRef<HTMLHeadingElement>(null)
  const reply = useRef<HTMLTextAreaElement>(null)
  const loaded = conversation.data !== undefined
  useEffect(() => {
    if (loaded && !isTextEntry(document.activeElement)) heading.current?.focus()
  }, [loaded])

  const back = <Link to={{ pathname: '/inbox', search }} className="inbox-back">← {t('thread.backToList')}</Link>
  if (conversation.isPending) return <div className="inbox-thread">{back}<Loading /></div>
  if (conversation.error) {
    return <div className="inbox-thread">{back}<ProblemAlert error={conversation.error} onRetry={() => conversation.refetch()} /></div>
  }
  const c = conversation.data
  return (
    <div className="inbox-thread">
      <header className="inbox-thread__head">
        {back}
        <div className="inbox-thread__title">
          <div>
            <h2 ref={heading} tabIndex={-1}>{contactName(c.contact, c.channel.type)}</h2>
            <p className="p-muted inbox-thread__via">
              {t('thread.via', { bot: c.bot.name, channel: c.channel.name || t(`contacts:channelType.${c.channel.type}`) })}
            </p>
            <ConversationUsageLine conversationId={conversationId} />
          </div>
          <Button size="sm" variant="ghost" className="inbox-contact-toggle" onClick={onShowContact}>{t('thread.contactDetails')}</Button>
        </div>
        <StatusBar conversation={c} canAct={canAct === true} />
        <TakeoverBar conversation={c} canAct={canAct === true} onTakenOver={() => reply.current?.focus()} />
      </header>
      <MessageList conversationId={conversationId} />
      {canAct && <ReplyBox conversationId={conversationId} botActive={!c.botPaused} textRef={reply} />}
      {canAct === false && <Notice>{t('reply.viewer')}</Notice>}
    </div>
  )
}

function isTextEntry(element: Element | null) {
  return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement
    || element instanceof HTMLSelectElement || (element instanceof HTMLElement && element.isContentEditable)
}
