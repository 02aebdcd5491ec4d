import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import { Badge, EmptyState, Loading, ProblemAlert } from '../../ui'
import { usePermissions } from '../../auth/useMyRole'
import { DryRunBox } from './DryRunBox'
import type { Flow } from './flowForm'
import './flows.css'

/** A bot's flows in match order (the API lists them so: priority, then age), and the dry-run box. */
export function FlowsPage() {
  const { t } = useTranslation('flows')
  const { botId = '' } = useParams()
  const flows = useQuery({
    queryKey: ['flows', botId],
    queryFn: () => unwrap(api.GET('/api/v1/bots/{botId}/flows', { params: { path: { botId } } })),
  })
  const { canConfigure } = usePermissions()
  const create = canConfigure && <Link to="new" className="p-btn p-btn--primary">{t('create')}</Link>
  return (
    <div className="p-stack">
      <div className="flow-toolbar">
        <p className="p-muted">{t('description')}</p>
        {create}
      </div>
      {flows.isPending ? <Loading /> : flows.error ? <ProblemAlert error={flows.error} onRetry={() => flows.refetch()} /> :
        flows.data.items.length === 0 ? (
          <div className="p-card"><EmptyState title={t('empty')}>{t('emptyBody')}</EmptyState></div>
        ) : (
          <div className="p-table-wrap">
            <table className="p-table">
              <thead><tr>
                <th>{t('order')}</th><th>{t('name')}</th><th>{t('trigger')}</th><th>{t('priority')}</th><th>{t('steps')}</th><th>{t('enabled')}</th>
              </tr></thead>
              <tbody>
                {flows.data.items.map((flow, index) => (
                  <tr key={flow.id}>
                    <td>{index + 1}</td>
                    <td><Link to={flow.id} aria-label={t('edit', { name: flow.name })}>{flow.name}</Link></td>
                    <td>{t(`triggers.${flow.trigger.type}`, { defaultValue: flow.trigger.type ?? '' })}<TriggerSummary flow={flow} /></td>
                    <td>{flow.priority}</td>
                    <td>{t('stepCount', { count: flow.steps.length })}</td>
                    <td>{flow.enabled ? <Badge tone="success">{t('enabled')}</Badge> : <Badge>{t('disabled')}</Badge>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      <DryRunBox botId={botId} />
    </div>
  )
}

function TriggerSummary({ flow }: { flow: Flow }) {
  const { trigger } = flow
  const detail = trigger.keywords?.join(', ') ?? trigger.pattern ?? trigger.data
  return detail ? <span className="p-muted flow-trigger-detail">{detail}</span> : null
}
