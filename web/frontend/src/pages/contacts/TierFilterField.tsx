import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TextField } from '../../ui'

/**
 * "Only this tier" for the contacts list and the inbox. Tiers are the tenant's own words (free, premium, gold…), so
 * it is typed rather than picked; it applies on Enter or when the field is left, not on every key.
 */
export function TierFilterField({ value, onChange }: { value: string; onChange: (tier: string) => void }) {
  const { t } = useTranslation('contacts')
  const [typed, setTyped] = useState(value)
  useEffect(() => setTyped(value), [value])
  const commit = () => {
    const tier = typed.trim().toLowerCase()
    if (tier !== value) onChange(tier)
  }
  return (
    <TextField label={t('list.tierFilter')} value={typed} placeholder={t('list.tierFilterHint')} maxLength={40}
               onChange={(e) => setTyped(e.target.value)} onBlur={commit}
               onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); commit() } }} />
  )
}
