import type { components } from '../../api/schema'

type SetupText = components['schemas']['SetupText']

/** The tenant's text in the page's language: Traditional Chinese on a zh page, else English, else the other one. */
export function inLanguage(text: SetupText | null | undefined, language: string): string | null {
  if (!text) return null
  const zh = language.toLowerCase().startsWith('zh')
  return (zh ? text['zh-Hant'] ?? text.en : text.en ?? text['zh-Hant']) ?? null
}
