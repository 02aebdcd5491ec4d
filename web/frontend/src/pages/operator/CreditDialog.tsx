import { useState, type FormEvent } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import { Button, Dialog, Loading, Notice, ProblemAlert, TextField } from '../../ui'
import { formatDate, formatMoney } from '../billing/format'
import type { AdminTenant } from './operatorApi'

interface Props { tenant: AdminTenant | null; onClose: () => void }

/** Major units as typed ("25" or "25.50") → minor units (2550); null unless a positive amount with up to 2 decimals. */
function toMinor(amount: string): number | null {
  if (!/^\d+(\.\d{1,2})?$/.test(amount.trim())) return null
  const minor = Math.round(Number(amount.trim()) * 100)
  return minor > 0 ? minor : null
}

/**
 * A tenant's credit (what is left on its Stripe customer, the grants) and granting more. Each opening of the form
 * gets its own Idempotency-Key, so a double submit or a retry after a lost answer credits once.
 */
export function CreditDialog({ tenant, onClose }: Props) {
  const { t } = useTranslation('operator')
  const queries = useQueryClient()
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [key, setKey] = useState(() => crypto.randomUUID())
  const queryKey = ['admin-credit', tenant?.id]
  const credit = useQuery({
    queryKey, enabled: tenant !== null,
    queryFn: () => unwrap(api.GET('/api/v1/admin/tenants/{id}/credits', { params: { path: { id: tenant?.id ?? '' } } })),
  })
  const grant = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/admin/tenants/{id}/credits', {
      params: { path: { id }, header: { 'Idempotency-Key': key } },
      body: { amount: toMinor(amount) ?? 0, reason: reason.trim() },
    })),
    onSuccess: () => {
      setAmount(''); setReason(''); setKey(crypto.randomUUID())
      void queries.invalidateQueries({ queryKey })
    },
  })
  const close = () => { grant.reset(); onClose() }
  const submit = (e: FormEvent) => { e.preventDefault(); if (tenant) grant.mutate(tenant.id) }
  const currency = credit.data?.currency ?? credit.data?.grants[0]?.currency ?? 'usd'
  return (
    <Dialog open={tenant !== null} onClose={close} title={t('creditTitle', { name: tenant?.name ?? '' })}>
      {credit.isPending ? <Loading /> : credit.error ? <ProblemAlert error={credit.error} /> : credit.data && (
        <>
          <p>{credit.data.remaining == null ? t('creditUnknown')
            : t('creditRemaining', { amount: formatMoney(credit.data.remaining, currency) })}</p>
          {credit.data.grants.length > 0 && (
            <ul>
              {credit.data.grants.map((g) => (
                <li key={g.id}>{t('creditGrant', { amount: formatMoney(g.amount, g.currency), date: formatDate(g.createdAt),
                  reason: g.reason, by: g.grantedBy })}</li>
              ))}
            </ul>
          )}
        </>
      )}
      {grant.data && <Notice tone="success">{t('creditGranted', { amount: formatMoney(grant.data.grant.amount, grant.data.grant.currency) })}</Notice>}
      <form onSubmit={submit}>
        <p>{t('creditHelp')}</p>
        <TextField label={t('creditAmount', { currency: currency.toUpperCase() })} inputMode="decimal" value={amount}
                   required onChange={(e) => setAmount(e.target.value)} />
        <TextField label={t('reason')} value={reason} required maxLength={500} onChange={(e) => setReason(e.target.value)} />
        {grant.error && <ProblemAlert error={grant.error} />}
        <Button type="submit" variant="primary" busy={grant.isPending}
                disabled={toMinor(amount) === null || !reason.trim()}>{t('creditSubmit')}</Button>
      </form>
    </Dialog>
  )
}
