import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import { Card, ProblemAlert } from '../../ui'

/**
 * How many of the bot's contacts have each memory field set (GET …/memory-fields/stats): a contact without a stored
 * value has the field's default. Read again after the fields are saved (the page invalidates the same key).
 */
export function MemoryStats({ botId }: { botId: string }) {
  const { t } = useTranslation('memory')
  const stats = useQuery({ queryKey: ['memory-fields', botId, 'stats'], queryFn: () => unwrap(
    api.GET('/api/v1/bots/{botId}/memory-fields/stats', { params: { path: { botId } } })) })
  if (stats.isPending) return null
  if (stats.error) return <ProblemAlert error={stats.error} onRetry={() => stats.refetch()} />
  if (stats.data.fields.length === 0) return null
  return (
    <Card title={t('stats.title')}>
      <p className="p-muted">{t('stats.description', { count: stats.data.contacts })}</p>
      <div className="p-table-wrap">
        <table className="p-table" aria-label={t('stats.title')}>
          <thead><tr><th>{t('name')}</th><th>{t('scope')}</th><th>{t('stats.set')}</th></tr></thead>
          <tbody>
            {stats.data.fields.map((field) => (
              <tr key={field.name}>
                <td>{field.name}</td>
                <td>{t(`scopes.${field.scope}`)}</td>
                <td>{t('stats.ofContacts', { set: field.contactsSet, total: stats.data.contacts })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  )
}
