import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import { Button, Loading, Notice, ProblemAlert, SelectField, TextField } from '../../ui'
import { formFromBot, requestFromForm, type Bot, type BotForm } from './botForm'
import { LimitsFields } from './LimitsFields'
import { LlmFields } from './LlmFields'
import { MessageFields } from './MessageFields'
import { BudgetCard } from '../billing/BudgetCard'
import { ModerationCard } from '../moderation/ModerationCard'
import { SummaryCard } from '../memory/SummaryCard'
import { SettingsSection } from './SettingsSection'
import { TemplateField } from './TemplateField'
import { usePermissions } from '../../auth/useMyRole'
import { useBot } from './useBot'
import { useUnsavedChanges } from './useUnsavedChanges'

export function BotSettingsPage() {
  const bot = useBot()
  if (bot.isPending) return <Loading />
  if (bot.error) return <ProblemAlert error={bot.error} onRetry={() => bot.refetch()} />
  return <BotSettingsForm key={bot.data.id} bot={bot.data} />
}

/** Every setting of the bot API in one form, saved as one PATCH; the API's field errors show next to their fields. */
function BotSettingsForm({ bot }: { bot: Bot }) {
  const { t } = useTranslation('bots')
  const queries = useQueryClient()
  const navigate = useNavigate()
  const { canConfigure } = usePermissions()
  const [form, setForm] = useState<BotForm>(() => formFromBot(bot))
  const [saved, setSaved] = useState(form)
  const allowNavigation = useUnsavedChanges(JSON.stringify(form) !== JSON.stringify(saved))
  const set = (patch: Partial<BotForm>) => setForm((current) => ({ ...current, ...patch }))
  const save = useMutation({
    mutationFn: () => unwrap(api.PATCH('/api/v1/bots/{botId}', { params: { path: { botId: bot.id } }, body: requestFromForm(form, bot) })),
    onSuccess: (updated) => {
      queries.setQueryData(['bot', bot.id], updated)
      void queries.invalidateQueries({ queryKey: ['bots'] })
      const fresh = formFromBot(updated)
      setForm(fresh)
      setSaved(fresh)
    },
  })
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/bots/{botId}', { params: { path: { botId: bot.id } } })),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['bots'] })
      allowNavigation()
      navigate('/bots')
    },
  })
  const errors = save.error instanceof ApiProblem ? save.error.fieldErrors : {}
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate()
  }
  const sections = { form, set, errors }
  return (
    <div className="p-stack">
      <form className="p-stack" onSubmit={submit} noValidate aria-label={t('nav.settings')}>
        {!canConfigure && <Notice>{t('settings.readOnly')}</Notice>}
        <fieldset className="p-stack bot-fieldset" disabled={!canConfigure}>
          <SettingsSection title={t('settings.general')}>
            <div className="p-grid-2">
              <TextField label={t('list.name')} required maxLength={100} value={form.name} error={errors.name}
                         onChange={(e) => set({ name: e.target.value })} />
              <SelectField label={t('settings.status')} hint={t('settings.statusHint')} value={form.status} error={errors.status}
                           onChange={(e) => set({ status: e.target.value })}>
                {(['active', 'paused'] as const).map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
              </SelectField>
            </div>
          </SettingsSection>
          <SettingsSection title={t('settings.persona')}>
            <TemplateField label={t('settings.personaLabel')} hint={t('settings.personaHint')} value={form.persona} rows={8}
                           maxLength={16000} error={errors.persona} onChange={(persona) => set({ persona })} />
          </SettingsSection>
          <SettingsSection title={t('settings.llm')}>
            <LlmFields {...sections} bot={bot} />
          </SettingsSection>
          <SettingsSection title={t('settings.messages')}>
            <MessageFields {...sections} />
          </SettingsSection>
          <SettingsSection title={t('settings.limits')} hint={t('settings.limitsHint')}>
            <LimitsFields {...sections} />
          </SettingsSection>
        </fieldset>
        {canConfigure && (
          <div className="bot-savebar" aria-live="polite">
            {save.error && <ProblemAlert error={save.error} />}
            {save.isSuccess && <Notice tone="success">{t('settings.saved')}</Notice>}
            <div className="p-row">
              <Button type="submit" variant="primary" busy={save.isPending}>{t('common:actions.save')}</Button>
            </div>
          </div>
        )}
        {canConfigure && (
          <SettingsSection title={t('settings.danger')} hint={t('settings.dangerHint')}>
            {remove.error && <ProblemAlert error={remove.error} />}
            <div>
              <Button variant="danger" busy={remove.isPending}
                      onClick={() => window.confirm(t('settings.confirmDelete', { name: bot.name })) && remove.mutate()}>
                {t('settings.delete')}
              </Button>
            </div>
          </SettingsSection>
        )}
      </form>
      {/* its own form and PATCH: the budget is billing data (owners and admins), saved apart from the bot */}
      {/* its own PATCH of moderation, like the budget: a safety setting saved on its own */}
      <ModerationCard key={bot.updatedAt} botId={bot.id} moderation={bot.moderation} editable={canConfigure} />
      <SummaryCard key={`memory-${bot.updatedAt}`} botId={bot.id} memory={bot.memory} editable={canConfigure} />
      {canConfigure && <BudgetCard botId={bot.id} />}
    </div>
  )
}
