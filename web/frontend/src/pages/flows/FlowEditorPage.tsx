import { useState, type FormEvent } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import { Button, Checkbox, Loading, Notice, ProblemAlert, TextField } from '../../ui'
import { usePermissions } from '../../auth/useMyRole'
import { DryRunBox } from './DryRunBox'
import { StepsEditor } from './StepsEditor'
import { TriggerEditor } from './TriggerEditor'
import { formFromFlow, newFlowForm, type Flow, type FlowForm } from './flowForm'
import { requestFromForm } from './flowRequest'
import { FlowEditorContext } from './editorContext'
import { FlowConditionField } from './conditions/FlowConditionField'
import { useUnsavedChanges } from '../bots/useUnsavedChanges'
import './flows.css'

/** /bots/:botId/flows/new and /bots/:botId/flows/:flowId. */
export function FlowEditorPage() {
  const { botId = '', flowId } = useParams()
  const flow = useQuery({
    queryKey: ['flow', botId, flowId],
    queryFn: () => unwrap(api.GET('/api/v1/bots/{botId}/flows/{flowId}', { params: { path: { botId, flowId: flowId ?? '' } } })),
    enabled: flowId !== undefined,
  })
  if (flowId === undefined) return <FlowEditor key="new" botId={botId} />
  if (flow.isPending) return <Loading />
  if (flow.error) return <ProblemAlert error={flow.error} onRetry={() => flow.refetch()} />
  return <FlowEditor key={flow.data.id} botId={botId} flow={flow.data} />
}

function FlowEditor({ botId, flow }: { botId: string; flow?: Flow }) {
  const { t } = useTranslation('flows')
  const navigate = useNavigate()
  const created = (useLocation().state as { created?: boolean } | null)?.created === true
  const queries = useQueryClient()
  const { canConfigure } = usePermissions()
  const [form, setForm] = useState<FlowForm>(() => (flow ? formFromFlow(flow) : newFlowForm()))
  const set = (patch: Partial<FlowForm>) => setForm((current) => ({ ...current, ...patch }))
  const [saved, setSaved] = useState(form)
  const allowNavigation = useUnsavedChanges(JSON.stringify(form) !== JSON.stringify(saved))
  const save = useMutation({
    mutationFn: () => (flow
      ? unwrap(api.PATCH('/api/v1/bots/{botId}/flows/{flowId}', { params: { path: { botId, flowId: flow.id } }, body: requestFromForm(form, true) }))
      : unwrap(api.POST('/api/v1/bots/{botId}/flows', { params: { path: { botId } }, body: requestFromForm(form) }))),
    onSuccess: (stored) => {
      void queries.invalidateQueries({ queryKey: ['flows', botId] })
      queries.setQueryData(['flow', botId, stored.id], stored)
      setSaved(form)
      if (!flow) {
        // the new flow's own page takes over; it says the save went through until the next save
        allowNavigation()
        navigate(`/bots/${botId}/flows/${stored.id}`, { replace: true, state: { created: true } })
      }
    },
  })
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/bots/{botId}/flows/{flowId}', { params: { path: { botId, flowId: flow?.id ?? '' } } })),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['flows', botId] })
      allowNavigation()
      navigate(`/bots/${botId}/flows`)
    },
  })
  const errors = save.error instanceof ApiProblem ? save.error.fieldErrors : {}
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate()
  }
  return (
    <FlowEditorContext.Provider value={{ botId, flowId: flow?.id }}>
    <div className="p-stack">
      <Link to={`/bots/${botId}/flows`} className="bot-back">← {t('back')}</Link>
      <form className="p-stack" onSubmit={submit} noValidate aria-label={flow ? flow.name : t('newTitle')}>
        <fieldset className="p-stack bot-fieldset" disabled={!canConfigure}>
          <section className="p-card p-stack">
            <div className="flow-head-fields">
              <TextField label={t('name')} required maxLength={100} value={form.name} error={errors.name}
                         placeholder="Opening hours" onChange={(e) => set({ name: e.target.value })} />
              <TextField label={t('priority')} hint={t('priorityHint')} type="number" min={-1000} max={1000} value={form.priority}
                         error={errors.priority} onChange={(e) => set({ priority: e.target.value })} />
            </div>
            <Checkbox label={t('enabledLabel')} checked={form.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
            <TriggerEditor trigger={form.trigger} onChange={(trigger) => set({ trigger })} errors={errors} />
            <FlowConditionField condition={form.condition} onChange={(condition) => set({ condition })} errors={errors} />
          </section>
          <StepsEditor steps={form.steps} onChange={(steps) => set({ steps })} errors={errors} />
        </fieldset>
        {canConfigure && (
          <div className="bot-savebar" aria-live="polite">
            {save.error && <ProblemAlert error={save.error} />}
            {(save.isSuccess || (created && save.isIdle)) && <Notice tone="success">{t('saved')}</Notice>}
            <div className="p-row">
              <Button type="submit" variant="primary" busy={save.isPending}>{t('save')}</Button>
              {flow && (
                <Button variant="danger" busy={remove.isPending}
                        onClick={() => window.confirm(t('confirmDelete', { name: flow.name })) && remove.mutate()}>
                  {t('delete')}
                </Button>
              )}
            </div>
            {remove.error && <ProblemAlert error={remove.error} />}
          </div>
        )}
      </form>
      <DryRunBox botId={botId} />
    </div>
    </FlowEditorContext.Provider>
  )
}
