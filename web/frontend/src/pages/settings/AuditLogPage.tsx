import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import { useCursorList } from '../../api/useCursorList'
import type { components } from '../../api/schema'
import { formatDateTime } from '../../format/dates'
import { Button, EmptyState, Loading, PageHeader, ProblemAlert } from '../../ui'

type Entry = components['schemas']['AuditEntry']

export function AuditLogPage() {
  const { t } = useTranslation('settings')
  const log = useCursorList<Entry>(['audit-log'], (cursor) =>
    unwrap(api.GET('/api/v1/audit-log', { params: { query: { cursor, limit: 50 } } })))
  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      {log.isPending ? <Loading /> : log.error ? <ProblemAlert error={log.error} onRetry={() => log.refetch()} /> :
        log.items.length === 0 ? <EmptyState title={t('audit.empty')} /> : (
          <div className="p-table-wrap">
            <table className="p-table">
              <thead><tr>
                <th>{t('audit.when')}</th><th>{t('audit.actor')}</th><th>{t('audit.action')}</th>
                <th>{t('audit.target')}</th><th>{t('audit.details')}</th><th>{t('audit.ip')}</th>
              </tr></thead>
              <tbody>
                {log.items.map((entry) => (
                  <tr key={entry.id}>
                    <td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.createdAt)}</td>
                    <td>{entry.actor.type === 'system' ? t('audit.system') : entry.actor.label ?? entry.actor.id}</td>
                    <td><code>{entry.action}</code></td>
                    <td>{entry.targetType}</td>
                    <td className="p-mono" style={{ fontSize: 'var(--text-xs)' }}>{describe(entry.details)}</td>
                    <td>{entry.ip}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      {log.hasMore && <div style={{ marginTop: 'var(--space-4)' }}><Button onClick={() => log.loadMore()} busy={log.loadingMore}>{t('common:actions.loadMore')}</Button></div>}
    </>
  )
}

function describe(details: Record<string, unknown>): string {
  return Object.entries(details).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' · ')
}
