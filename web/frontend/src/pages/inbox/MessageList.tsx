import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../format/dates'
import { Button, LinkedText, Loading, ProblemAlert } from '../../ui'
import { useMessages, useNotes, type Message, type Note } from './conversationData'
import { ModerationBadge, ModerationSummary } from '../moderation/ModerationBadge'
import { MessageUsageLine } from '../usage/UsageViews'
import { DeliveryStatus } from './DeliveryStatus'

/**
 * The thread as a log (screen readers announce what is appended), oldest first, with older pages on demand. It
 * follows the newest message while the reader is at the bottom, and leaves the scroll alone while they read back.
 */
export function MessageList({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation('inbox')
  const thread = useMessages(conversationId)
  const notes = useNotes(conversationId)
  // notes sit among the messages by time (ids are UUIDv7), from the oldest message shown on
  const oldest = thread.hasOlder ? thread.messages[0]?.id : undefined
  const items: ({ kind: 'message'; m: Message } | { kind: 'note'; n: Note })[] = [
    ...thread.messages.map((m) => ({ kind: 'message' as const, m })),
    ...(notes.data?.items ?? []).filter((n) => !oldest || n.id > oldest).map((n) => ({ kind: 'note' as const, n })),
  ].sort((a, b) => {
    const x = a.kind === 'message' ? a.m.id : a.n.id
    const y = b.kind === 'message' ? b.m.id : b.n.id
    return x < y ? -1 : x > y ? 1 : 0
  })
  const scroller = useRef<HTMLDivElement>(null)
  const atBottom = useRef(true)
  const newest = items.length
  useEffect(() => {
    const el = scroller.current
    if (el && atBottom.current) el.scrollTop = el.scrollHeight
  }, [newest])
  useEffect(() => { atBottom.current = true }, [conversationId])
  const onScroll = () => {
    const el = scroller.current
    if (el) atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48
  }
  return (
    // it scrolls: focusable, so the keyboard scrolls it too (WCAG 2.1.1, axe scrollable-region-focusable)
    <div className="inbox-log" ref={scroller} onScroll={onScroll} tabIndex={0} role="region" aria-label={t('thread.history')}>
      {thread.hasOlder && (
        <div className="inbox-log__older">
          <Button size="sm" variant="ghost" busy={thread.loadingOlder} onClick={() => thread.loadOlder()}>{t('thread.older')}</Button>
        </div>
      )}
      {thread.isPending ? <Loading /> : thread.error ? <ProblemAlert error={thread.error} onRetry={() => thread.refetch()} /> : (
        // the log announces additions; the list inside keeps "message n of m" for screen reader navigation
        <div role="log" aria-label={t('thread.label')}>
          <ModerationSummary flags={thread.messages.map((m) => m.moderation)} />
          {items.length === 0 && <p className="p-muted inbox-log__empty">{t('thread.empty')}</p>}
          <ol className="inbox-log__items">
            {items.map((item) => item.kind === 'message'
              ? <MessageItem key={item.m.id} conversationId={conversationId} message={item.m} />
              : <NoteItem key={item.n.id} note={item.n} />)}
          </ol>
        </div>
      )}
    </div>
  )
}

function MessageItem({ conversationId, message: m }: { conversationId: string; message: Message }) {
  const { t } = useTranslation('inbox')
  const outbound = m.direction === 'outbound'
  return (
    <li className={`inbox-msg inbox-msg--${m.sender}`}>
      <div className="inbox-msg__bubble">
        <span className="visually-hidden">{t(`sender.${m.sender}`)}: </span>
        {m.text != null ? <LinkedText text={m.text} /> : <em className="p-muted">{t('nonText', { type: m.type })}</em>}
      </div>
      <div className="inbox-msg__meta">
        {m.sender !== 'contact' && <span aria-hidden="true">{t(`sender.${m.sender}`)} · </span>}
        <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
        {m.moderation && <ModerationBadge flag={m.moderation} />}
        {m.usage && <MessageUsageLine usage={m.usage} />}
        {outbound && <DeliveryStatus conversationId={conversationId} message={m} />}
      </div>
    </li>
  )
}

/** A private note: for the team only (never sent, never read by the bot), shown apart from the messages. */
function NoteItem({ note: n }: { note: Note }) {
  const { t } = useTranslation('inbox')
  return (
    <li className="inbox-msg inbox-msg--note">
      <div className="inbox-msg__bubble">
        <span className="inbox-msg__note-label">{t('note.privateLabel')}: </span>
        <LinkedText text={n.text} />
      </div>
      <div className="inbox-msg__meta"><time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time></div>
    </li>
  )
}
