import { useState, type FormEvent } from 'react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import { Button, CopyField, Dialog, Notice, ProblemAlert, SelectField, TextField } from '../../ui'
import type { AdminTenant } from './operatorApi'

interface Props { tenant: AdminTenant | null; onClose: () => void }

/** Suspend a tenant, with the reason both audit logs keep. */
export function SuspendDialog({ tenant, onClose, onDone }: Props & { onDone: () => void }) {
  const { t } = useTranslation('operator')
  const [reason, setReason] = useState('')
  const suspend = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/admin/tenants/{id}/suspension',
      { params: { path: { id } }, body: { reason: reason.trim() } })),
    onSuccess: () => { setReason(''); onDone() },
  })
  const submit = (e: FormEvent) => { e.preventDefault(); if (tenant) suspend.mutate(tenant.id) }
  return (
    <Dialog open={tenant !== null} onClose={onClose} title={t('suspendTitle', { name: tenant?.name ?? '' })}>
      <form onSubmit={submit}>
        <p>{t('suspendHelp')}</p>
        <TextField label={t('reason')} value={reason} required maxLength={500} onChange={(e) => setReason(e.target.value)} />
        {suspend.error && <ProblemAlert error={suspend.error} />}
        <Button type="submit" variant="danger" busy={suspend.isPending} disabled={!reason.trim()}>{t('suspendSubmit')}</Button>
      </form>
    </Dialog>
  )
}

/** Set a tenant's base plan from the installation's catalogue. */
export function PlanDialog({ tenant, onClose, onDone }: Props & { onDone: () => void }) {
  const { t } = useTranslation('operator')
  const plans = useQuery({ queryKey: ['plans'], queryFn: () => unwrap(api.GET('/api/v1/plans')), enabled: tenant !== null })
  const [plan, setPlan] = useState('')
  const assign = useMutation({
    mutationFn: (id: string) => unwrap(api.PUT('/api/v1/admin/tenants/{id}/plan',
      { params: { path: { id } }, body: { planId: plan || (tenant?.plan ?? '') } })),
    onSuccess: () => { setPlan(''); onDone() },
  })
  const submit = (e: FormEvent) => { e.preventDefault(); if (tenant) assign.mutate(tenant.id) }
  return (
    <Dialog open={tenant !== null} onClose={onClose} title={t('planTitle', { name: tenant?.name ?? '' })}>
      <form onSubmit={submit}>
        <p>{t('planHelp')}</p>
        <SelectField label={t('columns.plan')} value={plan || tenant?.plan || ''} onChange={(e) => setPlan(e.target.value)}>
          {(plans.data ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </SelectField>
        {assign.error && <ProblemAlert error={assign.error} />}
        <Button type="submit" variant="primary" busy={assign.isPending}>{t('planSubmit')}</Button>
      </form>
    </Dialog>
  )
}

/** A read-only token for looking at a tenant; the reason goes to its audit log. */
export function ImpersonateDialog({ tenant, onClose }: Props) {
  const { t } = useTranslation('operator')
  const [reason, setReason] = useState('')
  const look = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/admin/tenants/{id}/impersonation',
      { params: { path: { id } }, body: { reason: reason.trim() } })),
  })
  const close = () => { setReason(''); look.reset(); onClose() }
  const submit = (e: FormEvent) => { e.preventDefault(); if (tenant) look.mutate(tenant.id) }
  return (
    <Dialog open={tenant !== null} onClose={close} title={t('lookTitle', { name: tenant?.name ?? '' })}>
      {look.data ? (
        <>
          <CopyField label={t('token')} value={look.data.accessToken} />
          <Notice>{t('tokenExpires', { minutes: Math.round(look.data.expiresIn / 60) })}</Notice>
        </>
      ) : (
        <form onSubmit={submit}>
          <p>{t('lookHelp')}</p>
          <TextField label={t('reason')} value={reason} required maxLength={500} onChange={(e) => setReason(e.target.value)} />
          {look.error && <ProblemAlert error={look.error} />}
          <Button type="submit" variant="primary" busy={look.isPending} disabled={!reason.trim()}>{t('lookSubmit')}</Button>
        </form>
      )}
    </Dialog>
  )
}
