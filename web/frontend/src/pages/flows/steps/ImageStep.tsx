import { useTranslation } from 'react-i18next'
import { TextField } from '../../../ui'
import { optional } from '../flowForm'
import type { StepEditorProps, StepKind } from './registry'

function ImageEditor({ step, set, path, errors }: StepEditorProps) {
  const { t } = useTranslation('flows')
  return (
    <div className="p-grid-2">
      <TextField label={t('url')} type="url" value={step.url ?? ''} error={errors[`${path}.url`]} placeholder="https://"
                 onChange={(e) => set({ url: e.target.value })} />
      <TextField label={t('previewUrl')} type="url" value={step.previewUrl ?? ''} error={errors[`${path}.previewUrl`]} placeholder="https://"
                 onChange={(e) => set({ previewUrl: e.target.value })} />
    </div>
  )
}

export const imageStep: StepKind = {
  type: 'image',
  empty: () => ({ url: '', previewUrl: '' }),
  toSpec: (s) => ({ type: 'image', url: (s.url ?? '').trim(), previewUrl: optional(s.previewUrl?.trim()) }),
  Editor: ImageEditor,
}
