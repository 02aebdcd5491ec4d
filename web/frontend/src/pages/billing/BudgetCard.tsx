import { useEffect, useState, type FormEvent } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import { Button, Card, Checkbox, Loading, Notice, ProblemAlert, SelectField, TextAreaField, TextField } from '../../ui'
import { formatMicros } from './format'
import { formFromBudget, requestFromForm, type BudgetFormValues } from './budgetForm'

/**
 * The LLM budget of the tenant (no botId, on the Billing page) or of one bot (on its page): what it spent this month
 * and today, the limits in dollars, alert thresholds, and what the bot does at the cap. Owners and admins only.
 */
export function BudgetCard({ botId }: { botId?: string }) {
  const { t } = useTranslation('billing')
  const queries = useQueryClient()
  const key = ['budget', botId ?? 'tenant']
  const budget = useQuery({
    queryKey: key,
    queryFn: () => unwrap(botId
      ? api.GET('/api/v1/bots/{botId}/budget', { params: { path: { botId } } })
      : api.GET('/api/v1/billing/budget')),
  })
  const [form, setForm] = useState<BudgetFormValues | null>(null)
  useEffect(() => { if (budget.data) setForm(formFromBudget(budget.data)) }, [budget.data])
  const save = useMutation({
    mutationFn: (values: BudgetFormValues) => unwrap(botId
      ? api.PATCH('/api/v1/bots/{botId}/budget', { params: { path: { botId } }, body: requestFromForm(values) })
      : api.PATCH('/api/v1/billing/budget', { body: requestFromForm(values) })),
    onSuccess: (saved) => queries.setQueryData(key, saved),
  })
  const errors = save.error instanceof ApiProblem ? save.error.fieldErrors : {}
  const set = (change: Partial<BudgetFormValues>) => setForm((f) => (f ? { ...f, ...change } : f))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (form) save.mutate(form)
  }
  const title = botId ? t('budget.botTitle') : t('budget.title')
  if (budget.isPending || !form) {
    return <Card title={title}>{budget.error ? <ProblemAlert error={budget.error} /> : <Loading />}</Card>
  }
  return (
    <Card title={title}>
      <form className="p-stack" onSubmit={submit} aria-label={title}>
        <p className="p-muted">{botId ? t('budget.botDescription') : t('budget.description')}</p>
        {budget.data && (
          <p>{t('budget.spent', { month: formatMicros(budget.data.spentThisMonthMicros),
            day: formatMicros(budget.data.spentTodayMicros) })}</p>
        )}
        <div className="budget-grid">
          <TextField label={t('budget.monthly')} hint={t('budget.limitHint')} inputMode="decimal" value={form.monthly}
                     error={errors.monthlyLimitMicros} onChange={(e) => set({ monthly: e.target.value })} />
          <TextField label={t('budget.daily')} hint={t('budget.limitHint')} inputMode="decimal" value={form.daily}
                     error={errors.dailyLimitMicros} onChange={(e) => set({ daily: e.target.value })} />
        </div>
        <TextField label={t('budget.thresholds')} hint={t('budget.thresholdsHint')} value={form.thresholds}
                   error={errors.alertThresholds ?? errors['alertThresholds[0]']}
                   onChange={(e) => set({ thresholds: e.target.value })} />
        <Checkbox label={t('budget.hardCap')} checked={form.hardCap} onChange={(e) => set({ hardCap: e.target.checked })} />
        {form.hardCap && (
          <>
            <SelectField label={t('budget.atCap')} value={form.atCap} error={errors.atCap}
                         onChange={(e) => set({ atCap: e.target.value as BudgetFormValues['atCap'] })}>
              {(['message', 'cheaper_model', 'flows_only'] as const).map((mode) => (
                <option key={mode} value={mode}>{t(`budget.modes.${mode}`)}</option>
              ))}
            </SelectField>
            {form.atCap === 'cheaper_model' && (
              <TextField label={t('budget.capModel')} hint={t('budget.capModelHint')} value={form.capModel} required
                         maxLength={200} error={errors.capModel} onChange={(e) => set({ capModel: e.target.value })} />
            )}
            {form.atCap === 'message' && (
              <TextAreaField label={t('budget.capMessage')} hint={t('budget.capMessageHint')} value={form.capMessage}
                             rows={2} maxLength={2000} error={errors.capMessage}
                             onChange={(e) => set({ capMessage: e.target.value })} />
            )}
          </>
        )}
        {save.error && !(save.error instanceof ApiProblem && Object.keys(errors).length > 0) && (
          <ProblemAlert error={save.error} />
        )}
        {save.isSuccess && <Notice tone="success">{t('budget.saved')}</Notice>}
        <div><Button type="submit" variant="primary" busy={save.isPending}>{t('budget.save')}</Button></div>
      </form>
    </Card>
  )
}
