import type { components } from '../../api/schema'

type Hours = components['schemas']['BusinessHours']
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const

/** The form's state: hours on or off, a time zone, and per weekday open or closed with its times. */
export interface HoursForm { on: boolean; timeZone: string; days: Record<string, { open: boolean; from: string; to: string }> }

export function hoursForm(hours: Hours | null | undefined): HoursForm {
  const days = Object.fromEntries(DAYS.map((day) => {
    const set = hours?.days[day]
    return [day, { open: set !== undefined || (!hours && day !== 'sat' && day !== 'sun'), from: set?.open ?? '09:00', to: set?.close ?? '18:00' }]
  }))
  return { on: !!hours, timeZone: hours?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone, days }
}

/** What the API takes: null without hours (always answered), else the open days only. */
export function hoursOf(form: HoursForm): Hours | null {
  if (!form.on) return null
  const days = Object.fromEntries(DAYS.filter((day) => form.days[day].open)
    .map((day) => [day, { open: form.days[day].from, close: form.days[day].to }]))
  return { timeZone: form.timeZone.trim(), days }
}
