import { useTranslation } from 'react-i18next'
import { Button, TextField } from '../../ui'
import type { ButtonForm } from './flowForm'

const MAX_BUTTONS = 13

/** A buttons step's buttons: label and postback data each; a press comes back as a postback event. */
export function ButtonsEditor({ buttons, onChange, errors, path }: {
  buttons: ButtonForm[]
  onChange: (buttons: ButtonForm[]) => void
  errors: Record<string, string>
  /** e.g. steps[1].buttons, for the API's field errors */
  path: string
}) {
  const { t } = useTranslation('flows')
  const change = (index: number, patch: Partial<ButtonForm>) => onChange(buttons.map((b, i) => (i === index ? { ...b, ...patch } : b)))
  return (
    <fieldset className="flow-buttons">
      <legend className="p-field__label">{t('buttons')}</legend>
      {errors[path] && <span className="p-field__error" role="alert">{errors[path]}</span>}
      {buttons.map((button, index) => (
        <div className="flow-buttons__row" key={index} role="group" aria-label={t('buttonRow', { number: index + 1 })}>
          <TextField label={t('buttonLabel')} value={button.label} maxLength={20} error={errors[`${path}[${index}].label`]}
                     onChange={(e) => change(index, { label: e.target.value })} />
          <TextField label={t('buttonPostback')} value={button.postback} maxLength={300} error={errors[`${path}[${index}].postback`]}
                     onChange={(e) => change(index, { postback: e.target.value })} />
          <Button size="sm" variant="ghost" aria-label={t('removeButton', { number: index + 1 })} disabled={buttons.length === 1}
                  onClick={() => onChange(buttons.filter((_, i) => i !== index))}>✕</Button>
        </div>
      ))}
      <div>
        <Button size="sm" disabled={buttons.length >= MAX_BUTTONS} onClick={() => onChange([...buttons, { label: '', postback: '' }])}>
          {t('addButton')}
        </Button>
      </div>
    </fieldset>
  )
}
