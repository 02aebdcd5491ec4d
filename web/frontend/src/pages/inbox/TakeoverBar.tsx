import { useTranslation } from 'react-i18next'
import { useAuth } from '../../auth/useAuth'
import { Badge, Button, ProblemAlert } from '../../ui'
import { useConversationActions, type Conversation } from './conversationData'

/** Who answers this conversation now (the bot, you, a teammate, an integration) and the switch between them. */
export function TakeoverBar({ conversation: c, canAct }: { conversation: Conversation; canAct: boolean }) {
  const { t } = useTranslation('inbox')
  const { session } = useAuth()
  const { takeOver, handBack } = useConversationActions(c.id)
  const mine = c.botPaused && c.takenOverBy === session?.user.id
  const state = !c.botPaused ? 'botActive' : mine ? 'byYou' : c.takenOverBy ? 'byTeammate' : 'byIntegration'
  const take = () => {
    if (c.botPaused && !mine && !window.confirm(t('takeover.confirmSteal'))) return
    takeOver.mutate()
  }
  return (
    <div className="inbox-takeover">
      <div className="inbox-takeover__row">
        <Badge tone={c.botPaused ? 'warning' : 'success'}>{t(`takeover.${state}`)}</Badge>
        {canAct && (
          <span className="p-row">
            {!mine && <Button size="sm" variant={c.botPaused ? 'secondary' : 'primary'} busy={takeOver.isPending} onClick={take}>{t('takeover.take')}</Button>}
            {c.botPaused && <Button size="sm" busy={handBack.isPending} onClick={() => handBack.mutate()}>{t('takeover.handBack')}</Button>}
          </span>
        )}
      </div>
      {(takeOver.error || handBack.error) && <ProblemAlert error={takeOver.error ?? handBack.error} />}
    </div>
  )
}
