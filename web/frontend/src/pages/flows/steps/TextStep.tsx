import { useTranslation } from 'react-i18next'
import { TemplateField } from '../../bots/TemplateField'
import type { StepEditorProps, StepKind } from './registry'

function TextEditor({ step, set, path, errors }: StepEditorProps) {
  const { t } = useTranslation('flows')
  return <TemplateField label={t('text')} value={step.text ?? ''} error={errors[`${path}.text`]} maxLength={4096} rows={3} setupUrl
                        onChange={(text) => set({ text })} />
}

export const textStep: StepKind = {
  type: 'text',
  empty: () => ({ text: '' }),
  toSpec: (s) => ({ type: 'text', text: s.text ?? '' }),
  Editor: TextEditor,
}
