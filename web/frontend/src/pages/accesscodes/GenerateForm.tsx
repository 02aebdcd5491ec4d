import { useState, type FormEvent } from 'react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import type { components } from '../../api/schema'
import { Button, Card, ProblemAlert, TextField } from '../../ui'

type Created = components['schemas']['AccessCodeBatchCreated']

/** The batch form: name, how many codes, uses per code, expiry, and what redeeming sets (tier, one attribute). */
export function GenerateForm({ botId, onCancel, onCreated }: { botId: string; onCancel: () => void; onCreated: (created: Created) => void }) {
  const { t } = useTranslation('accesscodes')
  const [form, setForm] = useState({ name: '', count: '30', maxUses: '1', expiresAt: '', tier: '', key: '', value: '' })
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value })
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/bots/{botId}/access-codes/batches', {
      params: { path: { botId } },
      body: {
        name: form.name.trim(),
        count: Number(form.count),
        maxUses: Number(form.maxUses),
        ...(form.expiresAt ? { expiresAt: new Date(`${form.expiresAt}T23:59:59`).toISOString() } : {}),
        ...(form.tier.trim() || form.key.trim() ? { grants: {
          ...(form.tier.trim() ? { tier: form.tier.trim() } : {}),
          ...(form.key.trim() ? { attributes: { [form.key.trim()]: form.value } } : {}),
        } } : {}),
      },
    })),
    onSuccess: onCreated,
  })
  const fields = create.error instanceof ApiProblem ? create.error.fieldErrors : {}
  const submit = (e: FormEvent) => { e.preventDefault(); create.mutate() }
  return (
    <Card title={t('generate')}>
      <form className="p-stack" onSubmit={submit} noValidate>
        {create.error && <ProblemAlert error={create.error} />}
        <TextField label={t('name')} hint={t('nameHint')} required maxLength={100} value={form.name} error={fields.name}
                   onChange={set('name')} placeholder="Class 3B" />
        <TextField label={t('count')} type="number" min={1} max={1000} required value={form.count} error={fields.count} onChange={set('count')} />
        <TextField label={t('maxUses')} hint={t('maxUsesHint')} type="number" min={1} max={100000} value={form.maxUses}
                   error={fields.maxUses} onChange={set('maxUses')} />
        <TextField label={t('expiresAt')} type="date" value={form.expiresAt} error={fields.expiresAt} onChange={set('expiresAt')} />
        <TextField label={t('grantTier')} maxLength={40} value={form.tier} error={fields['grants.tier']} onChange={set('tier')} placeholder="student" />
        <TextField label={t('grantKey')} maxLength={64} value={form.key} onChange={set('key')} placeholder="school" />
        {form.key.trim() && <TextField label={t('grantValue')} maxLength={1000} value={form.value} onChange={set('value')} />}
        <div className="p-dialog__actions">
          <Button onClick={onCancel}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" busy={create.isPending}>{t('generateSubmit')}</Button>
        </div>
      </form>
    </Card>
  )
}
