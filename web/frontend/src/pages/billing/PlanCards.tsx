import { useTranslation } from 'react-i18next'
import type { components } from '../../api/schema'
import { Badge, Button } from '../../ui'
import { formatMoney } from './format'

type Plan = components['schemas']['Plan']

/**
 * The catalogue as cards. A tenant with a Stripe subscription switches plan (prorated); anyone else upgrades through
 * Checkout. Without {@code onChoose} (billing not configured, or a role that may not buy) the cards only inform.
 */
export function PlanCards({ plans, currentPlanId, subscribed, busyPlanId, onChoose }: {
  plans: Plan[]
  currentPlanId: string | undefined
  subscribed: boolean
  busyPlanId?: string
  onChoose?: (plan: Plan) => void
}) {
  const { t } = useTranslation('billing')
  return (
    <ul className="billing-plans">
      {plans.map((plan) => {
        const current = plan.id === currentPlanId
        const price = plan.monthlyPriceCents ? t('plans.perMonth', { price: formatMoney(plan.monthlyPriceCents, plan.currency ?? 'usd') })
          : t('plans.free')
        return (
          <li key={plan.id} className={current ? 'billing-plan billing-plan--current' : 'billing-plan'} aria-label={plan.name}>
            <div className="p-row" style={{ justifyContent: 'space-between' }}>
              <h3>{plan.name}</h3>
              {current && <Badge tone="primary">{t('plans.currentBadge')}</Badge>}
            </div>
            <p className="billing-plan__price">{price}</p>
            <ul className="billing-plan__features">
              {(plan.features ?? []).map((feature) => <li key={feature}>{feature}</li>)}
            </ul>
            {!current && onChoose && (plan.purchasable ? (
              <Button variant="primary" busy={busyPlanId === plan.id} onClick={() => onChoose(plan)}>
                {t(subscribed ? 'plans.switch' : 'plans.upgrade', { plan: plan.name })}
              </Button>
            ) : plan.monthlyPriceCents ? <p className="p-muted">{t('plans.notForSale')}</p>
              : subscribed ? <p className="p-muted">{t('plans.downgradeToFree')}</p> : null)}
          </li>
        )
      })}
    </ul>
  )
}
