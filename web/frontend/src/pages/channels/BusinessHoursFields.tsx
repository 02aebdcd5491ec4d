import { useTranslation } from 'react-i18next'
import { Checkbox, TextField } from '../../ui'
import { DAYS, type HoursForm } from './businessHours'

/**
 * A web chat channel's business hours (docs/web-chat.md#business-hours): outside them the widget says from when a
 * person answers. Errors come from the API by field (web.businessHours.timeZone, web.businessHours.days.tue, …).
 */
export function BusinessHoursFields({ form, onChange, errors }: {
  form: HoursForm; onChange: (form: HoursForm) => void; errors: Record<string, string>
}) {
  const { t } = useTranslation('channels')
  const setDay = (day: string, change: Partial<HoursForm['days'][string]>) =>
    onChange({ ...form, days: { ...form.days, [day]: { ...form.days[day], ...change } } })
  return (
    <fieldset className="p-stack">
      <legend className="p-field__label">{t('webSettings.hours.title')}</legend>
      <span className="p-field__hint">{t('webSettings.hours.hint')}</span>
      <Checkbox label={t('webSettings.hours.on')} checked={form.on} onChange={(e) => onChange({ ...form, on: e.target.checked })} />
      {form.on && (
        <>
          <TextField label={t('webSettings.hours.timeZone')} placeholder="Asia/Taipei" value={form.timeZone}
                     error={errors['web.businessHours.timeZone']} onChange={(e) => onChange({ ...form, timeZone: e.target.value })} />
          {errors['web.businessHours.days'] && <span className="p-field__error">{errors['web.businessHours.days']}</span>}
          {DAYS.map((day) => (
            <div key={day} className="p-row">
              <Checkbox label={t(`webSettings.hours.days.${day}`)} checked={form.days[day].open}
                        onChange={(e) => setDay(day, { open: e.target.checked })} />
              {form.days[day].open && (
                <>
                  <TextField label={t('webSettings.hours.opens', { day: t(`webSettings.hours.days.${day}`) })} type="time"
                             value={form.days[day].from} error={errors[`web.businessHours.days.${day}`]}
                             onChange={(e) => setDay(day, { from: e.target.value })} />
                  <TextField label={t('webSettings.hours.closes', { day: t(`webSettings.hours.days.${day}`) })} type="time"
                             value={form.days[day].to} onChange={(e) => setDay(day, { to: e.target.value })} />
                </>
              )}
            </div>
          ))}
        </>
      )}
    </fieldset>
  )
}
