import { useTranslation } from 'react-i18next'
import { Button, TextField } from '../../ui'
import type { TierRow } from './botForm'
import type { SectionProps } from './SettingsSection'

/** Per-contact message limits: the defaults, then overrides per contact tier (both empty = unlimited). */
export function LimitsFields({ form, set, errors }: SectionProps) {
  const { t } = useTranslation('bots')
  const tierError = Object.entries(errors).find(([field]) => field.startsWith('limits.tiers'))?.[1]
  const change = (index: number, patch: Partial<TierRow>) =>
    set({ tiers: form.tiers.map((row, i) => (i === index ? { ...row, ...patch } : row)) })
  return (
    <div className="p-stack">
      <div className="p-grid-2">
        <TextField label={t('settings.perHour')} type="number" min={1} value={form.perHour} error={errors['limits.perHour']}
                   onChange={(e) => set({ perHour: e.target.value })} />
        <TextField label={t('settings.perDay')} type="number" min={1} value={form.perDay} error={errors['limits.perDay']}
                   onChange={(e) => set({ perDay: e.target.value })} />
      </div>
      <fieldset className="bot-tiers">
        <legend className="p-field__label">{t('settings.tiers')}</legend>
        <p className="p-field__hint">{t('settings.tiersHint')}</p>
        {form.tiers.map((row, index) => (
          <div className="bot-tiers__row" key={index}>
            <TextField label={t('settings.tier')} value={row.tier} placeholder="premium" maxLength={40}
                       onChange={(e) => change(index, { tier: e.target.value.toLowerCase() })} />
            <TextField label={<>{t('settings.perHour')}<span className="visually-hidden"> ({row.tier || index + 1})</span></>} type="number" min={1} value={row.perHour}
                       onChange={(e) => change(index, { perHour: e.target.value })} />
            <TextField label={<>{t('settings.perDay')}<span className="visually-hidden"> ({row.tier || index + 1})</span></>} type="number" min={1} value={row.perDay}
                       onChange={(e) => change(index, { perDay: e.target.value })} />
            <Button size="sm" variant="ghost" aria-label={t('settings.removeTier', { tier: row.tier || index + 1 })}
                    onClick={() => set({ tiers: form.tiers.filter((_, i) => i !== index) })}>✕</Button>
          </div>
        ))}
        {tierError && <span className="p-field__error" role="alert">{tierError}</span>}
        <div><Button size="sm" onClick={() => set({ tiers: [...form.tiers, { tier: '', perHour: '', perDay: '' }] })}>
          {t('settings.addTier')}
        </Button></div>
      </fieldset>
    </div>
  )
}
