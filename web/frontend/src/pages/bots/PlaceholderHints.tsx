import { useId, useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../ui'

/**
 * The placeholders a persona, message or flow step may use (core PersonaTemplate is the authority: anything else is
 * refused on save), as buttons that insert one at the cursor of the text area they belong to.
 */
export function PlaceholderHints({ target, value, onChange, setupUrl = false }: {
  target: RefObject<HTMLTextAreaElement | null>
  value: string
  onChange: (value: string) => void
  /** {{setupUrl}} is allowed in welcome messages and flow steps only. */
  setupUrl?: boolean
}) {
  const { t } = useTranslation('bots')
  const keyId = useId()
  const [attribute, setAttribute] = useState('')
  const fixed = [
    { placeholder: '{{contact.displayName}}', help: t('settings.placeholderHelp.displayName') },
    { placeholder: '{{contact.tier}}', help: t('settings.placeholderHelp.tier') },
    { placeholder: '{{bot.name}}', help: t('settings.placeholderHelp.botName') },
    ...(setupUrl ? [{ placeholder: '{{setupUrl}}', help: t('settings.placeholderHelp.setupUrl') }] : []),
  ]
  const insert = (placeholder: string) => {
    const area = target.current
    const start = area?.selectionStart ?? value.length
    const end = area?.selectionEnd ?? value.length
    onChange(value.slice(0, start) + placeholder + value.slice(end))
    // after React has rendered the new value: put the caret after the placeholder, so typing continues there
    window.requestAnimationFrame(() => {
      area?.focus()
      area?.setSelectionRange(start + placeholder.length, start + placeholder.length)
    })
  }
  const key = attribute.trim().replace(/[^A-Za-z0-9_-]/g, '')
  return (
    <div className="bot-placeholders" role="group" aria-label={t('settings.placeholders')}>
      {fixed.map(({ placeholder, help }) => (
        <Button key={placeholder} size="sm" variant="ghost" className="bot-placeholders__chip" title={help}
                aria-label={t('settings.insert', { placeholder: `${placeholder} (${help})` })} onClick={() => insert(placeholder)}>
          <code>{placeholder}</code>
        </Button>
      ))}
      <span className="bot-placeholders__attribute">
        <label htmlFor={keyId} className="visually-hidden">{t('settings.attributeKey')}</label>
        <input id={keyId} className="p-input bot-placeholders__key" placeholder={t('settings.attributeKey')} value={attribute}
               onChange={(e) => setAttribute(e.target.value)} />
        <Button size="sm" variant="ghost" disabled={!key} title={t('settings.placeholderHelp.attribute')}
                onClick={() => insert(`{{contact.attributes.${key}}}`)}>
          {t('settings.insertAttribute')}
        </Button>
      </span>
    </div>
  )
}
