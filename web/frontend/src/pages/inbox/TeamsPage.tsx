import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import { useMyRole } from '../../auth/useMyRole'
import { Button, Card, Checkbox, EmptyState, Loading, PageHeader, ProblemAlert, TextField } from '../../ui'
import { useAssignableMembers, useTeams } from './conversationData'

interface Draft { id?: string; name: string; memberIds: string[] }
const EMPTY: Draft = { name: '', memberIds: [] }

/** The tenant's teams, which conversations are assigned to (the inbox's "My teams"). Admins and owners keep them. */
export function TeamsPage() {
  const { t } = useTranslation('inbox')
  const queries = useQueryClient()
  const teams = useTeams()
  const members = useAssignableMembers()
  const role = useMyRole()
  const canEdit = role === 'owner' || role === 'admin'
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const refresh = () => void queries.invalidateQueries({ queryKey: ['inbox', 'teams'] })
  const save = useMutation({
    mutationFn: (d: Draft) => d.id
      ? unwrap(api.PATCH('/api/v1/teams/{teamId}', { params: { path: { teamId: d.id } }, body: { name: d.name, memberIds: d.memberIds } }))
      : unwrap(api.POST('/api/v1/teams', { body: { name: d.name, memberIds: d.memberIds } })),
    onSuccess: () => { setDraft(EMPTY); refresh() },
  })
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/teams/{teamId}', { params: { path: { teamId: id } } })),
    onSuccess: refresh,
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate(draft)
  }
  const toggle = (userId: string) => setDraft({ ...draft, memberIds: draft.memberIds.includes(userId)
    ? draft.memberIds.filter((id) => id !== userId) : [...draft.memberIds, userId] })
  const errors = save.error instanceof ApiProblem ? save.error.fieldErrors : {}
  const name = (userId: string) => {
    const m = members.data?.find((x) => x.userId === userId)
    return m ? m.displayName || m.email : t('assign.someone')
  }
  return (
    <div className="p-stack">
      <PageHeader title={t('teams.title')} description={t('teams.description')} />
      {canEdit && (
        <Card title={draft.id ? t('teams.edit') : t('teams.new')}>
          <form onSubmit={submit} noValidate className="p-stack">
            {save.error && !errors.name && <ProblemAlert error={save.error} />}
            <TextField label={t('teams.name')} value={draft.name} maxLength={80} error={errors.name}
                       onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
            <fieldset className="p-stack">
              <legend>{t('teams.members')}</legend>
              {(members.data ?? []).map((m) => (
                <Checkbox key={m.userId} label={m.displayName || m.email} checked={draft.memberIds.includes(m.userId)}
                          onChange={() => toggle(m.userId)} />
              ))}
            </fieldset>
            <div className="p-row">
              <Button type="submit" variant="primary" busy={save.isPending}>{t('teams.save')}</Button>
              {draft.id && <Button onClick={() => setDraft(EMPTY)}>{t('common:actions.cancel')}</Button>}
            </div>
          </form>
        </Card>
      )}
      {teams.isPending ? <Loading /> : teams.error ? <ProblemAlert error={teams.error} onRetry={() => teams.refetch()} />
        : teams.data.length === 0 ? <EmptyState title={t('teams.empty')}>{t('teams.emptyHint')}</EmptyState> : (
          <ul className="canned-list" aria-label={t('teams.title')}>
            {remove.error && <ProblemAlert error={remove.error} />}
            {teams.data.map((x) => (
              <li key={x.id} className="canned-list__item">
                <div>
                  <strong>{x.name}</strong>
                  <p className="canned-list__text">{x.memberIds.length === 0 ? t('teams.noMembers') : x.memberIds.map(name).join(', ')}</p>
                </div>
                {canEdit && (
                  <span className="p-row">
                    <Button size="sm" onClick={() => setDraft({ id: x.id, name: x.name, memberIds: x.memberIds })}
                            aria-label={t('teams.editOne', { name: x.name })}>{t('canned.editShort')}</Button>
                    <Button size="sm" variant="ghost" busy={remove.isPending && remove.variables === x.id}
                            aria-label={t('teams.deleteOne', { name: x.name })}
                            onClick={() => { if (window.confirm(t('teams.confirmDelete', { name: x.name }))) remove.mutate(x.id) }}>
                      {t('canned.delete')}
                    </Button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
    </div>
  )
}
