import { useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiProblem } from '../../api/problem'
import { Button, Checkbox, ProblemAlert, TextAreaField } from '../../ui'
import { useConversationActions } from './conversationData'

/**
 * The agent's reply (POST …/messages). Enter sends and Shift+Enter breaks the line, as in every chat app; while an
 * input method is composing (Zhuyin, Pinyin), Enter picks the characters instead and must not send.
 */
export function ReplyBox({ conversationId, botActive }: { conversationId: string; botActive: boolean }) {
  const { t } = useTranslation('inbox')
  const { send } = useConversationActions(conversationId)
  const [text, setText] = useState('')
  const [keepBotActive, setKeepBotActive] = useState(false)
  const submit = (e?: FormEvent) => {
    e?.preventDefault()
    if (!text.trim() || send.isPending) return
    send.mutate({ text, keepBotActive: botActive && keepBotActive }, { onSuccess: () => setText('') })
  }
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault()
      submit()
    }
  }
  const fieldError = send.error instanceof ApiProblem ? send.error.fieldErrors.text : undefined
  return (
    <form className="inbox-reply" onSubmit={submit} noValidate>
      {send.error && !fieldError && <ProblemAlert error={send.error} />}
      <TextAreaField label={t('reply.label')} value={text} rows={2} maxLength={4096} error={fieldError}
                     hint={botActive ? `${t('reply.hint')} ${keepBotActive ? '' : t('reply.takesOver')}` : t('reply.hint')}
                     onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown} />
      <div className="inbox-reply__actions">
        {botActive ? <Checkbox label={t('reply.keepBot')} checked={keepBotActive} onChange={(e) => setKeepBotActive(e.target.checked)} /> : <span />}
        <Button type="submit" variant="primary" busy={send.isPending} disabled={!text.trim()}>{t('reply.send')}</Button>
      </div>
    </form>
  )
}
