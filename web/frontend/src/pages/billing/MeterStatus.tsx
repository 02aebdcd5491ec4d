import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import { Badge, Card } from '../../ui'
import { formatDate } from './format'

/**
 * Metered usage reported to Stripe this billing period, per meter the subscription is billed on, with the last
 * reconciliation's drift. Nothing is shown when this Parley reports no meter or the tenant is billed on none.
 */
export function MeterStatus() {
  const { t } = useTranslation('billing')
  const meters = useQuery({ queryKey: ['billing-meters'], queryFn: () => unwrap(api.GET('/api/v1/billing/meters')) })
  const billed = meters.data?.enabled ? meters.data.meters.filter((meter) => meter.billed) : []
  if (billed.length === 0) return null
  return (
    <Card title={t('meters.title')}>
      <p className="p-muted">{t('meters.description')}</p>
      <div className="p-table-wrap">
        <table className="p-table">
          <thead><tr>
            <th>{t('meters.meter')}</th><th>{t('meters.reported')}</th><th>{t('meters.pending')}</th>
            <th>{t('meters.check')}</th>
          </tr></thead>
          <tbody>
            {billed.map((meter) => (
              <tr key={meter.eventName}>
                <td><span className="p-mono">{meter.eventName}</span> <span className="p-muted">({t(`meters.quantities.${meter.quantity}`)})</span></td>
                <td>{meter.reportedValue.toLocaleString()}</td>
                <td>{meter.pendingHours.toLocaleString()}</td>
                <td>
                  {!meter.reconciliation ? <span className="p-muted">{t('meters.notChecked')}</span>
                    : meter.reconciliation.drift === 0 ? <Badge tone="success">{t('meters.inSync', { date: formatDate(meter.reconciliation.checkedAt) })}</Badge>
                      : <Badge tone="warning">{t('meters.drift', { drift: meter.reconciliation.drift.toLocaleString(),
                        ledger: meter.reconciliation.ledgerValue.toLocaleString(), stripe: meter.reconciliation.stripeValue.toLocaleString() })}</Badge>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  )
}
