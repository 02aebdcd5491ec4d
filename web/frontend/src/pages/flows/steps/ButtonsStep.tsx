import { useTranslation } from 'react-i18next'
import { SelectField } from '../../../ui'
import { TemplateField } from '../../bots/TemplateField'
import { ButtonsEditor } from '../ButtonsEditor'
import type { StepSpec } from '../flowForm'
import type { StepEditorProps, StepKind } from './registry'

function ButtonsStepEditor({ step, set, path, errors }: StepEditorProps) {
  const { t } = useTranslation('flows')
  return (
    <>
      <TemplateField label={t('text')} value={step.text ?? ''} error={errors[`${path}.text`]} maxLength={4096} rows={3} setupUrl
                     onChange={(text) => set({ text })} />
      <SelectField label={t('style')} value={step.style ?? 'buttons'} error={errors[`${path}.style`]}
                   onChange={(e) => set({ style: e.target.value as StepSpec['style'] })}>
        {(['buttons', 'quick_replies'] as const).map((s) => <option key={s} value={s}>{t(`styles.${s}`)}</option>)}
      </SelectField>
      <ButtonsEditor buttons={(step.buttons ?? []).map((b) => ({ label: b.label ?? '', postback: b.postback ?? '' }))}
                     onChange={(buttons) => set({ buttons })} errors={errors} path={`${path}.buttons`} />
    </>
  )
}

export const buttonsStep: StepKind = {
  type: 'buttons',
  empty: () => ({ text: '', style: 'buttons', buttons: [{ label: '', postback: '' }] }),
  toSpec: (s) => ({ type: 'buttons', text: s.text ?? '', style: s.style ?? 'buttons',
    buttons: (s.buttons ?? []).map((b) => ({ label: b.label, postback: b.postback })) }),
  Editor: ButtonsStepEditor,
}
