import { useState, type FormEvent } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router-dom'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import type { components } from '../../api/schema'
import { usePermissions } from '../../auth/useMyRole'
import { Button, Checkbox, Loading, Notice, ProblemAlert, TextAreaField, TextField } from '../../ui'

type Settings = components['schemas']['SetupPageSettings']
type Label = components['schemas']['SetupPageLabel']

interface FieldForm { key: string; en: string; zh: string; editable: boolean }
interface Form { fields: FieldForm[]; allow: boolean; personaEn: string; personaZh: string; doneEn: string; doneZh: string }

function formOf(settings: Settings): Form {
  return {
    fields: (settings.fields ?? []).map((f) => ({ key: f.key ?? '', en: f.label?.en ?? '', zh: f.label?.['zh-Hant'] ?? '',
      editable: f.editable ?? true })),
    allow: settings.allowPersonaOverride ?? false,
    personaEn: settings.personaLabel?.en ?? '', personaZh: settings.personaLabel?.['zh-Hant'] ?? '',
    doneEn: settings.doneText?.en ?? '', doneZh: settings.doneText?.['zh-Hant'] ?? '',
  }
}

/** Both languages, each left out when empty; no label at all when both are. */
function label(en: string, zh: string): Label | undefined {
  if (!en.trim() && !zh.trim()) return undefined
  return { ...(en.trim() ? { en: en.trim() } : {}), ...(zh.trim() ? { 'zh-Hant': zh.trim() } : {}) }
}

function settingsOf(form: Form): Settings {
  return {
    fields: form.fields.map((f) => ({ key: f.key.trim(), label: label(f.en, f.zh), editable: f.editable })),
    allowPersonaOverride: form.allow,
    personaLabel: form.allow ? label(form.personaEn, form.personaZh) : undefined,
    doneText: label(form.doneEn, form.doneZh),
  }
}

/** The bot page's Setup page section: the fields the contact's page shows, the persona switch, the text after saving. */
export function SetupPageSettingsPage() {
  const { botId = '' } = useParams()
  const settings = useQuery({
    queryKey: ['setup-page', botId],
    queryFn: () => unwrap(api.GET('/api/v1/bots/{botId}/setup-page', { params: { path: { botId } } })),
  })
  if (settings.isPending) return <Loading />
  if (settings.error) return <ProblemAlert error={settings.error} onRetry={() => settings.refetch()} />
  return <SettingsForm botId={botId} initial={formOf(settings.data)} />
}

function SettingsForm({ botId, initial }: { botId: string; initial: Form }) {
  const { t } = useTranslation('setuppage')
  const queries = useQueryClient()
  const { canConfigure } = usePermissions()
  const [form, setForm] = useState(initial)
  const save = useMutation({
    mutationFn: () => unwrap(api.PUT('/api/v1/bots/{botId}/setup-page', { params: { path: { botId } }, body: settingsOf(form) })),
    onSuccess: (data) => {
      queries.setQueryData(['setup-page', botId], data)
      setForm(formOf(data))
    },
  })
  const errors = save.error instanceof ApiProblem ? save.error.fieldErrors : {}
  const setField = (index: number, patch: Partial<FieldForm>) =>
    setForm({ ...form, fields: form.fields.map((f, i) => (i === index ? { ...f, ...patch } : f)) })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate()
  }
  return (
    <form className="p-stack" onSubmit={submit} noValidate>
      <p className="p-muted">{t('description')}</p>
      {!canConfigure && <Notice>{t('readOnly')}</Notice>}
      {save.error != null && <ProblemAlert error={save.error} />}
      {save.isSuccess && <Notice tone="success">{t('saved')}</Notice>}
      <fieldset className="p-stack" disabled={!canConfigure}>
        <legend className="p-field__label">{t('fields')}</legend>
        <p className="p-field__hint">{t('fieldsHint')}</p>
        {errors.fields && <span className="p-field__error" role="alert">{errors.fields}</span>}
        {form.fields.map((field, index) => (
          <div key={index} className="p-grid-2" role="group" aria-label={t('field', { number: index + 1 })}>
            <TextField label={t('key')} value={field.key} maxLength={64} error={errors[`fields[${index}].key`]}
                       onChange={(e) => setField(index, { key: e.target.value })} />
            <Checkbox label={t('editable')} checked={field.editable} onChange={(e) => setField(index, { editable: e.target.checked })} />
            <TextField label={t('labelEn')} value={field.en} maxLength={100}
                       error={errors[`fields[${index}].label.en`] ?? errors[`fields[${index}].label`]}
                       onChange={(e) => setField(index, { en: e.target.value })} />
            <TextField label={t('labelZh')} value={field.zh} maxLength={100} error={errors[`fields[${index}].label.zh-Hant`]}
                       onChange={(e) => setField(index, { zh: e.target.value })} />
            <div>
              <Button size="sm" variant="ghost" aria-label={t('removeField', { number: index + 1 })}
                      onClick={() => setForm({ ...form, fields: form.fields.filter((_, i) => i !== index) })}>✕</Button>
            </div>
          </div>
        ))}
        <div>
          <Button size="sm" disabled={form.fields.length >= 20}
                  onClick={() => setForm({ ...form, fields: [...form.fields, { key: '', en: '', zh: '', editable: true }] })}>
            {t('addField')}
          </Button>
        </div>
        <Checkbox label={t('persona')} checked={form.allow} onChange={(e) => setForm({ ...form, allow: e.target.checked })} />
        <p className="p-field__hint">{t('personaWarning')}</p>
        {form.allow && (
          <div className="p-grid-2">
            <TextField label={t('personaLabelEn')} value={form.personaEn} maxLength={100} error={errors['personaLabel.en'] ?? errors.personaLabel}
                       onChange={(e) => setForm({ ...form, personaEn: e.target.value })} />
            <TextField label={t('personaLabelZh')} value={form.personaZh} maxLength={100} error={errors['personaLabel.zh-Hant']}
                       onChange={(e) => setForm({ ...form, personaZh: e.target.value })} />
          </div>
        )}
        <div className="p-grid-2">
          <TextAreaField label={t('doneEn')} hint={t('doneHint')} rows={2} value={form.doneEn} maxLength={1000}
                         error={errors['doneText.en'] ?? errors.doneText} onChange={(e) => setForm({ ...form, doneEn: e.target.value })} />
          <TextAreaField label={t('doneZh')} rows={2} value={form.doneZh} maxLength={1000} error={errors['doneText.zh-Hant']}
                         onChange={(e) => setForm({ ...form, doneZh: e.target.value })} />
        </div>
        <div><Button type="submit" variant="primary" busy={save.isPending}>{t('save')}</Button></div>
      </fieldset>
    </form>
  )
}
