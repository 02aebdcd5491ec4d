import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { ProblemAlert } from '../../ui'
import { useEstimate } from './broadcastData'

interface Props {
  segmentId: string
  channelIds: string[]
  template?: { name: string; language: string }
  /** Told whether a LINE channel would exceed its monthly quota (the API refuses such a send). */
  onOverQuota: (over: boolean) => void
}

/** The composer's reach and cost estimate: recipients per channel, WhatsApp cost by template category, LINE quota left. */
export function EstimateView({ segmentId, channelIds, template, onOverQuota }: Props) {
  const { t, i18n } = useTranslation('broadcasts')
  const estimate = useEstimate({ segmentId, channelIds, ...(template ? { template } : {}) })
  const over = !!estimate.data?.channels.some((c) => c.exceedsQuota)
  useEffect(() => { onOverQuota(over) }, [over, onOverQuota])
  if (!segmentId || channelIds.length === 0) return null
  if (estimate.error) return <ProblemAlert error={estimate.error} />
  if (!estimate.data) return null
  const number = (n: number) => n.toLocaleString(i18n.language)
  const money = (currency: string, amount: number) =>
    new Intl.NumberFormat(i18n.language, { style: 'currency', currency, maximumFractionDigits: 4 }).format(amount)
  return (
    <section aria-label={t('estimate.title')} className="p-stack">
      <ul>
        {estimate.data.channels.map((c) => (
          <li key={c.channelId}>
            {t('estimate.channel', { name: c.name, count: c.recipients, recipients: number(c.recipients) })}
            {c.cost && <> · {t('estimate.cost', { category: t(`estimate.categories.${c.cost.category}`), price: money(c.cost.currency, c.cost.total) })}
              {c.cost.categoryAssumed && <> ({t('estimate.assumed')})</>}</>}
            {c.lineQuota && (c.lineQuota.remaining == null
              ? <> · {t('estimate.unlimited')}</>
              : <> · {t('estimate.quota', { remaining: number(c.lineQuota.remaining), limit: number(c.lineQuota.limit ?? 0) })}</>)}
            {c.lineQuotaError && <> · {t('estimate.quotaUnknown', { reason: c.lineQuotaError })}</>}
            {c.exceedsQuota && <p role="alert">{t('estimate.overQuota', { name: c.name })}</p>}
          </li>
        ))}
      </ul>
      {estimate.data.whatsappCost && (
        <p>{t('estimate.total', { price: money(estimate.data.whatsappCost.currency, estimate.data.whatsappCost.amount) })}</p>
      )}
    </section>
  )
}
