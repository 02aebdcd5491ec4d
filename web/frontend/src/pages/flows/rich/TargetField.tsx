import { useQuery } from '@tanstack/react-query'
import { useParams } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problem'
import { SelectField, TextField } from '../../../ui'

/** What a button or option does: postback data, or a flow of the bot chosen by name (sent as its flowId). */
export interface Target { postback?: string | null; flowId?: string | null }

const POSTBACK = ''

/**
 * Chooses what pressing a button does: a flow of this bot from a list of its flows by name (no postback string to
 * retype), or postback data for a postback flow.
 */
export function TargetField({ value, onChange, errors, path }: {
  value: Target
  onChange: (target: Target) => void
  errors: Record<string, string>
  /** e.g. steps[0].buttons[1], for the API's field errors */
  path: string
}) {
  const { t } = useTranslation('rich')
  const { botId = '', flowId: editing } = useParams()
  const flows = useQuery({
    queryKey: ['flows', botId],
    queryFn: () => unwrap(api.GET('/api/v1/bots/{botId}/flows', { params: { path: { botId } } })),
  })
  const others = (flows.data?.items ?? []).filter((f) => f.id !== editing)
  return (
    <>
      <SelectField label={t('sends')} value={value.flowId ?? POSTBACK} error={errors[`${path}.flowId`] ?? errors[path]}
                   onChange={(e) => onChange(e.target.value === POSTBACK ? { postback: value.postback ?? '' } : { flowId: e.target.value })}>
        <option value={POSTBACK}>{t('sendsPostback')}</option>
        {value.flowId && !others.some((f) => f.id === value.flowId) && <option value={value.flowId}>{value.flowId}</option>}
        {others.map((f) => <option key={f.id} value={f.id}>{t('startsFlow', { name: f.name })}</option>)}
      </SelectField>
      {value.flowId == null && (
        <TextField label={t('postback')} value={value.postback ?? ''} maxLength={300} error={errors[`${path}.postback`]}
                   onChange={(e) => onChange({ postback: e.target.value })} />
      )}
    </>
  )
}
