import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import { Button, LinkedText, Loading, ProblemAlert } from '../../ui'
import { TestChatCards } from './TestChatCards'
import { randomId, useWebChat } from './useWebChat'

const sessionKey = (botId: string) => `parley.testChat.${botId}`

/**
 * The session a page reload continues (as the widget's does), if it belongs to this test channel; otherwise the
 * fresh one the API just handed out.
 */
function storedSession(botId: string, widgetKey: string, fresh: string): string {
  const saved = sessionStorage.getItem(sessionKey(botId))
  const [savedKey, savedSession] = saved?.split(' ') ?? []
  if (savedKey === widgetKey && savedSession) return savedSession
  sessionStorage.setItem(sessionKey(botId), `${widgetKey} ${fresh}`)
  return fresh
}

/**
 * Talks to the bot through the real pipeline as a test contact: the API opens the bot's hidden test channel (a web
 * chat made on first use), and the panel then speaks the web chat protocol exactly as the embedded widget does.
 */
export function TestChatPanel({ botId }: { botId: string }) {
  const { t } = useTranslation('bots')
  const open = useQuery({
    queryKey: ['test-chat', botId],
    queryFn: () => unwrap(api.POST('/api/v1/bots/{botId}/test-chat', { params: { path: { botId } } })),
    staleTime: Infinity,
  })
  return (
    <section className="p-card test-chat" aria-label={t('testChat.title')}>
      <h2 className="bot-section__title">{t('testChat.title')}</h2>
      <p className="p-muted bot-section__hint">{t('testChat.intro')}</p>
      {open.isPending ? <Loading /> : open.error ? <ProblemAlert error={open.error} onRetry={() => open.refetch()} /> : (
        <Conversation botId={botId} widgetKey={open.data.widgetKey ?? ''} freshSession={open.data.sessionId ?? randomId()} />
      )}
    </section>
  )
}

function Conversation({ botId, widgetKey, freshSession }: { botId: string; widgetKey: string; freshSession: string }) {
  const { t } = useTranslation('bots')
  const [sessionId, setSessionId] = useState(() => storedSession(botId, widgetKey, freshSession))
  const chat = useWebChat(widgetKey, sessionId)
  const [text, setText] = useState('')
  const log = useRef<HTMLDivElement>(null)
  useEffect(() => {
    log.current?.querySelector('li:last-child')?.scrollIntoView?.({ block: 'nearest' })
  }, [chat.lines.length, chat.composing?.draft])
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const message = text.trim()
    if (!message) return
    setText('')
    void chat.send(message)
  }
  const restart = () => {
    sessionStorage.removeItem(sessionKey(botId))
    setSessionId(storedSession(botId, widgetKey, `test_${randomId()}`))
  }
  return (
    <div className="p-stack">
      {/* the log wraps the list (an <ol role="log"> would hide its items' list semantics) and scrolls by keyboard too */}
      <div ref={log} className="test-chat__log" role="log" aria-label={t('testChat.messages')} aria-live="polite" tabIndex={0}>
      <ol className="test-chat__items">
        {chat.lines.length === 0 && <li className="p-muted test-chat__empty">{t('testChat.empty')}</li>}
        {chat.lines.map((line) => (
          <li key={line.id} className={`test-chat__bubble test-chat__bubble--${line.from}`} aria-busy={line.pending || undefined}>
            <span className="visually-hidden">{line.from === 'bot' ? t('testChat.bot') : t('testChat.you')}: </span>
            {line.image && <img className="test-chat__image" src={line.image.url} alt={line.image.alt || t('testChat.image')} />}
            {line.cards && <TestChatCards line={line} onPress={chat.press} />}
            {line.title && <strong className="test-chat__title">{line.title}</strong>}
            {!line.cards && <LinkedText text={line.text} />}
            {line.buttons && (
              <span className="test-chat__buttons" role="group" aria-label={t('testChat.choices')}>
                {line.buttons.map((button, i) => (
                  <Button key={i} size="sm" variant={line.chosen === button.label ? 'primary' : 'secondary'}
                          disabled={line.chosen !== undefined} aria-pressed={line.chosen === button.label || undefined}
                          onClick={() => chat.press(line.id, button)}>
                    {button.label}
                    {button.description && <span className="test-chat__option-description">{button.description}</span>}
                  </Button>
                ))}
              </span>
            )}
            {line.link && (
              <a className="test-chat__link" href={line.link.url} rel="noopener noreferrer" target="_blank">
                {line.link.label}
              </a>
            )}
          </li>
        ))}
      </ol>
      {/* the reply as the bot writes it: seen, not announced (the finished reply is, once, as a message) */}
      {chat.composing?.draft && (
        <p className="test-chat__bubble test-chat__bubble--bot test-chat__draft" aria-hidden="true">{chat.composing.draft}</p>
      )}
      </div>
      {/* only while the bot says it composes (the stream's hint), not merely because a message went out */}
      {chat.composing && <p className="p-muted test-chat__status" role="status">{t('testChat.waiting')}</p>}
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
