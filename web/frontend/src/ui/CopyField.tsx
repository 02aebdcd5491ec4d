import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from './Button'

/** A value people copy somewhere else (webhook URL, API key, embed snippet), with a copy button that confirms. */
export function CopyField({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation()
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    await navigator.clipboard?.writeText(value)
    setCopied(true)
    window.setTimeout(() => setCopied(false), 2000)
  }
  return (
    <div className="p-copy">
      {/* it scrolls sideways when long: focusable, so a keyboard can scroll it too (WCAG 2.1.1, axe
          scrollable-region-focusable) */}
      <code aria-label={label} tabIndex={0}>{value}</code>
      <Button size="sm" onClick={copy} aria-label={`${t('actions.copy')}: ${label}`}>
        {copied ? t('actions.copied') : t('actions.copy')}
      </Button>
    </div>
  )
}
