import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../auth/useAuth'
import { Badge, Button, ProblemAlert, SelectField } from '../../ui'
import { useAssignableMembers, useConversationActions, useTeams, type Conversation } from './conversationData'

/**
 * The conversation's status (needs a person, open, resolved) with resolve / reopen, and who it is assigned to: a team
 * and a member (of that team, when it has one).
 */
export function StatusBar({ conversation: c, canAct }: { conversation: Conversation; canAct: boolean }) {
  const { t } = useTranslation('inbox')
  const { session } = useAuth()
  const members = useAssignableMembers()
  const teams = useTeams()
  const team = teams.data?.find((x) => x.id === c.teamId)
  const assignable = (members.data ?? []).filter((m) => !team || team.memberIds.includes(m.userId))
  const { update } = useConversationActions(c.id)
  const me = session?.user.id
  const resolved = c.status === 'resolved'
  const assignee = useRef<HTMLSelectElement>(null)
  // "Assign to me" goes once it is done: focus moves to the assignee it changed, not to the page
  const assignToMe = () => update.mutate({ assigneeId: me }, { onSuccess: () => assignee.current?.focus() })
  return (
    <div className="inbox-status">
      <div className="inbox-status__row">
        <Badge tone={c.status === 'waiting' ? 'warning' : resolved ? undefined : 'success'}>{t(`conversationStatus.${c.status}`)}</Badge>
        {canAct ? (
          <span className="p-row">
            {(teams.data?.length ?? 0) > 0 && (
              <SelectField label={t('assign.team')} value={c.teamId ?? ''}
                           onChange={(e) => update.mutate({ teamId: e.target.value || null })}>
                <option value="">{t('assign.noTeam')}</option>
                {teams.data?.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
              </SelectField>
            )}
            <SelectField ref={assignee} label={t('assign.label')} value={c.assigneeId ?? ''}
                         onChange={(e) => update.mutate({ assigneeId: e.target.value || null })}>
              <option value="">{t('assign.nobody')}</option>
              {assignable.map((m) => (
                <option key={m.userId} value={m.userId}>{m.userId === me ? t('assign.me') : m.displayName || m.email}</option>
              ))}
              {c.assigneeId && !assignable.some((m) => m.userId === c.assigneeId) && <option value={c.assigneeId}>{t('assign.someone')}</option>}
            </SelectField>
            {me && c.assigneeId !== me && (team && !team.memberIds.includes(me)
              // the API refuses an assignee outside the conversation's team (400): say why instead of offering it
              ? <span className="p-muted">{t('assign.notInTeam', { team: team.name })}</span>
              : <Button size="sm" onClick={assignToMe}>{t('assign.toMe')}</Button>)}
            <Button size="sm" variant={resolved ? 'secondary' : 'primary'} busy={update.isPending}
                    onClick={() => update.mutate({ status: resolved ? 'open' : 'resolved' })}>
              {t(resolved ? 'statusActions.reopen' : 'statusActions.resolve')}
            </Button>
          </span>
        ) : c.assigneeId && (
          <span className="p-muted">{t('assign.assignedTo', { name: members.data?.find((m) => m.userId === c.assigneeId)?.displayName ?? t('assign.someone') })}</span>
        )}
      </div>
      {update.error && <ProblemAlert error={update.error} />}
    </div>
  )
}
