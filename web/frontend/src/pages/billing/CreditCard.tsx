import { useTranslation } from 'react-i18next'
import type { components } from '../../api/schema'
import { Card } from '../../ui'
import { formatDate, formatMoney } from './format'

type Credit = components['schemas']['TenantCredit']

/** Credit the installation's operator granted, and what is left of it on the Stripe customer (docs/billing.md). */
export function CreditCard({ credit }: { credit: Credit | null | undefined }) {
  const { t } = useTranslation('billing')
  if (!credit || (credit.grants.length === 0 && !credit.remaining)) return null
  const currency = credit.currency ?? credit.grants[0]?.currency ?? 'usd'
  const remaining = credit.remaining
  return (
    <Card title={t('credit.title')}>
      <p>
        {remaining == null ? t('credit.unknown')
          : remaining >= 0 ? t('credit.remaining', { amount: formatMoney(remaining, currency) })
            : t('credit.owed', { amount: formatMoney(-remaining, currency) })}
      </p>
      {credit.grants.length > 0 && (
        <ul className="p-muted">
          {credit.grants.map((grant) => (
            <li key={grant.id}>{t('credit.grant', {
              amount: formatMoney(grant.amount, grant.currency), date: formatDate(grant.createdAt), reason: grant.reason,
            })}</li>
          ))}
        </ul>
      )}
    </Card>
  )
}
