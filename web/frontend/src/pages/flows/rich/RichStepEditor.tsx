import { useTranslation } from 'react-i18next'
import type { components } from '../../../api/schema'
import { Button, TextField } from '../../../ui'
import { TemplateField } from '../../bots/TemplateField'
import { Choices } from './Choices'
import { CarouselEditor } from './CarouselEditor'

type StepSpec = components['schemas']['FlowStep']
export const MAX_CARD_BUTTONS = 3
const MAX_OPTIONS = 10

/**
 * The fields of a card, list, link_button or carousel step, edited on the step's API shape (kept as the step form's `raw`), with
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
  if (spec.type === 'carousel') {
    return <CarouselEditor cards={spec.cards ?? []} path={path} errors={errors} onChange={(cards) => set({ cards })} />
  }
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
