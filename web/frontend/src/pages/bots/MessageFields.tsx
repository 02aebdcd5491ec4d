import { useTranslation } from 'react-i18next'
import { SelectField, TextField } from '../../ui'
import type { SectionProps } from './SettingsSection'
import { TemplateField } from './TemplateField'

/** What the bot says outside the LLM's answers, and the script its replies are converted to. */
export function MessageFields({ form, set, errors }: SectionProps) {
  const { t } = useTranslation('bots')
  return (
    <div className="p-stack">
      <TemplateField label={t('settings.welcomeMessage')} hint={t('settings.welcomeHint', {
                       placeholder: '{{setupUrl}}', fallback: `{{contact.displayName|${t('settings.fallbackName')}}}`,
                     })}
                     value={form.welcomeMessage} error={errors.welcomeMessage} setupUrl maxLength={2000} rows={3}
                     onChange={(welcomeMessage) => set({ welcomeMessage })} />
      <TemplateField label={t('settings.fallbackMessage')} hint={t('settings.fallbackHint')} value={form.fallbackMessage}
                     error={errors.fallbackMessage} maxLength={2000} rows={2}
                     onChange={(fallbackMessage) => set({ fallbackMessage })} />
      <TemplateField label={t('settings.limitMessage')} hint={t('settings.limitHint')} value={form.limitMessage}
                     error={errors.limitMessage} maxLength={2000} rows={2}
                     onChange={(limitMessage) => set({ limitMessage })} />
      <TemplateField label={t('settings.quotaMessage')} hint={t('settings.quotaHint')} value={form.quotaMessage}
                     error={errors.quotaMessage} maxLength={2000} rows={2}
                     onChange={(quotaMessage) => set({ quotaMessage })} />
      <TextField label={t('settings.handoffText')} hint={t('settings.handoffHint')} value={form.handoffText}
                 error={errors.handoffText} maxLength={500} placeholder={t('settings.handoffDefault')}
                 onChange={(e) => set({ handoffText: e.target.value })} />
      <SelectField label={t('settings.outputConversion')} value={form.outputConversion} error={errors.outputConversion}
                   onChange={(e) => set({ outputConversion: e.target.value })}>
        {(['none', 'zh-Hant', 'zh-Hant-TW', 'zh-Hans'] as const).map((c) => <option key={c} value={c}>{t(`settings.conversions.${c}`)}</option>)}
      </SelectField>
    </div>
  )
}
