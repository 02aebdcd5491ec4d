import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, SelectField } from '../../ui'
import { moved, nextUid, type StepForm } from './flowForm'
import { StepEditor } from './StepEditor'
import { STEP_KINDS, newStepForm } from './steps/registry'

const MAX_STEPS = 20

/**
 * An ordered list of steps (a flow's, or a branch's then/else list when `nested`): each moves up/down or goes away
 * with its own buttons; new steps are added at the end.
 */
export function StepsEditor({ steps, onChange, errors, title, path = 'steps', numberPrefix = '', nested = false }: {
  steps: StepForm[]
  onChange: (steps: StepForm[]) => void
  errors: Record<string, string>
  title?: string
  /** the API's name for the list in field errors */
  path?: string
  numberPrefix?: string
  nested?: boolean
}) {
  const { t } = useTranslation('flows')
  const offered = STEP_KINDS.filter((k) => !(nested && k.topLevelOnly))
  const [type, setType] = useState('text')
  const [announcement, setAnnouncement] = useState('')
  // a flow and a branch's then-list need a step; an else-list may be empty
  const min = path.endsWith('elseSteps') ? 0 : 1
  const heading = title ?? t('steps')
  const Heading = nested ? 'h3' : 'h2'
  return (
    <section className={nested ? 'flow-substeps p-stack' : 'p-card p-stack'} aria-label={heading}>
      <Heading className="flow-card__title">{heading}</Heading>
      {errors[path] && <span className="p-field__error" role="alert">{errors[path]}</span>}
      <ol className="flow-steps">
        {steps.map((step, index) => (
          <StepEditor key={step.uid} step={step} number={`${numberPrefix}${index + 1}`} path={`${path}[${index}]`}
                      first={index === 0} last={index === steps.length - 1} removable={steps.length > min} nested={nested}
                      errors={errors}
                      onChange={(changed) => onChange(steps.map((s, i) => (i === index ? changed : s)))}
                      onMove={(delta) => {
                        onChange(moved(steps, index, delta))
                        setAnnouncement(t('movedTo', { number: `${numberPrefix}${index + delta + 1}` }))
                      }}
                      onRemove={() => onChange(steps.filter((_, i) => i !== index))} />
        ))}
      </ol>
      <p className="visually-hidden" role="status">{announcement}</p>
      <div className="flow-add-step">
        <SelectField label={t('newStepType')} value={type} onChange={(e) => setType(e.target.value)}>
          {offered.map((k) => <option key={k.type} value={k.type}>{t(`stepTypes.${k.type}`)}</option>)}
        </SelectField>
        <Button disabled={steps.length >= MAX_STEPS} onClick={() => onChange([...steps, newStepForm(type, nextUid())])}>{t('addStep')}</Button>
      </div>
    </section>
  )
}
