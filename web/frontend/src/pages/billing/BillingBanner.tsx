import { useTranslation } from 'react-i18next'
import type { components } from '../../api/schema'
import { Notice } from '../../ui'
import { formatDate } from './format'

type Billing = components['schemas']['Billing']

/** The plan's quota used up (answered messages, or the LLM budget): what contacts get now, and how to get out. */
export function QuotaBanner({ billing }: { billing: Billing }) {
  const { t } = useTranslation('billing')
  const spent = (key: string) => billing.usage.items.some((u) => u.key === key && u.limit != null && u.used >= u.limit)
  if (spent('messagesPerMonth')) return <Notice tone="danger">{t('quota.messages')}</Notice>
  if (spent('llmBudgetMicros')) return <Notice tone="danger">{t('quota.llm')}</Notice>
  return null
}

/** The one banner that matters now: a trial's end, a failed payment and its grace period, an ending subscription. */
export function BillingBanner({ billing }: { billing: Billing }) {
  const { t } = useTranslation('billing')
  const s = billing.subscription
  if (!s) return null
  const plan = billing.plan.name
  switch (s.status) {
    case 'trialing':
      return <Notice>{t('banners.trial', { plan, date: formatDate(s.trialEnd) })}</Notice>
    case 'past_due':
      return s.graceEndsAt && new Date(s.graceEndsAt).getTime() > Date.now()
        ? <Notice tone="danger">{t('banners.pastDue', { date: formatDate(s.graceEndsAt) })}</Notice>
        : <Notice tone="danger">{t('banners.pastDueOver')}</Notice>
    case 'unpaid':
      return <Notice tone="danger">{t('banners.unpaid')}</Notice>
    case 'canceled':
    case 'incomplete_expired':
      return <Notice>{t(s.stripe ? 'banners.canceled' : 'banners.trialEnded', { plan })}</Notice>
    default:
      return s.cancelAtPeriodEnd
        ? <Notice>{t('banners.cancelAtPeriodEnd', { date: formatDate(s.currentPeriodEnd) })}</Notice>
        : null
  }
}
