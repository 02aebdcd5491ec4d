import { useTranslation } from 'react-i18next'
import { TemplateField } from '../../bots/TemplateField'
import { firstError } from '../flowForm'
import type { StepEditorProps, StepKind } from './registry'

function AskLlmEditor({ step, set, path, errors }: StepEditorProps) {
  const { t } = useTranslation('flows')
  return <TemplateField label={t('instruction')} value={step.instruction ?? ''} error={firstError(errors, `${path}.instruction`)}
                        maxLength={4000} rows={2} setupUrl onChange={(instruction) => set({ instruction })} />
}

export const askLlmStep: StepKind = {
  type: 'ask_llm',
  empty: () => ({ instruction: '' }),
  toSpec: (s) => ({ type: 'ask_llm', instruction: s.instruction ?? '' }),
  Editor: AskLlmEditor,
  lastOnly: true,
}
