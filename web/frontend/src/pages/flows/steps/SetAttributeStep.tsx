import { useTranslation } from 'react-i18next'
import { TextField } from '../../../ui'
import type { StepEditorProps, StepKind } from './registry'

function SetAttributeEditor({ step, set, path, errors }: StepEditorProps) {
  const { t } = useTranslation('flows')
  return (
    <div className="p-grid-2">
      <TextField label={t('key')} value={step.key ?? ''} error={errors[`${path}.key`]} maxLength={64} placeholder="interest"
                 spellCheck={false} onChange={(e) => set({ key: e.target.value })} />
      <TextField label={t('value')} value={step.value ?? ''} error={errors[`${path}.value`]} maxLength={1000}
                 onChange={(e) => set({ value: e.target.value })} />
    </div>
  )
}

export const setAttributeStep: StepKind = {
  type: 'set_attribute',
  empty: () => ({ key: '', value: '' }),
  toSpec: (s) => ({ type: 'set_attribute', key: (s.key ?? '').trim(), value: s.value ?? '' }),
  Editor: SetAttributeEditor,
}
