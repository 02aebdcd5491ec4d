import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router-dom'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import type { components } from '../../api/schema'
import { Button, Card, Loading, Notice, PageHeader, ProblemAlert } from '../../ui'
import { BillingBanner, QuotaBanner } from './BillingBanner'
import { BudgetCard } from './BudgetCard'
import { CreditCard } from './CreditCard'
import { InvoiceTable } from './InvoiceTable'
import { PlanCards } from './PlanCards'
import { MeterStatus } from './MeterStatus'
import { PriceTable } from './PriceTable'
import { UsageLedger } from './UsageLedger'
import { PremiumSection } from '../premium/PremiumSection'
import { UsageBars } from './UsageBars'
import { formatDate } from './format'
import { browser } from './browser'
import './billing.css'

type Plan = components['schemas']['Plan']

const LIVE = ['trialing', 'active', 'past_due', 'unpaid', 'incomplete', 'paused']

/**
 * The Billing page: plan in force, banners, usage against every limit, the usage ledger per bot and channel, plan
 * cards, the LLM price table, portal and invoices.
 */
export function BillingPage() {
  const { t } = useTranslation('billing')
  const queries = useQueryClient()
  const [params] = useSearchParams()
  const billing = useQuery({ queryKey: ['billing'], queryFn: () => unwrap(api.GET('/api/v1/billing')) })
  const plans = useQuery({ queryKey: ['plans'], queryFn: () => unwrap(api.GET('/api/v1/plans')) })
  const notConfigured = billing.error instanceof ApiProblem && billing.error.kind === 'billing-not-configured'
  const tenant = useQuery({ queryKey: ['tenant'], enabled: notConfigured, queryFn: () => unwrap(api.GET('/api/v1/tenant')) })
  const subscription = billing.data?.subscription ?? null
  const subscribed = Boolean(subscription?.stripe && LIVE.includes(subscription.status ?? ''))

  const choose = useMutation({
    mutationFn: async (plan: Plan) => {
      if (subscribed) {
        if (!window.confirm(t('plans.confirmSwitch', { plan: plan.name ?? plan.id }))) return
        const changed = await unwrap(api.POST('/api/v1/billing/subscription', { body: { planId: plan.id ?? '' } }))
        queries.setQueryData(['billing'], changed)
        return
      }
      const { url } = await unwrap(api.POST('/api/v1/billing/checkout', { body: { planId: plan.id ?? '' } }))
      if (url) browser.go(url)
    },
  })
  const portal = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/billing/portal')),
    onSuccess: ({ url }) => { if (url) browser.go(url) },
  })

  return (
    <>
      <PageHeader title={t('title')} description={t('description')}
                  actions={billing.data && (
                    <Button onClick={() => portal.mutate()} busy={portal.isPending}>{t('current.portal')}</Button>
                  )} />
      {params.get('checkout') === 'success' && <Notice tone="success">{t('checkoutSuccess')}</Notice>}
      {params.get('checkout') === 'canceled' && <Notice>{t('checkoutCanceled')}</Notice>}
      {(choose.error || portal.error) && <ProblemAlert error={choose.error ?? portal.error} />}
      {billing.isPending ? <Loading /> : notConfigured ? (
        <div className="p-stack">
          <Notice>{t('notConfigured')}</Notice>
          {/* in the Plans card as when billing is configured: the plans' h3 headings stay under an h2 */}
          {plans.data && (
            <Card title={t('plans.title')}>
              <PlanCards plans={plans.data} currentPlanId={tenant.data?.plan.id} subscribed={false} />
            </Card>
          )}
          <UsageLedger />
          <PriceTable />
        </div>
      ) : billing.error ? <ProblemAlert error={billing.error} onRetry={() => billing.refetch()} /> : billing.data && (
        <div className="p-stack">
          <QuotaBanner billing={billing.data} />
          <BillingBanner billing={billing.data} />
          <Card title={t('current.title')}>
            <p className="billing-current">
              <strong>{billing.data.plan.name}</strong>
              {subscription?.stripe && subscription.status === 'active' && !subscription.cancelAtPeriodEnd
                && subscription.currentPeriodEnd && (
                <span className="p-muted"> · {t('current.renews', { date: formatDate(subscription.currentPeriodEnd) })}</span>
              )}
            </p>
          </Card>
          <CreditCard credit={billing.data.credit} />
          <UsageBars usage={billing.data.usage} />
          <UsageLedger />
          <MeterStatus />
          <BudgetCard />
          <Card title={t('plans.title')}>
            {plans.data ? (
              <PlanCards plans={plans.data} currentPlanId={billing.data.plan.id} subscribed={subscribed}
                         busyPlanId={choose.isPending ? choose.variables?.id : undefined}
                         onChoose={(plan) => choose.mutate(plan)} />
            ) : plans.error ? <ProblemAlert error={plans.error} /> : <Loading />}
          </Card>
          <PriceTable />
          <InvoiceTable invoices={billing.data.invoices} />
        </div>
      )}
      {!billing.isPending && <PremiumSection />}
    </>
  )
}
