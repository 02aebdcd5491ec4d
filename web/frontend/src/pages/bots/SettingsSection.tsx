import type { ReactNode } from 'react'
import type { BotForm } from './botForm'

/** What every part of the settings editor gets: the form, a way to change it, and the API's field errors. */
export interface SectionProps {
  form: BotForm
  set: (patch: Partial<BotForm>) => void
  errors: Record<string, string>
}

/** A titled part of a long form, with an optional sentence of help under the title. */
export function SettingsSection({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <section className="p-card bot-section" aria-label={title}>
      <h2 className="bot-section__title">{title}</h2>
      {hint && <p className="p-muted bot-section__hint">{hint}</p>}
      {children}
    </section>
  )
}
