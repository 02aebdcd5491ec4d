import type { MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, SelectField, TextField } from '../../ui'
import { TemplateField } from '../bots/TemplateField'
import { LAST_ONLY, STEP_TYPES, firstError, newStep, type StepForm, type StepType } from './flowForm'
import { ButtonsEditor } from './ButtonsEditor'
import { RichStepEditor } from './rich/RichStepEditor'
import { RICH_STEP_TYPES } from './rich/richSteps'

/** One step: its type, its fields, and the buttons that move or remove it (keyboard reachable, named by number). */
export function StepEditor({ step, index, count, onChange, onMove, onRemove, errors }: {
  step: StepForm
  index: number
  count: number
  onChange: (step: StepForm) => void
  onMove: (delta: number) => void
  onRemove: () => void
  errors: Record<string, string>
}) {
  const { t } = useTranslation('flows')
  const number = index + 1
  const path = `steps[${index}]`
  const set = (patch: Partial<StepForm>) => onChange({ ...step, ...patch })
  const error = (field: string) => errors[`${path}.${field}`]
  const title = t('stepTitle', { number, type: t(`stepTypes.${step.type}`) })
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
        {step.raw && !RICH_STEP_TYPES.includes(step.type) ? <p className="p-field__hint">{t('apiOnlyStep', { type: t(`stepTypes.${step.type}`) })}</p> : <SelectField label={t('stepType')} value={step.type} error={errors[path] ?? error('type')}
                     onChange={(e) => onChange({ ...newStep(e.target.value as StepType), uid: step.uid, text: step.text })}>
          {STEP_TYPES.map((type) => <option key={type} value={type}>{t(`stepTypes.${type}`)}</option>)}
        </SelectField>}
        <div className="flow-step__tools">
          <Button size="sm" variant="ghost" aria-label={t('moveUp', { number })} disabled={index === 0} onClick={move(-1)}>↑</Button>
          <Button size="sm" variant="ghost" aria-label={t('moveDown', { number })} disabled={index === count - 1} onClick={move(1)}>↓</Button>
          <Button size="sm" variant="ghost" aria-label={t('removeStep', { number })} disabled={count === 1} onClick={onRemove}>✕</Button>
        </div>
      </div>
      {LAST_ONLY.includes(step.type) && <p className="p-field__hint">{t('lastOnly')}</p>}
      {step.raw && RICH_STEP_TYPES.includes(step.type) && (
        <RichStepEditor spec={step.raw} onChange={(raw) => set({ raw })} errors={errors} path={path} />
      )}
      {(step.type === 'text' || step.type === 'buttons') && (
        <TemplateField label={t('text')} value={step.text} error={error('text')} maxLength={4096} rows={3} setupUrl
                       onChange={(text) => set({ text })} />
      )}
      {step.type === 'buttons' && (
        <>
          <SelectField label={t('style')} value={step.style} error={error('style')} onChange={(e) => set({ style: e.target.value })}>
            {(['buttons', 'quick_replies'] as const).map((s) => <option key={s} value={s}>{t(`styles.${s}`)}</option>)}
          </SelectField>
          <ButtonsEditor buttons={step.buttons} onChange={(buttons) => set({ buttons })} errors={errors} path={`${path}.buttons`} />
        </>
      )}
      {step.type === 'image' && (
        <div className="p-grid-2">
          <TextField label={t('url')} type="url" value={step.url} error={error('url')} placeholder="https://"
                     onChange={(e) => set({ url: e.target.value })} />
          <TextField label={t('previewUrl')} type="url" value={step.previewUrl} error={error('previewUrl')} placeholder="https://"
                     onChange={(e) => set({ previewUrl: e.target.value })} />
        </div>
      )}
      {step.type === 'set_attribute' && (
        <div className="p-grid-2">
          <TextField label={t('key')} value={step.key} error={error('key')} maxLength={64} placeholder="interest"
                     onChange={(e) => set({ key: e.target.value })} />
          <TextField label={t('value')} value={step.value} error={error('value')} maxLength={1000}
                     onChange={(e) => set({ value: e.target.value })} />
        </div>
      )}
      {step.type === 'handoff' && (
        <TemplateField label={t('message')} value={step.message} error={error('message')} maxLength={4096} rows={2} setupUrl
                       onChange={(message) => set({ message })} />
      )}
      {step.type === 'ask_llm' && (
        <TemplateField label={t('instruction')} value={step.instruction} error={firstError(errors, `${path}.instruction`)}
                       maxLength={4000} rows={2} setupUrl onChange={(instruction) => set({ instruction })} />
      )}
    </li>
  )
}
