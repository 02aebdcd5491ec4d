import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Checkbox, SelectField, TextField } from '../../../ui'
import { firstError, type ConditionSpec } from '../flowForm'
import { FIELD_CHOICES, FIXED_VALUES, NUMBER_OPS, OPS, joinField, numberOrText, operand, splitField, type FieldChoice } from './conditionModel'

type Value = string | number | boolean

/** One test: a field, how it is compared, and the value(s) in the input that fits the comparison. */
export function ConditionTest({ test, onChange, path, errors }: {
  test: ConditionSpec
  onChange: (test: ConditionSpec) => void
  path: string
  errors: Record<string, string>
}) {
  const { t } = useTranslation('flows')
  const { choice, key } = splitField(test.field)
  const op = test.op ?? 'exists'
  const kind = operand(op)
  const fixed = FIXED_VALUES[choice]
  const isTime = choice === 'time'
  const emit = (field: string, nextOp: string, value?: Value, values?: Value[]) => {
    const shape = operand(nextOp)
    onChange({ field, op: nextOp as ConditionSpec['op'],
      ...(shape === 'value' && value !== undefined && { value }),
      ...((shape === 'values' || shape === 'range') && { values: values ?? [] }) })
  }
  const setField = (nextChoice: FieldChoice, nextKey: string) => {
    const ops = OPS[nextChoice]
    const nextOp = ops.includes(op as never) ? op : ops[0]
    const keep = nextChoice === choice && nextOp === op
    emit(joinField(nextChoice, nextKey), nextOp, keep ? test.value ?? undefined : undefined, keep ? (test.values as Value[]) : undefined)
  }
  const setOp = (nextOp: string) => emit(test.field ?? '', nextOp,
    operand(nextOp) === kind ? test.value ?? undefined : undefined, operand(nextOp) === kind ? (test.values as Value[]) : undefined)
  const setValue = (value: Value | undefined) => emit(test.field ?? '', op, value)
  const setValues = (values: Value[]) => emit(test.field ?? '', op, undefined, values)
  const values = (test.values ?? []) as Value[]
  const valueError = firstError(errors, `${path}.value`)
  const valuesError = firstError(errors, `${path}.values`)
  return (
    <div className="flow-condition__test">
      <SelectField label={t('cond.field')} value={choice} error={choice === 'other' ? undefined : errors[`${path}.field`]}
                   onChange={(e) => setField(e.target.value as FieldChoice, key)}>
        {FIELD_CHOICES.map((c) => <option key={c} value={c}>{t(`cond.fields.${c.replace('.', '_')}`)}</option>)}
      </SelectField>
      {(choice === 'contact.attributes' || choice === 'conversation.variables' || choice === 'other') && (
        <TextField label={choice === 'other' ? t('cond.fieldName') : t('cond.key')} value={key} spellCheck={false} maxLength={200}
                   placeholder={choice === 'other' ? 'memory.favorability' : 'age'}
                   error={errors[`${path}.field`]} onChange={(e) => setField(choice, e.target.value)} />
      )}
      <SelectField label={t('cond.op')} value={op} error={errors[`${path}.op`]} onChange={(e) => setOp(e.target.value)}>
        {OPS[choice].map((o) => <option key={o} value={o}>{t(opLabel(choice, o))}</option>)}
      </SelectField>
      {kind === 'value' && (fixed ? (
        <SelectField label={t('cond.value')} value={String(test.value ?? '')} error={valueError} onChange={(e) => setValue(e.target.value || undefined)}>
          <option value="">—</option>
          {fixed.map((v) => <option key={v} value={v}>{t(`cond.fixed.${v}`)}</option>)}
        </SelectField>
      ) : (
        <TextField label={t('cond.value')} error={valueError} value={String(test.value ?? '')}
                   type={isTime ? 'time' : NUMBER_OPS.includes(op) ? 'number' : 'text'}
                   hint={!isTime && (op === 'before' || op === 'after') ? t('cond.dateHint') : undefined}
                   placeholder={!isTime && (op === 'before' || op === 'after') ? '-P18Y' : undefined}
                   onChange={(e) => setValue(NUMBER_OPS.includes(op) ? numberOrText(e.target.value) : e.target.value === '' ? undefined : e.target.value)} />
      ))}
      {kind === 'values' && (fixed ? (
        <fieldset className="flow-condition__choices">
          <legend className="p-field__label">{t('cond.values')}</legend>
          {fixed.map((v) => (
            <Checkbox key={v} label={t(`cond.fixed.${v}`)} checked={values.includes(v)}
                      onChange={(e) => setValues(e.target.checked ? fixed.filter((f) => f === v || values.includes(f)) : values.filter((x) => x !== v))} />
          ))}
          {valuesError && <span className="p-field__error" role="alert">{valuesError}</span>}
        </fieldset>
      ) : <ListInput key={choice} values={values} error={valuesError} onChange={setValues} />)}
      {kind === 'range' && (
        <div className="p-grid-2">
          {[0, 1].map((i) => (
            <TextField key={i} label={i === 0 ? t('cond.from') : t('cond.to')} type={isTime ? 'time' : 'number'}
                       value={String(values[i] ?? '')} error={i === 0 ? valuesError : undefined}
                       onChange={(e) => {
                         const next = [values[0] ?? '', values[1] ?? '']
                         next[i] = isTime ? e.target.value : numberOrText(e.target.value) ?? ''
                         setValues(next)
                       }} />
          ))}
        </div>
      )}
    </div>
  )
}

/** The comparison's label: tags read as a set ("has the tag"), times of day without "(date)". */
function opLabel(choice: FieldChoice, op: string): string {
  if (choice === 'contact.tags') return `cond.tagOps.${op}`
  return `cond.ops.${choice === 'time' && (op === 'before' || op === 'after') ? `${op}Time` : op}`
}

/** Values separated by commas; the text is kept as typed so a trailing comma does not vanish mid-typing. */
function ListInput({ values, error, onChange }: { values: Value[]; error?: string; onChange: (values: Value[]) => void }) {
  const { t } = useTranslation('flows')
  const [text, setText] = useState(values.join(', '))
  return (
    <TextField label={t('cond.values')} hint={t('cond.valuesHint')} value={text} error={error} placeholder="premium, vip"
               onChange={(e) => {
                 setText(e.target.value)
                 onChange(e.target.value.split(',').map((v) => v.trim()).filter(Boolean))
               }} />
  )
}
