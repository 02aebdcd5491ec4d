import { useTranslation } from 'react-i18next'
import type { components } from '../../api/schema'
import './setup.css'

type Shown = components['schemas']['SetupMemory']

/** A memory value as the contact reads it: flags as yes/no, nothing as a dash. */
function asText(value: Shown['value'], yes: string, no: string): string {
  if (value == null) return '—'
  if (typeof value === 'boolean') return value ? yes : no
  return String(value)
}

/**
 * What the bot remembers about the contact and lets them see (memory fields marked visibleToContact), read-only:
 * the field's name and the bot's description of it, then its current value.
 */
export function SetupMemory({ memory }: { memory: Shown[] }) {
  const { t } = useTranslation('setup')
  return (
    <section className="p-stack" aria-labelledby="setup-memory-title">
      <h2 id="setup-memory-title" className="p-muted">{t('memory.title')}</h2>
      <dl className="setup-memory">
        {memory.map((field) => (
          <div key={field.name}>
            <dt>{field.name}{field.description && <span className="p-muted"> — {field.description}</span>}</dt>
            <dd>{asText(field.value, t('memory.yes'), t('memory.no'))}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
