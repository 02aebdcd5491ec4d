import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../auth/useAuth'
import { Badge, Button, ProblemAlert } from '../../ui'
import { useAssignableMembers, useConversationActions, type Conversation } from './conversationData'

/**
 * Who answers this conversation now, said honestly: the bot, a flow that handed off, you, a named teammate, an API
 * key, moderation; and the switch between them. Only taking over from a teammate asks first.
 */
export function TakeoverBar({ conversation: c, canAct, onTakenOver }:
                            { conversation: Conversation; canAct: boolean; onTakenOver?: () => void }) {
  const { t } = useTranslation('inbox')
  const { session } = useAuth()
  const members = useAssignableMembers()
  const { takeOver, handBack } = useConversationActions(c.id)
  const mine = c.botPaused && c.takenOverBy === session?.user.id
  const teammate = c.botPaused && !mine && c.takenOverBy
    ? members.data?.find((m) => m.userId === c.takenOverBy) : undefined
  const teammateName = teammate ? teammate.displayName || teammate.email : t('takeover.aTeammate')
  const state = !c.botPaused ? 'botActive' : mine ? 'byYou' : c.takenOverBy ? 'byTeammate'
    : c.handoffSource === 'flow' ? 'byFlow' : c.handoffSource === 'keyword' ? 'byKeyword'
      : c.handoffSource === 'moderation' ? 'byModeration' : 'byApi'
  // the pressed button goes once its action is done: taking over leads to the reply box, handing back to Take over
  const takeButton = useRef<HTMLButtonElement>(null)
  const handedBack = useRef(false)
  useEffect(() => {
    if (!handedBack.current || c.botPaused) return
    handedBack.current = false
    takeButton.current?.focus()
  }, [c.botPaused])
  const take = () => {
    if (state === 'byTeammate' && !window.confirm(t('takeover.confirmSteal', { name: teammateName }))) return
    takeOver.mutate(undefined, { onSuccess: onTakenOver })
  }
  const handBackToBot = () => {
    handedBack.current = true
    handBack.mutate(undefined, { onError: () => { handedBack.current = false } })
  }
  return (
    <div className="inbox-takeover">
      <div className="inbox-takeover__row">
        <Badge tone={c.botPaused ? 'warning' : 'success'}>{t(`takeover.${state}`, { name: teammateName })}</Badge>
        {canAct && (
          <span className="p-row">
            {!mine && <Button ref={takeButton} size="sm" variant={c.botPaused ? 'secondary' : 'primary'} busy={takeOver.isPending} onClick={take}>{t('takeover.take')}</Button>}
            {c.botPaused && <Button size="sm" busy={handBack.isPending} onClick={handBackToBot}>{t('takeover.handBack')}</Button>}
          </span>
        )}
      </div>
      {(takeOver.error || handBack.error) && <ProblemAlert error={takeOver.error ?? handBack.error} />}
    </div>
  )
}
