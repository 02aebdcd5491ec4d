import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import { formatDateTime } from '../../format/dates'
import { Button, ProblemAlert, TextAreaField } from '../../ui'

/**
 * The inbox contact panel's long-memory section: what the bot remembers of this conversation beyond its history
 * window (written by the summary job, docs/llm.md "Long memory"), and for agents and up a box to correct it.
 */
export function ConversationSummary({ conversationId, canEdit }: { conversationId: string; canEdit: boolean }) {
  const { t } = useTranslation('memory')
  const queries = useQueryClient()
  const key = ['conversation-summary', conversationId]
  const summary = useQuery({ queryKey: key, queryFn: () =>
    unwrap(api.GET('/api/v1/conversations/{conversationId}/summary', { params: { path: { conversationId } } })) })
  const [draft, setDraft] = useState<string | null>(null)
  const save = useMutation({
    mutationFn: (text: string) => unwrap(api.PUT('/api/v1/conversations/{conversationId}/summary', {
      params: { path: { conversationId } }, body: { summary: text } })),
    onSuccess: (saved) => { setDraft(null); queries.setQueryData(key, saved) },
  })
  if (summary.isPending) return null
  if (summary.error) return summary.error instanceof ApiProblem && summary.error.status === 404 ? null
    : <ProblemAlert error={summary.error} onRetry={() => summary.refetch()} />
  const data = summary.data
  return (
    <div className="p-stack" style={{ gap: 'var(--space-2)' }}>
      <h3 className="contact-panel__section">{t('summary.title')}</h3>
      {draft === null ? (
        <>
          <p className="contact-panel__small" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {data.summary || <span className="p-muted">{t('summary.none')}</span>}
          </p>
          {data.updatedAt && (
            <p className="p-muted contact-panel__small">
              {t(data.source === 'agent' ? 'summary.byAgent' : 'summary.byLlm', { when: formatDateTime(data.updatedAt), model: data.model ?? '' })}
            </p>
          )}
          {canEdit && <div><Button size="sm" variant="secondary" onClick={() => setDraft(data.summary)}>{t('summary.edit')}</Button></div>}
        </>
      ) : (
        <form className="p-stack" style={{ gap: 'var(--space-2)' }} onSubmit={(e) => { e.preventDefault(); save.mutate(draft) }}>
          <TextAreaField label={t('summary.label')} hint={t('summary.hint')} value={draft} maxLength={8000} rows={6}
                         onChange={(e) => setDraft(e.target.value)} />
          <div className="p-row">
            <Button size="sm" type="submit" busy={save.isPending}>{t('summary.save')}</Button>
            <Button size="sm" variant="secondary" type="button" onClick={() => setDraft(null)}>{t('summary.cancel')}</Button>
          </div>
        </form>
      )}
      {save.error && <ProblemAlert error={save.error} />}
    </div>
  )
}
