import { useParams } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { Card, SelectField, TextAreaField, TextField } from '../../ui'
import { FlowRuns } from '../triggers/FlowRuns'
import { ProactiveTriggerFields } from '../triggers/ProactiveTriggerFields'
import { PROACTIVE_TYPES, defaultSpec, isProactive } from '../triggers/proactive'
import { NEW_GATE_UNTIL, TRIGGER_TYPES, firstError, type FlowForm } from './flowForm'
import { ConditionBuilder } from './conditions/ConditionBuilder'

type Trigger = FlowForm['trigger']

/**
 * The trigger's type, then only the fields that type uses. Proactive triggers (pages/triggers) are edited as the
 * API's trigger object itself (kept in `raw`, which the form sends back as it is), with the flow's runs below.
 */
export function TriggerEditor({ trigger, onChange, errors }: {
  trigger: Trigger
  onChange: (trigger: Trigger) => void
  errors: Record<string, string>
}) {
  const { t } = useTranslation('flows')
  const proactive = useTranslation('triggers').t
  const { botId, flowId } = useParams()
  const set = (patch: Partial<Trigger>) => onChange({ ...trigger, ...patch })
  const pick = (type: string) => set({ type, raw: isProactive(type) ? defaultSpec(type) : undefined })
  if (trigger.raw && !isProactive(trigger.type)) {
    return <p className="p-field__hint">{t('apiOnlyTrigger', { type: t(`triggers.${trigger.type}`) })}</p>
  }
  return (
    <div className="p-stack">
      <SelectField label={t('trigger')} value={trigger.type}
                   hint={isProactive(trigger.type) ? proactive(`help.${trigger.type}`) : t(`triggerHelp.${trigger.type}`)}
                   error={errors['trigger.type'] ?? errors.trigger} onChange={(e) => pick(e.target.value)}>
        {TRIGGER_TYPES.map((type) => <option key={type} value={type}>{t(`triggers.${type}`)}</option>)}
        {PROACTIVE_TYPES.map((type) => <option key={type} value={type}>{proactive(`types.${type}`)}</option>)}
      </SelectField>
      {isProactive(trigger.type) && trigger.raw && (
        <ProactiveTriggerFields spec={trigger.raw} errors={errors} onChange={(raw) => set({ raw })} />
      )}
      {isProactive(trigger.type) && botId && flowId && (
        <Card title={proactive('runs.title')}><FlowRuns botId={botId} flowId={flowId} /></Card>
      )}
      {trigger.type === 'keyword' && (
        <div className="p-grid-2">
          <TextAreaField label={t('keywords')} hint={t('keywordsHint')} rows={3} value={trigger.keywords}
                         error={firstError(errors, 'trigger.keywords')} placeholder={'hours\n營業時間'}
                         onChange={(e) => set({ keywords: e.target.value })} />
          <SelectField label={t('match')} value={trigger.match} error={errors['trigger.match']}
                       onChange={(e) => set({ match: e.target.value })}>
            {(['exact', 'contains'] as const).map((m) => <option key={m} value={m}>{t(`matches.${m}`)}</option>)}
          </SelectField>
        </div>
      )}
      {trigger.type === 'regex' && (
        <TextField label={t('pattern')} className="p-input p-mono" maxLength={500} value={trigger.pattern} spellCheck={false}
                   error={errors['trigger.pattern']} placeholder="order\s*#?(\d{4,})" onChange={(e) => set({ pattern: e.target.value })} />
      )}
      {trigger.type === 'postback' && (
        <TextField label={t('data')} maxLength={300} value={trigger.data} error={errors['trigger.data']} placeholder="menu=hours"
                   onChange={(e) => set({ data: e.target.value })} />
      )}
      {trigger.type === 'gate' && (
        <ConditionBuilder label={t('gateUntil')} condition={trigger.until ?? NEW_GATE_UNTIL} path="trigger.until" errors={errors}
                          onChange={(until) => set({ until })} />
      )}
    </div>
  )
}
