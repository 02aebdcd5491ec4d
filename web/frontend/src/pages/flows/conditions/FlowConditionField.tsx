import { useTranslation } from 'react-i18next'
import { Checkbox } from '../../../ui'
import type { ConditionSpec } from '../flowForm'
import { ConditionBuilder } from './ConditionBuilder'
import { NEW_TEST } from './conditionModel'

/** A flow's own condition: off (every contact, channel and time) or the condition it takes part under. */
export function FlowConditionField({ condition, onChange, errors }: {
  condition: ConditionSpec | null
  onChange: (condition: ConditionSpec | null) => void
  errors: Record<string, string>
}) {
  const { t } = useTranslation('flows')
  return (
    <div className="p-stack">
      <Checkbox label={t('conditionToggle')} checked={condition !== null} onChange={(e) => onChange(e.target.checked ? NEW_TEST : null)} />
      {errors.condition && condition === null && <span className="p-field__error" role="alert">{errors.condition}</span>}
      {condition && <ConditionBuilder label={t('condition')} condition={condition} path="condition" errors={errors} onChange={onChange} />}
    </div>
  )
}
