import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import type { components } from '../../api/schema'
import { SelectField, TextField } from '../../ui'

type TriggerSpec = components['schemas']['FlowTrigger']

/** The fields of an inactive or schedule trigger; setup_submitted and contact_created have none. */
export function ProactiveTriggerFields({ spec, onChange, errors }: {
  spec: TriggerSpec
  onChange: (spec: TriggerSpec) => void
  errors: Record<string, string>
}) {
  const { t } = useTranslation('triggers')
  const set = (patch: Partial<TriggerSpec>) => onChange({ ...spec, ...patch })
  if (spec.type === 'inactive') {
    return (
      <div className="p-grid-2">
        <TextField label={t('after')} inputMode="numeric" value={spec.after === undefined ? '' : String(spec.after)}
                   error={errors['trigger.after']}
                   onChange={(e) => set({ after: e.target.value.trim() === '' ? undefined : Number(e.target.value) })} />
        <SelectField label={t('unit')} value={spec.unit ?? 'days'} error={errors['trigger.unit']}
                     onChange={(e) => set({ unit: e.target.value as TriggerSpec['unit'] })}>
          {(['days', 'hours'] as const).map((u) => <option key={u} value={u}>{t(`units.${u}`)}</option>)}
        </SelectField>
      </div>
    )
  }
  if (spec.type === 'schedule') {
    return <ScheduleFields spec={spec} onChange={onChange} errors={errors} />
  }
  return null
}

function ScheduleFields({ spec, onChange, errors }: {
  spec: TriggerSpec
  onChange: (spec: TriggerSpec) => void
  errors: Record<string, string>
}) {
  const { t } = useTranslation('triggers')
  const segments = useQuery({
    queryKey: ['segments', 'list'],
    queryFn: () => unwrap(api.GET('/api/v1/segments', { params: { query: { limit: 200 } } })),
  })
  const mode = spec.at !== undefined ? 'at' : 'cron'
  const rest = { type: spec.type, segmentId: spec.segmentId }
  return (
    <div className="p-stack">
      <SelectField label={t('when')} value={mode}
                   onChange={(e) => onChange(e.target.value === 'at' ? { ...rest, at: '' } : { ...rest, cron: '0 9 * * *' })}>
        {(['cron', 'at'] as const).map((m) => <option key={m} value={m}>{t(`whens.${m}`)}</option>)}
      </SelectField>
      {mode === 'cron' ? (
        <TextField label={t('cron')} hint={t('cronHint')} className="p-input p-mono" spellCheck={false} value={spec.cron ?? ''}
                   error={errors['trigger.cron']} onChange={(e) => onChange({ ...spec, cron: e.target.value })} />
      ) : (
        <TextField label={t('at')} type="datetime-local" value={spec.at ?? ''} error={errors['trigger.at'] ?? errors['trigger.cron']}
                   onChange={(e) => onChange({ ...spec, at: e.target.value })} />
      )}
      <SelectField label={t('segment')} value={spec.segmentId ?? ''} error={errors['trigger.segmentId']}
                   onChange={(e) => onChange({ ...spec, segmentId: e.target.value === '' ? undefined : e.target.value })}>
        <option value="">{t('everyone')}</option>
        {(segments.data?.items ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
      </SelectField>
    </div>
  )
}
