import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../auth/useAuth'
import { Badge, Button, ProblemAlert, SelectField } from '../../ui'
import { useAssignableMembers, useConversationActions, type Conversation } from './conversationData'

/** The conversation's status (needs a person, open, resolved) with resolve / reopen, and who it is assigned to. */
export function StatusBar({ conversation: c, canAct }: { conversation: Conversation; canAct: boolean }) {
  const { t } = useTranslation('inbox')
  const { session } = useAuth()
  const members = useAssignableMembers()
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
            <SelectField ref={assignee} label={t('assign.label')} value={c.assigneeId ?? ''}
                         onChange={(e) => update.mutate({ assigneeId: e.target.value || null })}>
              <option value="">{t('assign.nobody')}</option>
              {(members.data ?? []).map((m) => (
                <option key={m.userId} value={m.userId}>{m.userId === me ? t('assign.me') : m.displayName || m.email}</option>
              ))}
              {c.assigneeId && !members.data?.some((m) => m.userId === c.assigneeId) && <option value={c.assigneeId}>{t('assign.someone')}</option>}
            </SelectField>
            {me && c.assigneeId !== me && <Button size="sm" onClick={assignToMe}>{t('assign.toMe')}</Button>}
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
