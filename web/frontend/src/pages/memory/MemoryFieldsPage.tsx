import { useEffect, useState, type FormEvent } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router-dom'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import { usePermissions } from '../../auth/useMyRole'
import { Button, Card, Checkbox, EmptyState, Loading, Notice, ProblemAlert, SelectField, TextField } from '../../ui'
import { blankDraft, toDraft, toField, type FieldDraft } from './memoryData'
import { MemoryStats } from './MemoryStats'

/**
 * A bot's memory fields: typed values the LLM keeps per contact or conversation (docs/flows.md#memory). The whole
 * list is saved at once; the API names each problem by its path (fields[1].step), shown next to the input.
 */
export function MemoryFieldsPage() {
  const { t } = useTranslation('memory')
  const { botId = '' } = useParams()
  const { canConfigure } = usePermissions()
  const queries = useQueryClient()
  const key = ['memory-fields', botId]
  const stored = useQuery({ queryKey: key, queryFn: () => unwrap(api.GET('/api/v1/bots/{botId}/memory-fields',
    { params: { path: { botId } } })) })
  const [drafts, setDrafts] = useState<FieldDraft[]>([])
  const [mode, setMode] = useState('tools')
  useEffect(() => {
    if (stored.data) {
      setDrafts(stored.data.fields.map(toDraft))
      setMode(stored.data.updateMode)
    }
  }, [stored.data])
  const save = useMutation({
    mutationFn: () => unwrap(api.PUT('/api/v1/bots/{botId}/memory-fields', { params: { path: { botId } },
      body: { fields: drafts.map(toField), updateMode: mode as 'tools' | 'json_block' } })),
    onSuccess: (saved) => {
      queries.setQueryData(key, saved)
      void queries.invalidateQueries({ queryKey: [...key, 'stats'] })
    },
  })
  if (stored.isPending) return <Loading />
  if (stored.error) return <ProblemAlert error={stored.error} onRetry={() => stored.refetch()} />
  const errors = save.error instanceof ApiProblem ? save.error.fieldErrors : {}
  const change = (i: number, patch: Partial<FieldDraft>) =>
    setDrafts(drafts.map((d, j) => (j === i ? { ...d, ...patch } : d)))
  const submit = (e: FormEvent) => { e.preventDefault(); save.reset(); save.mutate() }
  return (
    <form className="p-stack" onSubmit={submit} noValidate>
      <p className="p-muted">{t('description', { placeholder: '{{memory.name}}', field: 'memory.name' })}</p>
      <MemoryStats botId={botId} />
      {!canConfigure && <Notice>{t('readOnly')}</Notice>}
      {save.error && <ProblemAlert error={save.error} />}
      {save.isSuccess && <Notice>{t('saved')}</Notice>}
      {drafts.length === 0 && <EmptyState title={t('empty')}>{t('emptyBody')}</EmptyState>}
      {drafts.map((d, i) => (
        <Card key={i} title={d.name || t('field', { n: i + 1 })}>
          <fieldset className="p-stack" disabled={!canConfigure}>
            <TextField label={t('name')} value={d.name} maxLength={40} error={errors[`fields[${i}].name`]}
                       onChange={(e) => change(i, { name: e.target.value })} placeholder="favorability" />
            <SelectField label={t('type')} value={d.type} error={errors[`fields[${i}].type`]}
                         onChange={(e) => change(i, { type: e.target.value as FieldDraft['type'] })}>
              {(['number', 'enum', 'text', 'boolean'] as const).map((type) => <option key={type} value={type}>{t(`types.${type}`)}</option>)}
            </SelectField>
            <SelectField label={t('scope')} value={d.scope} error={errors[`fields[${i}].scope`]}
                         onChange={(e) => change(i, { scope: e.target.value as FieldDraft['scope'] })}>
              <option value="contact">{t('scopes.contact')}</option>
              <option value="conversation">{t('scopes.conversation')}</option>
            </SelectField>
            {d.type === 'number' && <>
              <TextField label={t('min')} type="number" value={d.min} error={errors[`fields[${i}].min`]} onChange={(e) => change(i, { min: e.target.value })} />
              <TextField label={t('max')} type="number" value={d.max} error={errors[`fields[${i}].max`]} onChange={(e) => change(i, { max: e.target.value })} />
              <TextField label={t('step')} type="number" value={d.step} error={errors[`fields[${i}].step`]} onChange={(e) => change(i, { step: e.target.value })} />
            </>}
            {d.type === 'enum' && <TextField label={t('values')} value={d.values} error={errors[`fields[${i}].values`]}
                                             onChange={(e) => change(i, { values: e.target.value })} placeholder="calm, happy, sad" />}
            {d.type === 'text' && <TextField label={t('maxLength')} type="number" value={d.maxLength}
                                             error={errors[`fields[${i}].maxLength`]} onChange={(e) => change(i, { maxLength: e.target.value })} />}
            <TextField label={t('default')} value={d.defaultValue} error={errors[`fields[${i}].defaultValue`]}
                       onChange={(e) => change(i, { defaultValue: e.target.value })} />
            <TextField label={t('fieldDescription')} value={d.description} maxLength={500} error={errors[`fields[${i}].description`]}
                       onChange={(e) => change(i, { description: e.target.value })} />
            <Checkbox label={t('visible')} checked={d.visibleToContact} onChange={(e) => change(i, { visibleToContact: e.target.checked })} />
            {canConfigure && <div><Button size="sm" variant="danger" onClick={() => setDrafts(drafts.filter((_, j) => j !== i))}>
              {t('remove', { name: d.name || t('field', { n: i + 1 }) })}
            </Button></div>}
          </fieldset>
        </Card>
      ))}
      {errors.fields && <Notice>{errors.fields}</Notice>}
      <SelectField label={t('updateMode')} value={mode} disabled={!canConfigure} error={errors.updateMode} onChange={(e) => setMode(e.target.value)}>
        <option value="tools">{t('modes.tools')}</option>
        <option value="json_block">{t('modes.json_block')}</option>
      </SelectField>
      {canConfigure && <div className="p-row">
        <Button onClick={() => setDrafts([...drafts, blankDraft()])}>{t('add')}</Button>
        <Button type="submit" variant="primary" busy={save.isPending}>{t('save')}</Button>
      </div>}
    </form>
  )
}
