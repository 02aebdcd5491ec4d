import type { components } from '../../api/schema'

export type Moderation = components['schemas']['Moderation']
export type ModerationRequest = components['schemas']['ModerationRequest']

/** The category families the form offers an action for (OpenAI's moderation categories; subcategories follow). */
export const FAMILIES = ['self-harm', 'violence', 'harassment', 'hate', 'sexual', 'illicit'] as const

export interface ModerationForm {
  input: boolean
  output: boolean
  service: 'none' | 'platform' | 'custom'
  baseUrl: string
  apiKey: string
  keywords: string
  actions: Record<string, string>
  crisisMessage: string
  refusalMessage: string
  onUnavailable: 'fail_open' | 'fail_closed'
  maxInputLength: string
  tooLongMessage: string
}

export function formFromModeration(m: Moderation): ModerationForm {
  return {
    input: m.input, output: m.output, service: m.service, baseUrl: m.baseUrl ?? '', apiKey: '',
    keywords: m.keywords.map((k) => `${k.category}: ${k.regex ? `/${k.pattern}/` : k.pattern}`).join('\n'),
    actions: { ...m.actions }, crisisMessage: m.crisisMessage ?? '', refusalMessage: m.refusalMessage ?? '',
    onUnavailable: m.onUnavailable, maxInputLength: m.maxInputLength == null ? '' : String(m.maxInputLength),
    tooLongMessage: m.tooLongMessage ?? '',
  }
}

/** "category: word" or "category: /regex/" per line; lines without a colon are skipped. */
export function parseKeywords(text: string): { pattern: string; regex: boolean; category: string }[] {
  return text.split('\n').map((line) => line.trim()).filter((line) => line.includes(':')).map((line) => {
    const colon = line.indexOf(':')
    const category = line.slice(0, colon).trim()
    const pattern = line.slice(colon + 1).trim()
    const regex = pattern.length > 2 && pattern.startsWith('/') && pattern.endsWith('/')
    return { category, pattern: regex ? pattern.slice(1, -1) : pattern, regex }
  })
}

/** The whole object as a merge patch: actions removed in the form are sent as null, an empty key is left out. */
export function requestFromForm(form: ModerationForm, stored: Moderation): ModerationRequest {
  const actions: Record<string, string | null> = {}
  Object.keys(stored.actions).forEach((category) => { actions[category] = null })
  Object.entries(form.actions).forEach(([category, action]) => { actions[category] = action })
  const request: ModerationRequest = {
    input: form.input, output: form.output, service: form.service,
    baseUrl: form.service === 'custom' ? form.baseUrl.trim() : '', // "" clears it
    keywords: parseKeywords(form.keywords),
    // null removes a category (merge patch); the generated type does not say a map value may be null.
    actions: actions as Record<string, string>,
    crisisMessage: form.crisisMessage, refusalMessage: form.refusalMessage, onUnavailable: form.onUnavailable,
    maxInputLength: form.maxInputLength.trim() === '' ? null : Number(form.maxInputLength),
    tooLongMessage: form.tooLongMessage,
  }
  if (form.apiKey.trim() !== '') request.apiKey = form.apiKey.trim()
  return request
}
