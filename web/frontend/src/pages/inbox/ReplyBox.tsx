import { useState, type FormEvent, type KeyboardEvent, type Ref } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiProblem } from '../../api/problem'
import { Button, Checkbox, ProblemAlert, TextAreaField } from '../../ui'
import { CannedMenu } from './CannedMenu'
import { cannedOptionId, matchingCanned } from './cannedMatch'
import { useCannedReplies, useConversationActions } from './conversationData'

/**
 * The agent's reply (POST …/messages) or a private note for the team (POST …/notes). Enter sends and Shift+Enter
 * breaks the line, as in every chat app; while an input method is composing (Zhuyin, Pinyin), Enter picks the
 * characters instead and must not send. Typing /shortcut offers the tenant's canned replies: ↑/↓ choose, Enter or Tab
 * inserts, Escape closes.
 */
export function ReplyBox({ conversationId, botActive, textRef }:
                         { conversationId: string; botActive: boolean; textRef?: Ref<HTMLTextAreaElement> }) {
  const { t } = useTranslation('inbox')
  const { send, addNote } = useConversationActions(conversationId)
  const canned = useCannedReplies()
  const [text, setText] = useState('')
  const [note, setNote] = useState(false)
  const [keepBotActive, setKeepBotActive] = useState(false)
  const [picked, setPicked] = useState(0)
  const [menuClosed, setMenuClosed] = useState(false)
  const matches = menuClosed ? [] : matchingCanned(canned.data?.items ?? [], text)
  const action = note ? addNote : send
  const submit = (e?: FormEvent) => {
    e?.preventDefault()
    if (!text.trim() || action.isPending) return
    const done = { onSuccess: () => setText('') }
    if (note) addNote.mutate(text, done)
    else send.mutate({ text, keepBotActive: botActive && keepBotActive }, done)
  }
  const insert = (index: number) => {
    const chosen = matches[index]
    if (chosen) setText(chosen.text)
    setPicked(0)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.nativeEvent.isComposing) return
    if (matches.length > 0) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault()
        setPicked((p) => (p + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length)
        return
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault()
        insert(Math.min(picked, matches.length - 1))
        return
      }
      if (e.key === 'Escape') {
        setMenuClosed(true)
        return
      }
    }
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault()
      submit()
    }
  }
  const fieldError = action.error instanceof ApiProblem ? action.error.fieldErrors.text : undefined
  const hint = note ? t('note.hint') : botActive && !keepBotActive ? `${t('reply.hint')} ${t('reply.takesOver')}` : t('reply.hint')
  return (
    <form className={`inbox-reply${note ? ' inbox-reply--note' : ''}`} onSubmit={submit} noValidate>
      <div className="inbox-reply__modes" role="group" aria-label={t('note.mode')}>
        <button type="button" className="inbox-reply__mode" aria-pressed={!note} onClick={() => setNote(false)}>{t('reply.label')}</button>
        <button type="button" className="inbox-reply__mode" aria-pressed={note} onClick={() => setNote(true)}>{t('note.label')}</button>
      </div>
      {action.error && !fieldError && <ProblemAlert error={action.error} />}
      {matches.length > 0 && <CannedMenu replies={matches} picked={Math.min(picked, matches.length - 1)} onPick={insert} />}
      <TextAreaField ref={textRef} label={note ? t('note.label') : t('reply.label')} value={text} rows={2} maxLength={4096}
                     error={fieldError} hint={`${hint} ${t('canned.hint')}`}
                     aria-autocomplete="list" aria-controls={matches.length > 0 ? 'canned-menu' : undefined}
                     aria-activedescendant={matches.length > 0 ? cannedOptionId(Math.min(picked, matches.length - 1)) : undefined}
                     onChange={(e) => { setText(e.target.value); setMenuClosed(false); setPicked(0) }} onKeyDown={onKeyDown} />
      <div className="inbox-reply__actions">
        {botActive && !note ? <Checkbox label={t('reply.keepBot')} checked={keepBotActive} onChange={(e) => setKeepBotActive(e.target.checked)} /> : <span />}
        <Button type="submit" variant="primary" busy={action.isPending} disabled={!text.trim()}>{note ? t('note.add') : t('reply.send')}</Button>
      </div>
    </form>
  )
}
