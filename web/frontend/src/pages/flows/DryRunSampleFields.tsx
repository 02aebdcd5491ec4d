import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import { Checkbox, SelectField, TextAreaField, TextField } from '../../ui'
import type { Sample } from './dryRunSample'

const CHANNELS = ['line', 'whatsapp', 'telegram', 'web'] as const

/** Who writes, from where, and which question (of the bot's ask steps) the conversation waits to have answered. */
export function DryRunSampleFields({ botId, sample, onChange, errors }: {
  botId: string
  sample: Sample
  onChange: (sample: Sample) => void
  errors: Record<string, string>
}) {
  const { t } = useTranslation('flows')
  const set = (patch: Partial<Sample>) => onChange({ ...sample, ...patch })
  const flows = useQuery({
    queryKey: ['flows', botId],
    queryFn: () => unwrap(api.GET('/api/v1/bots/{botId}/flows', { params: { path: { botId } } })),
  })
  const questions = (flows.data?.items ?? []).flatMap((flow) => flow.steps.flatMap((step, index) => step.type === 'ask'
    ? [{ value: `${flow.id}:${index}`, label: t('dryRun.question', { flow: flow.name, number: index + 1, text: step.text ?? '' }) }] : []))
  return (
    <details className="flow-dry-run__sample">
      <summary>{t('dryRun.sample')}</summary>
      <div className="flow-dry-run__sample-fields">
        <TextField label={t('dryRun.tier')} value={sample.tier} maxLength={40} placeholder="free" error={errors['contact.tier']}
                   onChange={(e) => set({ tier: e.target.value })} />
        <SelectField label={t('dryRun.channel')} value={sample.channel} error={errors.channel} onChange={(e) => set({ channel: e.target.value })}>
          <option value="">{t('dryRun.noChannel')}</option>
          {CHANNELS.map((c) => <option key={c} value={c}>{t(`cond.fixed.${c}`)}</option>)}
        </SelectField>
        <TextAreaField label={t('dryRun.attributes')} hint={t('dryRun.keyValueHint')} rows={2} value={sample.attributes} placeholder="age=18"
                       error={errors['contact.attributes']} onChange={(e) => set({ attributes: e.target.value })} />
        <TextField label={t('dryRun.tags')} hint={t('dryRun.tagsHint')} value={sample.tags} placeholder="vip, 台北"
                   error={errors['contact.tags']} onChange={(e) => set({ tags: e.target.value })} />
        <TextAreaField label={t('dryRun.variables')} hint={t('dryRun.keyValueHint')} rows={2} value={sample.variables} placeholder="date=2026-12-24"
                       error={errors.variables} onChange={(e) => set({ variables: e.target.value })} />
        <div className="p-stack">
          <Checkbox label={t('dryRun.personaOverride')} checked={sample.personaOverride} onChange={(e) => set({ personaOverride: e.target.checked })} />
          <Checkbox label={t('dryRun.accessCode')} checked={sample.accessCode} onChange={(e) => set({ accessCode: e.target.checked })} />
        </div>
        <SelectField label={t('dryRun.waiting')} hint={t('dryRun.waitingHint')} value={sample.waiting}
                     error={errors['waiting.flowId'] ?? errors['waiting.step']} onChange={(e) => set({ waiting: e.target.value })}>
          <option value="">{t('dryRun.notWaiting')}</option>
          {questions.map((q) => <option key={q.value} value={q.value}>{q.label}</option>)}
        </SelectField>
        {sample.waiting && (
          <TextField label={t('dryRun.attempts')} type="number" min={0} max={9} placeholder="0" value={sample.attempts}
                     error={errors['waiting.attempts']} onChange={(e) => set({ attempts: e.target.value })} />
        )}
      </div>
    </details>
  )
}
