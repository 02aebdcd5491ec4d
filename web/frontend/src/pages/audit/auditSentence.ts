import type { TFunction } from 'i18next'
import type { components } from '../../api/schema'

export type AuditEntry = components['schemas']['AuditEntry']

/** The thing an action is about and what was done: "billing.plan.changed" → billing, changed. */
export function actionParts(action: string): { thing: string; verb: string } {
  const parts = action.split('.')
  return { thing: parts[0], verb: parts[parts.length - 1] }
}

/** Who did it, by name: a member's name (from the members list), the actor's label, an API key's name, or Parley. */
export function actorName(t: TFunction, entry: AuditEntry, names: Map<string, string>): string {
  const { actor } = entry
  if (actor.type === 'system') return t('audit:system')
  // the API labels a key "api key <name>": the name, in the reader's words
  if (actor.type === 'api_key') return t('audit:apiKey', { name: (actor.label ?? '').replace(/^api key /, '') }).trim()
  return (actor.id && names.get(actor.id)) || actor.label || t('audit:someone')
}

/** What the entry's target is called, from its details or the members list, if anything names it. */
function targetName(entry: AuditEntry, names: Map<string, string>): string | undefined {
  const member = entry.targetId ? names.get(entry.targetId) : undefined
  if (member) return member
  const details = entry.details as Record<string, unknown>
  for (const key of ['name', 'displayName', 'email', 'shortcut']) {
    if (typeof details[key] === 'string' && details[key]) return details[key] as string
  }
  return undefined
}

/**
 * The entry as a sentence in the reader's language: "Ann created a bot “Lumi”", "Ann 建立了機器人「Lumi」".
 * Codes Parley does not describe yet stay as codes rather than being guessed at.
 */
export function auditSentence(t: TFunction, entry: AuditEntry, names: Map<string, string>): string {
  const { thing, verb } = actionParts(entry.action)
  const thingText = t(`audit:things.${thing}`, { defaultValue: '' })
  const verbText = t(`audit:verbs.${verb}`, { defaultValue: '' })
  const actor = actorName(t, entry, names)
  if (!thingText || !verbText) return `${actor}: ${entry.action}`
  const name = targetName(entry, names)
  const target = name ? t('audit:named', { thing: thingText, name }) : thingText
  return t('audit:sentence', { actor, verb: verbText, thing: target })
}

/**
 * RFC 4180 CSV: every field quoted, quotes doubled, a cell that a spreadsheet would run as a formula (= + - @)
 * prefixed with ', and a BOM so spreadsheet apps read the Chinese as UTF-8.
 */
export function toCsv(rows: string[][]): string {
  const cell = (value: string) => `"${(/^[=+\-@]/.test(value) ? `'${value}` : value).replaceAll('"', '""')}"`
  return '\uFEFF' + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n'
}
