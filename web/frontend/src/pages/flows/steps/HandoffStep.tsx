import { useTranslation } from 'react-i18next'
import { TemplateField } from '../../bots/TemplateField'
import { optional } from '../flowForm'
import type { StepEditorProps, StepKind } from './registry'

function HandoffEditor({ step, set, path, errors }: StepEditorProps) {
  const { t } = useTranslation('flows')
  return <TemplateField label={t('message')} value={step.message ?? ''} error={errors[`${path}.message`]} maxLength={4096} rows={2}
                        setupUrl onChange={(message) => set({ message })} />
}

export const handoffStep: StepKind = {
  type: 'handoff',
  empty: () => ({ message: '' }),
  toSpec: (s) => ({ type: 'handoff', message: optional(s.message) }),
  Editor: HandoffEditor,
  lastOnly: true,
}
