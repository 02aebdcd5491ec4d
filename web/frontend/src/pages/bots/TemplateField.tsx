import { useRef } from 'react'
import { TextAreaField } from '../../ui'
import { PlaceholderHints } from './PlaceholderHints'

/** A text area for a template (persona, message, flow step) with its placeholder buttons under it. */
export function TemplateField({ label, hint, error, value, onChange, setupUrl, rows = 4, maxLength }: {
  label: string
  hint?: string
  error?: string
  value: string
  onChange: (value: string) => void
  setupUrl?: boolean
  rows?: number
  maxLength?: number
}) {
  const ref = useRef<HTMLTextAreaElement>(null)
  return (
    <div className="bot-template">
      <TextAreaField ref={ref} label={label} hint={hint} error={error} value={value} rows={rows} maxLength={maxLength}
                     onChange={(e) => onChange(e.target.value)} />
      <PlaceholderHints target={ref} value={value} onChange={onChange} setupUrl={setupUrl} />
    </div>
  )
}
