import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { inboxKeys } from '../../api/inboxKeys'
import { ApiProblem, unwrap } from '../../api/problem'
import { useIsAgent } from '../../auth/useMyRole'
import { Button, Card, EmptyState, Loading, PageHeader, ProblemAlert, TextAreaField, TextField } from '../../ui'
import { useCannedReplies, type CannedReply } from './conversationData'

interface Draft { id?: string; shortcut: string; text: string }
const EMPTY: Draft = { shortcut: '', text: '' }

/** The tenant's canned replies: typed as /shortcut in the inbox's reply box. Agents and above keep them. */
export function CannedRepliesPage() {
  const { t } = useTranslation('inbox')
  const queries = useQueryClient()
  const replies = useCannedReplies()
  const canEdit = useIsAgent() !== false
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const refresh = () => void queries.invalidateQueries({ queryKey: inboxKeys.cannedReplies })
  const save = useMutation({
    mutationFn: (d: Draft) => d.id
      ? unwrap(api.PATCH('/api/v1/canned-replies/{cannedReplyId}', { params: { path: { cannedReplyId: d.id } }, body: { shortcut: d.shortcut, text: d.text } }))
      : unwrap(api.POST('/api/v1/canned-replies', { body: { shortcut: d.shortcut, text: d.text } })),
    onSuccess: () => { setDraft(EMPTY); refresh() },
  })
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/canned-replies/{cannedReplyId}', { params: { path: { cannedReplyId: id } } })),
    onSuccess: refresh,
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate(draft)
  }
  const errors = save.error instanceof ApiProblem ? save.error.fieldErrors : {}
  const edit = (r: CannedReply) => setDraft({ id: r.id, shortcut: r.shortcut, text: r.text })
  return (
    <div className="p-stack">
      <PageHeader title={t('canned.title')} description={t('canned.description')} />
      {canEdit && (
        <Card title={draft.id ? t('canned.edit') : t('canned.new')}>
          <form onSubmit={submit} noValidate className="p-stack">
            {save.error && !errors.shortcut && !errors.text && <ProblemAlert error={save.error} />}
            <TextField label={t('canned.shortcut')} hint={t('canned.shortcutHint')} value={draft.shortcut} maxLength={33}
                       error={errors.shortcut} onChange={(e) => setDraft({ ...draft, shortcut: e.target.value })} />
            <TextAreaField label={t('canned.text')} value={draft.text} rows={3} maxLength={4096} error={errors.text}
                           onChange={(e) => setDraft({ ...draft, text: e.target.value })} />
            <div className="p-row">
              <Button type="submit" variant="primary" busy={save.isPending}>{t('canned.save')}</Button>
              {draft.id && <Button onClick={() => setDraft(EMPTY)}>{t('common:actions.cancel')}</Button>}
            </div>
          </form>
        </Card>
      )}
      {replies.isPending ? <Loading /> : replies.error ? <ProblemAlert error={replies.error} onRetry={() => replies.refetch()} />
        : replies.data.items.length === 0 ? <EmptyState title={t('canned.empty')}>{t('canned.emptyHint')}</EmptyState> : (
          <ul className="canned-list" aria-label={t('canned.title')}>
            {remove.error && <ProblemAlert error={remove.error} />}
            {replies.data.items.map((r) => (
              <li key={r.id} className="canned-list__item">
                <div><strong>/{r.shortcut}</strong><p className="canned-list__text">{r.text}</p></div>
                {canEdit && (
                  <span className="p-row">
                    <Button size="sm" onClick={() => edit(r)} aria-label={t('canned.editOne', { shortcut: r.shortcut })}>{t('canned.editShort')}</Button>
                    <Button size="sm" variant="ghost" busy={remove.isPending && remove.variables === r.id}
                            aria-label={t('canned.deleteOne', { shortcut: r.shortcut })}
                            onClick={() => { if (window.confirm(t('canned.confirmDelete', { shortcut: r.shortcut }))) remove.mutate(r.id) }}>
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
