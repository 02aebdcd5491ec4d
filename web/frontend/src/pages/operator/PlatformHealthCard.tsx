import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import { Card, Loading, ProblemAlert } from '../../ui'
import './operator.css'

/** The installation's health: the job queue, every tenant's failing channels, the LLM circuits. */
export function PlatformHealthCard() {
  const { t } = useTranslation('operator')
  const health = useQuery({ queryKey: ['admin-health'], queryFn: () => unwrap(api.GET('/api/v1/admin/health')),
    refetchInterval: 30_000 })
  if (health.isPending) return <Loading />
  if (health.error) return <ProblemAlert error={health.error} onRetry={() => health.refetch()} />
  const h = health.data
  const seconds = (value: number) => t('health.seconds', { value: Math.round(value) })
  return (
    <Card title={t('health.title')}>
      <dl className="operator-stats">
        <div><dt>{t('health.queueDepth')}</dt><dd>{h.queueDepth}</dd></div>
        <div><dt>{t('health.oldest')}</dt><dd>{seconds(h.oldestJobSeconds)}</dd></div>
        <div><dt>{t('health.llm')}</dt><dd>{h.llm
          ? t('health.llmOk', { state: h.llm.platform, open: h.llm.botEndpointsOpen, total: h.llm.botEndpoints })
          : t('health.llmUnknown')}</dd></div>
      </dl>
      {h.queue.length > 0 && (
        <div className="p-table-wrap">
          <table className="p-table">
            <thead><tr>
              <th>{t('health.kind')}</th><th>{t('health.available')}</th><th>{t('health.scheduled')}</th>
              <th>{t('health.running')}</th><th>{t('health.retryable')}</th><th>{t('health.oldest')}</th>
            </tr></thead>
            <tbody>
              {h.queue.map((k) => (
                <tr key={k.kind}>
                  <td>{k.kind}</td><td>{k.available}</td><td>{k.scheduled}</td><td>{k.running}</td>
                  <td>{k.retryable}</td><td>{seconds(k.oldestDueSeconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('health.failing')}</h3>
      {h.failingChannels.length === 0 ? <p>{t('health.noFailing')}</p> : (
        <ul>
          {h.failingChannels.map((c) => (
            <li key={c.channelId}>{t('health.channel', { type: c.type, tenant: c.tenantName })}{c.detail ? `: ${c.detail}` : ''}</li>
          ))}
        </ul>
      )}
    </Card>
  )
}
