import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import { Badge, EmptyState, Loading, ProblemAlert } from '../../ui'

const TONES = { sent: 'success', skipped: 'warning', failed: 'danger', queued: 'primary' } as const

/** The audit of a proactive flow: its latest runs with their status and the reason or delivery. */
export function FlowRuns({ botId, flowId }: { botId: string; flowId: string }) {
  const { t, i18n } = useTranslation('triggers')
  const runs = useQuery({
    queryKey: ['flows', botId, flowId, 'runs'],
    queryFn: () => unwrap(api.GET('/api/v1/bots/{botId}/flows/{flowId}/runs', {
      params: { path: { botId, flowId }, query: { limit: 50 } },
    })),
  })
  if (runs.isPending) return <Loading />
  if (runs.error) return <ProblemAlert error={runs.error} onRetry={() => runs.refetch()} />
  if (runs.data.items.length === 0) return <EmptyState title={t('runs.empty')} />
  return (
    <div className="p-table-wrap">
      <table className="p-table" aria-label={t('runs.title')}>
        <thead>
          <tr>
            <th>{t('runs.created')}</th><th>{t('runs.contact')}</th><th>{t('runs.occurrence')}</th>
            <th>{t('runs.status')}</th><th>{t('runs.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.data.items.map((run) => (
            <tr key={run.id}>
              <td>{new Date(run.createdAt).toLocaleString(i18n.language)}</td>
              <td className="p-mono">{run.contactId}</td>
              <td className="p-mono">{run.occurrence}</td>
              <td><Badge tone={TONES[run.status]}>{t(`runs.statuses.${run.status}`)}</Badge></td>
              <td>{run.reason ?? [run.delivery?.status, run.delivery?.detail].filter(Boolean).join(': ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
