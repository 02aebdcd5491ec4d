import { useTranslation } from 'react-i18next'
import { Button, TextField } from '../../../ui'
import { TargetField, type Target } from './TargetField'

export type Choice = { label?: string | null; description?: string | null } & Target

/** A card's buttons or a list's options: label (and a list option's description) and what a press does. */
export function Choices({ kind, items, max, path, errors, onChange }: {
  kind: 'button' | 'option'
  items: Choice[]
  max: number
  path: string
  errors: Record<string, string>
  onChange: (items: Choice[]) => void
}) {
  const { t } = useTranslation('rich')
  const change = (index: number, item: Choice) => onChange(items.map((old, i) => (i === index ? item : old)))
  const what = t(kind)
  return (
    <fieldset className="flow-buttons">
      <legend className="p-field__label">{t(kind === 'button' ? 'buttons' : 'options')}</legend>
      {errors[path] && <span className="p-field__error" role="alert">{errors[path]}</span>}
      {items.map((item, index) => {
        const at = `${path}[${index}]`
        return (
          <div className="flow-buttons__row" key={index} role="group" aria-label={t('row', { what, number: index + 1 })}>
            <TextField label={t('label')} value={item.label ?? ''} maxLength={kind === 'button' ? 20 : 24}
                       error={errors[`${at}.label`]} onChange={(e) => change(index, { ...item, label: e.target.value })} />
            {kind === 'option' && (
              <TextField label={t('description')} value={item.description ?? ''} maxLength={72} error={errors[`${at}.description`]}
                         onChange={(e) => change(index, { ...item, description: e.target.value === '' ? undefined : e.target.value })} />
            )}
            <TargetField value={item} path={at} errors={errors}
                         onChange={(target) => change(index, { label: item.label, description: item.description, ...target })} />
            <Button size="sm" variant="ghost" aria-label={t('remove', { what, number: index + 1 })}
                    disabled={kind === 'option' && items.length === 1} onClick={() => onChange(items.filter((_, i) => i !== index))}>✕</Button>
          </div>
        )
      })}
      <div>
        <Button size="sm" disabled={items.length >= max} onClick={() => onChange([...items, { label: '', postback: '' }])}>
          {t(kind === 'button' ? 'addButton' : 'addOption')}
        </Button>
      </div>
    </fieldset>
  )
}
