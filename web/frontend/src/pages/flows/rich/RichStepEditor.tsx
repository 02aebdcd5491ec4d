import { useTranslation } from 'react-i18next'
import type { components } from '../../../api/schema'
import { Button, TextField } from '../../../ui'
import { TemplateField } from '../../bots/TemplateField'
import { TargetField, type Target } from './TargetField'

type StepSpec = components['schemas']['FlowStep']
type Choice = { label?: string | null; description?: string | null } & Target

const MAX_CARD_BUTTONS = 3
const MAX_OPTIONS = 10

/**
 * The fields of a card, list or link_button step, edited on the step's API shape (kept as the step form's `raw`), with
 * the API's field errors next to each field. Buttons and options choose a flow by name or take postback data.
 */
export function RichStepEditor({ spec, onChange, errors, path }: {
  spec: StepSpec
  onChange: (spec: StepSpec) => void
  errors: Record<string, string>
  /** e.g. steps[2] */
  path: string
}) {
  const { t } = useTranslation('rich')
  const set = (patch: Partial<StepSpec>) => onChange({ ...spec, ...patch })
  const error = (field: string) => errors[`${path}.${field}`]
  return (
    <div className="p-stack">
      {spec.type === 'card' && (
        <TextField label={t('title')} value={spec.title ?? ''} maxLength={80} error={error('title')}
                   onChange={(e) => set({ title: e.target.value })} />
      )}
      <TemplateField label={t('text')} value={spec.text ?? ''} error={error('text')} maxLength={1000} rows={2} setupUrl
                     onChange={(text) => set({ text })} />
      {spec.type === 'card' && (
        <>
          <TextField label={t('imageUrl')} type="url" value={spec.imageUrl ?? ''} placeholder="https://" error={error('imageUrl')}
                     onChange={(e) => set({ imageUrl: e.target.value.trim() === '' ? undefined : e.target.value })} />
          <Choices kind="button" items={spec.buttons ?? []} max={MAX_CARD_BUTTONS} path={`${path}.buttons`} errors={errors}
                   onChange={(buttons) => set({ buttons: buttons.length === 0 ? undefined : buttons })} />
          {spec.link ? (
            <fieldset className="flow-buttons" aria-label={t('link')}>
              <legend className="p-field__label">{t('link')}</legend>
              <div className="p-grid-2">
                <TextField label={t('linkLabel')} value={spec.link.label ?? ''} maxLength={20} error={error('link.label')}
                           onChange={(e) => set({ link: { ...spec.link, label: e.target.value } })} />
                <TextField label={t('url')} type="url" value={spec.link.url ?? ''} placeholder="https://" error={error('link.url')}
                           onChange={(e) => set({ link: { ...spec.link, url: e.target.value } })} />
              </div>
              <div><Button size="sm" variant="ghost" onClick={() => set({ link: undefined })}>{t('removeLink')}</Button></div>
            </fieldset>
          ) : <div><Button size="sm" onClick={() => set({ link: { label: '', url: '' } })}>{t('addLink')}</Button></div>}
        </>
      )}
      {spec.type === 'list' && (
        <>
          <TextField label={t('listButton')} hint={t('listButtonHint')} value={spec.button ?? ''} maxLength={20} error={error('button')}
                     onChange={(e) => set({ button: e.target.value.trim() === '' ? undefined : e.target.value })} />
          <Choices kind="option" items={spec.options ?? []} max={MAX_OPTIONS} path={`${path}.options`} errors={errors}
                   onChange={(options) => set({ options })} />
        </>
      )}
      {spec.type === 'link_button' && (
        <div className="p-grid-2">
          <TextField label={t('linkLabel')} value={spec.label ?? ''} maxLength={20} error={error('label')}
                     onChange={(e) => set({ label: e.target.value })} />
          <TextField label={t('url')} type="url" value={spec.url ?? ''} placeholder="https://" error={error('url')}
                     onChange={(e) => set({ url: e.target.value })} />
        </div>
      )}
      <p className="p-field__hint">{t('channels')}</p>
    </div>
  )
}

/** A card's buttons or a list's options: label (and a list option's description) and what a press does. */
function Choices({ kind, items, max, path, errors, onChange }: {
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
