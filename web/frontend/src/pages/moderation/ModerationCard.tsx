import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import { Button, Card, Checkbox, Notice, ProblemAlert, SelectField, TextAreaField, TextField } from '../../ui'
import { FAMILIES, formFromModeration, requestFromForm, type Moderation, type ModerationForm } from './moderationForm'

/**
 * A bot's moderation and safety settings (docs/llm.md): input/output moderation, the service, the keyword list, the
 * action per category, the crisis and refusal texts, the failure behaviour and the input length limit. Its own PATCH
 * of {@code moderation} (a merge patch), apart from the bot's other settings. Owners and admins change it.
 */
export function ModerationCard({ botId, moderation, editable }: { botId: string; moderation: Moderation; editable: boolean }) {
  const { t } = useTranslation('moderation')
  const queries = useQueryClient()
  const [form, setForm] = useState<ModerationForm>(() => formFromModeration(moderation))
  const set = (change: Partial<ModerationForm>) => setForm((f) => ({ ...f, ...change }))
  const save = useMutation({
    mutationFn: () => unwrap(api.PATCH('/api/v1/bots/{botId}', {
      params: { path: { botId } }, body: { moderation: requestFromForm(form, moderation) },
    })),
    onSuccess: (updated) => {
      queries.setQueryData(['bot', botId], updated)
      setForm(formFromModeration(updated.moderation))
    },
  })
  const errors = save.error instanceof ApiProblem ? save.error.fieldErrors : {}
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate()
  }
  const setAction = (family: string, action: string) => {
    const actions = { ...form.actions }
    if (action === '') delete actions[family]
    else actions[family] = action
    set({ actions })
  }
  return (
    <Card title={t('title')}>
      <form className="p-stack" onSubmit={submit} aria-label={t('title')} noValidate>
        <p className="p-muted">{t('description')}</p>
        <fieldset className="p-stack bot-fieldset" disabled={!editable}>
          <Checkbox label={t('input')} checked={form.input} onChange={(e) => set({ input: e.target.checked })} />
          <Checkbox label={t('output')} checked={form.output} onChange={(e) => set({ output: e.target.checked })} />
          <SelectField label={t('service')} value={form.service} error={errors['moderation.service']}
                       onChange={(e) => set({ service: e.target.value as ModerationForm['service'] })}>
            {(['none', 'platform', 'custom'] as const).map((s) => <option key={s} value={s}>{t(`services.${s}`)}</option>)}
          </SelectField>
          {form.service === 'custom' && (
            <div className="p-grid-2">
              <TextField label={t('baseUrl')} value={form.baseUrl} error={errors['moderation.baseUrl']}
                         onChange={(e) => set({ baseUrl: e.target.value })} />
              <TextField label={t('apiKey')} type="password" autoComplete="off" value={form.apiKey}
                         hint={moderation.apiKeySet ? t('apiKeyStored', { hint: moderation.apiKeyHint ?? '' }) : undefined}
                         error={errors['moderation.apiKey']} onChange={(e) => set({ apiKey: e.target.value })} />
            </div>
          )}
          <TextAreaField label={t('keywords')} hint={t('keywordsHint')} rows={4} value={form.keywords}
                         error={Object.entries(errors).find(([k]) => k.startsWith('moderation.keywords'))?.[1]}
                         onChange={(e) => set({ keywords: e.target.value })} />
          <fieldset className="p-stack">
            <legend>{t('actions')}</legend>
            <div className="p-grid-2">
              {FAMILIES.map((family) => (
                <SelectField key={family} label={family} value={form.actions[family] ?? ''}
                             error={errors[`moderation.actions.${family}`]}
                             onChange={(e) => setAction(family, e.target.value)}>
                  <option value="">{t('actionOptions.flag')}</option>
                  <option value="refuse">{t('actionOptions.refuse')}</option>
                  <option value="crisis">{t('actionOptions.crisis')}</option>
                </SelectField>
              ))}
            </div>
          </fieldset>
          <TextAreaField label={t('crisisMessage')} hint={t('crisisHint')} rows={3} maxLength={2000}
                         value={form.crisisMessage} error={errors['moderation.crisisMessage']}
                         onChange={(e) => set({ crisisMessage: e.target.value })} />
          <TextAreaField label={t('refusalMessage')} rows={2} maxLength={2000} value={form.refusalMessage}
                         error={errors['moderation.refusalMessage']} onChange={(e) => set({ refusalMessage: e.target.value })} />
          <SelectField label={t('onUnavailable')} value={form.onUnavailable}
                       onChange={(e) => set({ onUnavailable: e.target.value as ModerationForm['onUnavailable'] })}>
            {(['fail_open', 'fail_closed'] as const).map((f) => <option key={f} value={f}>{t(`failOptions.${f}`)}</option>)}
          </SelectField>
          <div className="p-grid-2">
            <TextField label={t('maxInputLength')} hint={t('maxInputHint')} inputMode="numeric" value={form.maxInputLength}
                       error={errors['moderation.maxInputLength']} onChange={(e) => set({ maxInputLength: e.target.value })} />
            <TextField label={t('tooLongMessage')} maxLength={2000} value={form.tooLongMessage}
                       error={errors['moderation.tooLongMessage']} onChange={(e) => set({ tooLongMessage: e.target.value })} />
          </div>
        </fieldset>
        {editable && (
          <div className="p-row">
            {save.error && !(save.error instanceof ApiProblem && Object.keys(errors).length > 0) && <ProblemAlert error={save.error} />}
            {save.isSuccess && <Notice tone="success">{t('saved')}</Notice>}
            <Button type="submit" variant="primary" busy={save.isPending}>{t('save')}</Button>
          </div>
        )}
      </form>
    </Card>
  )
}
