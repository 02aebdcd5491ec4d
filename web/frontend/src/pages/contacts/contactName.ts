import i18n from '../../i18n'

/**
 * What to call a contact: the display name, else (web chat visitors and others the provider gave no name) the
 * channel's kind and the first characters of the contact id, so two unnamed people still look different.
 */
export function contactName(contact: { id: string; displayName?: string | null }, channelType?: string): string {
  const name = contact.displayName?.trim()
  if (name) return name
  const kind = channelType ? i18n.t(`contacts:channelType.${channelType}`) : i18n.t('contacts:unnamed')
  return `${kind} · ${contact.id.replace(/-/g, '').slice(-4)}`
}
