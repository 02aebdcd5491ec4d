import { useTranslation } from 'react-i18next'
import type { components } from '../../api/schema'
import { Card } from '../../ui'
import { formatDate, formatMicros } from './format'

type Usage = components['schemas']['BillingUsage']

/** One bar per limit of the plan in force, with the numbers; money limits in dollars. */
export function UsageBars({ usage }: { usage: Usage }) {
  const { t } = useTranslation('billing')
  const show = (key: string, value: number) => key === 'llmBudgetMicros' ? formatMicros(value) : value.toLocaleString()
  return (
    <Card title={t('usage.title')}>
      <p className="p-muted billing-period">{t('usage.period', { start: formatDate(usage.periodStart), end: formatDate(usage.periodEnd) })}</p>
      <ul className="billing-usage">
        {usage.items.map((item) => {
          const key = item.key ?? ''
          const label = t(`usage.keys.${key}`)
          const limit = item.limit ?? null
          const ratio = limit === null || limit === 0 ? 0 : Math.min(1, item.used / limit)
          const text = limit === null ? `${show(key, item.used)} (${t('usage.unlimited')})`
            : t('usage.of', { used: show(key, item.used), limit: show(key, limit) })
          return (
            <li key={key} className="billing-usage__item">
              <div className="p-row billing-usage__label"><span>{label}</span><span className="p-muted">{text}</span></div>
              <progress className={ratio >= 1 ? 'billing-bar billing-bar--full' : 'billing-bar'} aria-label={label}
                        aria-valuetext={text} max={1} value={limit === null ? 0 : ratio} />
            </li>
          )
        })}
      </ul>
    </Card>
  )
}
