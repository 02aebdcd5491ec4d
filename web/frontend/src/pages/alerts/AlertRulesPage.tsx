import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import { useCursorList } from '../../api/useCursorList'
import { usePermissions } from '../../auth/useMyRole'
import { Button, Dialog, EmptyState, Loading, Notice, PageHeader, ProblemAlert, SelectField, TextField } from '../../ui'
import { EMPTY_FORM, KINDS, summaryValues, toRequest, type AlertForm, type AlertKind, type AlertRule } from './alertRules'

const KEY = ['alert-rules']

/** Settings → Alerts: the workspace's alert rules; everyone reads them, owners and admins change them. */
export function AlertRulesPage() {
  const { t } = useTranslation('alerts')
  const queries = useQueryClient()
  const { canConfigure } = usePermissions()
  const [adding, setAdding] = useState(false)
  const rules = useCursorList<AlertRule>(KEY, (cursor) =>
    unwrap(api.GET('/api/v1/alert-rules', { params: { query: { cursor } } })))
  const refresh = () => queries.invalidateQueries({ queryKey: KEY })
  const toggle = useMutation({
    mutationFn: (rule: AlertRule) => unwrap(api.PATCH('/api/v1/alert-rules/{ruleId}', {
      params: { path: { ruleId: rule.id } }, body: { enabled: !rule.enabled } })),
    onSuccess: refresh,
  })
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/alert-rules/{ruleId}', { params: { path: { ruleId: id } } })),
    onSuccess: refresh,
  })
  return (
    <>
      <PageHeader title={t('title')} description={t('description')}
                  actions={canConfigure && <Button variant="primary" onClick={() => setAdding(true)}>{t('add')}</Button>} />
      {!canConfigure && <Notice>{t('readOnly')}</Notice>}
      {(toggle.error || remove.error) && <ProblemAlert error={toggle.error ?? remove.error} />}
      {rules.isPending ? <Loading /> : rules.error ? <ProblemAlert error={rules.error} onRetry={() => rules.refetch()} /> :
        rules.items.length === 0 ? <EmptyState title={t('empty')}>{t('emptyHint')}</EmptyState> : (
          <div className="p-table-wrap" style={{ marginTop: 'var(--space-4)' }}>
            <table className="p-table">
              <thead><tr>
                <th>{t('kind')}</th><th>{t('condition')}</th><th>{t('enabled')}</th>
                {canConfigure && <th><span className="visually-hidden">{t('delete')}</span></th>}
              </tr></thead>
              <tbody>
                {rules.items.map((rule) => {
                  const name = t(`kinds.${rule.kind}`)
                  return (
                    <tr key={rule.id}>
                      <td>{name}</td>
                      <td>{t(`summaries.${rule.kind}`, summaryValues(rule))}</td>
                      <td>
                        <input type="checkbox" checked={rule.enabled} disabled={!canConfigure || toggle.isPending}
                               aria-label={t('enabledLabel', { name })} onChange={() => toggle.mutate(rule)} />
                      </td>
                      {canConfigure && (
                        <td>
                          <Button size="sm" variant="danger" busy={remove.isPending && remove.variables === rule.id}
                                  onClick={() => window.confirm(t('confirmDelete', { name })) && remove.mutate(rule.id)}>
                            {t('delete')}
                          </Button>
                        </td>
                      )}
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        )}
      {rules.hasMore && <Button onClick={() => rules.loadMore()} busy={rules.loadingMore}>{t('common:actions.loadMore')}</Button>}
      <AddAlertDialog open={adding} onClose={() => setAdding(false)} onAdded={() => { setAdding(false); void refresh() }} />
    </>
  )
}

function AddAlertDialog({ open, onClose, onAdded }: { open: boolean; onClose: () => void; onAdded: () => void }) {
  const { t } = useTranslation('alerts')
  const [form, setForm] = useState<AlertForm>(EMPTY_FORM)
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/alert-rules', { body: toRequest(form) })),
    onSuccess: () => { setForm(EMPTY_FORM); create.reset(); onAdded() },
  })
  const errors = create.error instanceof ApiProblem ? create.error.fieldErrors : {}
  const field = (key: keyof AlertForm, label: string, error: string | undefined, step = '1') => (
    <TextField label={label} type="number" min="0" step={step} required value={form[key]} error={error}
               onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
  )
  const submit = (e: FormEvent) => { e.preventDefault(); create.mutate() }
  return (
    <Dialog open={open} onClose={onClose} title={t('add')}>
      <form className="p-stack" onSubmit={submit} noValidate>
        {create.error && Object.keys(errors).length === 0 && <ProblemAlert error={create.error} />}
        <SelectField label={t('kind')} value={form.kind} error={errors.kind}
                     onChange={(e) => setForm({ ...form, kind: e.target.value as AlertKind })}>
          {KINDS.map((kind) => <option key={kind} value={kind}>{t(`kinds.${kind}`)}</option>)}
        </SelectField>
        {form.kind === 'llm_daily_cost' && field('cost', t('fields.cost'), errors.costMicros, '0.01')}
        {form.kind === 'llm_failure_rate' && (
          <>
            {field('percent', t('fields.percent'), errors.failurePercent)}
            {field('window', t('fields.window'), errors.windowMinutes)}
            {field('minCalls', t('fields.minCalls'), errors.minCalls)}
          </>
        )}
        {form.kind === 'handoff_waiting' && field('wait', t('fields.wait'), errors.waitMinutes)}
        <div className="p-dialog__actions">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" busy={create.isPending}>{t('addSubmit')}</Button>
        </div>
      </form>
    </Dialog>
  )
}
