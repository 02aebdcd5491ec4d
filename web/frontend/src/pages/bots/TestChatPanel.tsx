import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import { Button, Loading, Notice, ProblemAlert } from '../../ui'
import { randomId, useWebChat } from './useWebChat'

const sessionKey = (botId: string) => `parley.testChat.${botId}`

/** The test session survives reloads of the dashboard, like the widget's; "New session" starts a fresh contact. */
function storedSession(botId: string): string {
  const saved = sessionStorage.getItem(sessionKey(botId))
  if (saved) return saved
  const fresh = randomId()
  sessionStorage.setItem(sessionKey(botId), fresh)
  return fresh
}

/**
 * Talks to the bot through the real pipeline, as a contact of the bot's web chat channel would. There is no
 * dedicated test-chat API yet, so it uses the bot's first web chat channel (and offers to add one).
 */
export function TestChatPanel({ botId }: { botId: string }) {
  const { t } = useTranslation('bots')
  const queries = useQueryClient()
  const channels = useQuery({
    queryKey: ['channels', botId, 'first-page'],
    queryFn: () => unwrap(api.GET('/api/v1/bots/{botId}/channels', { params: { path: { botId } } })),
  })
  const addWeb = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/bots/{botId}/channels', {
      params: { path: { botId } }, body: { type: 'web', name: t('testChat.title'), credentials: {} },
    })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['channels', botId] }),
  })
  const widgetKey = channels.data?.items.find((c) => c.type === 'web' && c.widgetKey)?.widgetKey ?? undefined
  return (
    <section className="p-card test-chat" aria-label={t('testChat.title')}>
      <h2 className="bot-section__title">{t('testChat.title')}</h2>
      <p className="p-muted bot-section__hint">{t('testChat.intro')}</p>
      {channels.isPending ? <Loading /> : channels.error ? <ProblemAlert error={channels.error} onRetry={() => channels.refetch()} />
        : widgetKey ? <Conversation botId={botId} widgetKey={widgetKey} /> : (
          <div className="p-stack">
            <Notice>{t('testChat.needsWebChannel')}</Notice>
            {addWeb.error && <ProblemAlert error={addWeb.error} />}
            <div><Button variant="primary" busy={addWeb.isPending} onClick={() => addWeb.mutate()}>{t('testChat.addWebChannel')}</Button></div>
          </div>
        )}
    </section>
  )
}

function Conversation({ botId, widgetKey }: { botId: string; widgetKey: string }) {
  const { t } = useTranslation('bots')
  const [sessionId, setSessionId] = useState(() => storedSession(botId))
  const chat = useWebChat(widgetKey, sessionId)
  const [text, setText] = useState('')
  const log = useRef<HTMLOListElement>(null)
  const waiting = chat.lines.length > 0 && chat.lines[chat.lines.length - 1].from === 'contact'
  useEffect(() => {
    log.current?.lastElementChild?.scrollIntoView?.({ block: 'nearest' })
  }, [chat.lines.length])
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const message = text.trim()
    if (!message) return
    setText('')
    void chat.send(message)
  }
  const restart = () => {
    sessionStorage.removeItem(sessionKey(botId))
    setSessionId(storedSession(botId))
  }
  return (
    <div className="p-stack">
      <ol ref={log} className="test-chat__log" role="log" aria-label={t('testChat.messages')} aria-live="polite">
        {chat.lines.length === 0 && <li className="p-muted test-chat__empty">{t('testChat.empty')}</li>}
        {chat.lines.map((line) => (
          <li key={line.id} className={`test-chat__bubble test-chat__bubble--${line.from}`} aria-busy={line.pending || undefined}>
            <span className="visually-hidden">{line.from === 'bot' ? t('testChat.bot') : t('testChat.you')}: </span>
            {line.text}
          </li>
        ))}
      </ol>
      {waiting && <p className="p-muted test-chat__status" role="status">{t('testChat.waiting')}</p>}
      {chat.error && <ProblemAlert error={chat.error} />}
      <form className="test-chat__form" onSubmit={submit}>
        <label htmlFor="test-chat-message" className="visually-hidden">{t('testChat.message')}</label>
        <input id="test-chat-message" className="p-input" value={text} maxLength={4000} autoComplete="off"
               placeholder={t('testChat.message')} onChange={(e) => setText(e.target.value)} />
        <Button type="submit" variant="primary" disabled={!text.trim()}>{t('testChat.send')}</Button>
      </form>
      <div><Button size="sm" variant="ghost" onClick={restart}>{t('testChat.restart')}</Button></div>
    </div>
  )
}
