import { useTranslation } from 'react-i18next'
import { SelectField, TextField } from '../../../ui'
import { TemplateField } from '../../bots/TemplateField'
import { ButtonsEditor } from '../ButtonsEditor'
import { optional, type StepSpec } from '../flowForm'
import type { StepEditorProps, StepKind } from './registry'

export const INPUT_KINDS = ['text', 'number', 'email', 'phone', 'date', 'choice', 'regex', 'access_code'] as const
const SCOPES = ['contact.attributes', 'conversation.variables'] as const

/** `contact.attributes.name` → its scope and key (a new step: contact attributes, no key yet). */
export function splitSaveTo(saveTo: string | null | undefined): { scope: string; key: string } {
  const scope = SCOPES.find((s) => saveTo?.startsWith(`${s}.`)) ?? 'contact.attributes'
  return { scope, key: saveTo?.startsWith(`${scope}.`) ? saveTo.substring(scope.length + 1) : '' }
}

/** A question that waits for the answer: what it must be, where it goes, and what happens after wrong answers. */
function AskEditor({ step, set, path, errors }: StepEditorProps) {
  const { t } = useTranslation('flows')
  const error = (field: string) => errors[`${path}.${field}`]
  const input = step.input ?? 'text'
  const saveTo = splitSaveTo(step.saveTo)
  const setSaveTo = (scope: string, key: string) => set({ saveTo: `${scope}.${key}` })
  return (
    <>
      <TemplateField label={t('ask.question')} value={step.text ?? ''} error={error('text')} maxLength={4096} rows={2} setupUrl
                     onChange={(text) => set({ text })} />
      <div className="p-grid-2">
        <SelectField label={t('ask.input')} value={input} error={error('input')} hint={t(`ask.inputHelp.${input}`)}
                     onChange={(e) => set({ input: e.target.value as StepSpec['input'],
                       ...(e.target.value === 'choice' && !(step.buttons?.length) && { buttons: [{ label: '', postback: '' }] }) })}>
          {INPUT_KINDS.map((kind) => <option key={kind} value={kind}>{t(`ask.inputs.${kind}`)}</option>)}
        </SelectField>
        <TextField label={t('ask.maxAttempts')} type="number" min={1} max={10} value={step.maxAttempts ?? ''} placeholder="3"
                   error={error('maxAttempts')} onChange={(e) => set({ maxAttempts: e.target.value === '' ? undefined : Number(e.target.value) })} />
      </div>
      {input === 'regex' && (
        <TextField label={t('pattern')} className="p-input p-mono" maxLength={500} value={step.pattern ?? ''} spellCheck={false}
                   error={error('pattern')} placeholder="[A-Z]{4}-\d{4}" onChange={(e) => set({ pattern: e.target.value })} />
      )}
      {input === 'choice' && (
        <ButtonsEditor buttons={(step.buttons ?? []).map((b) => ({ label: b.label ?? '', postback: b.postback ?? '' }))}
                       onChange={(buttons) => set({ buttons })} errors={errors} path={`${path}.buttons`} />
      )}
      <div className="p-grid-2">
        <SelectField label={t('ask.saveTo')} value={saveTo.scope} error={error('saveTo')}
                     hint={input === 'access_code' ? t('ask.saveToCode') : undefined}
                     onChange={(e) => setSaveTo(e.target.value, saveTo.key)}>
          {SCOPES.map((scope) => <option key={scope} value={scope}>{t(`ask.scopes.${scope.replace('.', '_')}`)}</option>)}
        </SelectField>
        <TextField label={t('ask.saveKey')} value={saveTo.key} maxLength={64} spellCheck={false} placeholder="name"
                   onChange={(e) => setSaveTo(saveTo.scope, e.target.value)} />
      </div>
      <TemplateField label={t('ask.retryText')} hint={t('ask.retryHint')} value={step.retryText ?? ''} error={error('retryText')}
                     maxLength={4096} rows={2} onChange={(retryText) => set({ retryText })} />
      <TemplateField label={t('ask.failText')} hint={t('ask.failHint')} value={step.failText ?? ''} error={error('failText')}
                     maxLength={4096} rows={2} onChange={(failText) => set({ failText })} />
    </>
  )
}

export const askStep: StepKind = {
  type: 'ask',
  empty: () => ({ text: '', input: 'text', saveTo: 'contact.attributes.' }),
  toSpec: (s) => {
    const input = s.input ?? 'text'
    return {
      type: 'ask',
      text: s.text ?? '',
      input,
      saveTo: splitSaveTo(s.saveTo).key.trim() === '' ? undefined : s.saveTo?.trim(),
      ...(input === 'choice' && { buttons: (s.buttons ?? []).map((b) => ({ label: b.label, postback: b.postback })) }),
      ...(input === 'regex' && { pattern: s.pattern ?? '' }),
      retryText: optional(s.retryText),
      maxAttempts: s.maxAttempts ?? undefined,
      failText: optional(s.failText),
    }
  },
  Editor: AskEditor,
  topLevelOnly: true,
}
