import type { MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, SelectField } from '../../ui'
import type { StepForm } from './flowForm'
import { STEP_KINDS, newStepForm, stepKind } from './steps/registry'

/**
 * One step: its type, its kind's editor (steps/registry.ts), and the buttons that move or remove it (keyboard
 * reachable, named by number). A kind this editor does not know is kept as read and can be moved or removed.
 */
export function StepEditor({ step, number, path, first, last, removable, nested, onChange, onMove, onRemove, errors }: {
  step: StepForm
  /** "2", or "2.1" inside a branch */
  number: string
  /** the API's name for the step in field errors: steps[1] or steps[1].elseSteps[0] */
  path: string
  first: boolean
  last: boolean
  removable: boolean
  /** inside a branch: kinds that must stay at the top level are not offered */
  nested: boolean
  onChange: (step: StepForm) => void
  onMove: (delta: number) => void
  onRemove: () => void
  errors: Record<string, string>
}) {
  const { t } = useTranslation('flows')
  const kind = stepKind(step.type)
  const typeName = t(`stepTypes.${step.type}`, { defaultValue: step.type })
  const title = t('stepTitle', { number, type: typeName })
  const offered = STEP_KINDS.filter((k) => !(nested && k.topLevelOnly) || k.type === step.type)
  /**
   * The step keeps its DOM node as it moves (keyed by uid), so focus stays on the pressed button; when that button
   * is now disabled (the step reached an end), focus goes to the step's other move button instead of the page.
   */
  const move = (delta: number) => (e: MouseEvent<HTMLButtonElement>) => {
    const tools = e.currentTarget.parentElement
    onMove(delta)
    window.requestAnimationFrame(() => {
      if (!tools?.contains(document.activeElement)) tools?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus()
    })
  }
  return (
    <li className="flow-step" aria-label={title}>
      <div className="flow-step__head">
        <span className="flow-step__number" aria-hidden="true">{number}</span>
        {kind ? (
          <SelectField label={t('stepType')} value={step.type} error={errors[path] ?? errors[`${path}.type`]}
                       onChange={(e) => onChange(retyped(step, e.target.value))}>
            {offered.map((k) => <option key={k.type} value={k.type}>{t(`stepTypes.${k.type}`)}</option>)}
          </SelectField>
        ) : <p className="p-field__hint flow-step__unknown">{t('apiOnlyStep', { type: typeName })}</p>}
        <div className="flow-step__tools">
          <Button size="sm" variant="ghost" aria-label={t('moveUp', { number })} disabled={first} onClick={move(-1)}>↑</Button>
          <Button size="sm" variant="ghost" aria-label={t('moveDown', { number })} disabled={last} onClick={move(1)}>↓</Button>
          <Button size="sm" variant="ghost" aria-label={t('removeStep', { number })} disabled={!removable} onClick={onRemove}>✕</Button>
        </div>
      </div>
      {kind?.lastOnly && <p className="p-field__hint">{t('lastOnly')}</p>}
      {kind && <kind.Editor step={step} path={path} errors={errors} set={(patch) => onChange({ ...step, ...patch })} />}
    </li>
  )
}

/**
 * The step as a new one of another type, keeping its text when the new type has one (a carousel has none: the API
 * refuses a field a type does not use).
 */
function retyped(step: StepForm, type: string): StepForm {
  const fresh = newStepForm(type, step.uid)
  return 'text' in fresh ? { ...fresh, text: step.text ?? fresh.text } : fresh
}
