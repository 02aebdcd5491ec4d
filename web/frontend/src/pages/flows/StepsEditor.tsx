import { useTranslation } from 'react-i18next'
import { Button, SelectField } from '../../ui'
import { useState } from 'react'
import { STEP_TYPES, moved, newStep, type StepForm, type StepType } from './flowForm'
import { StepEditor } from './StepEditor'

const MAX_STEPS = 20

/** The ordered steps: each moves up/down or goes away with its own buttons; new steps are added at the end. */
export function StepsEditor({ steps, onChange, errors }: {
  steps: StepForm[]
  onChange: (steps: StepForm[]) => void
  errors: Record<string, string>
}) {
  const { t } = useTranslation('flows')
  const [type, setType] = useState<StepType>('text')
  const [announcement, setAnnouncement] = useState('')
  return (
    <section className="p-card p-stack" aria-label={t('steps')}>
      <h2 className="flow-card__title">{t('steps')}</h2>
      {errors.steps && <span className="p-field__error" role="alert">{errors.steps}</span>}
      <ol className="flow-steps">
        {steps.map((step, index) => (
          <StepEditor key={step.uid} step={step} index={index} count={steps.length} errors={errors}
                      onChange={(changed) => onChange(steps.map((s, i) => (i === index ? changed : s)))}
                      onMove={(delta) => {
                        onChange(moved(steps, index, delta))
                        setAnnouncement(t('movedTo', { number: index + delta + 1 }))
                      }}
                      onRemove={() => onChange(steps.filter((_, i) => i !== index))} />
        ))}
      </ol>
      <p className="visually-hidden" role="status">{announcement}</p>
      <div className="flow-add-step">
        <SelectField label={t('newStepType')} value={type} onChange={(e) => setType(e.target.value as StepType)}>
          {STEP_TYPES.map((s) => <option key={s} value={s}>{t(`stepTypes.${s}`)}</option>)}
        </SelectField>
        <Button disabled={steps.length >= MAX_STEPS} onClick={() => onChange([...steps, newStep(type)])}>{t('addStep')}</Button>
      </div>
    </section>
  )
}
