import type { CreateTemplate } from './templateData'
import { variableCount } from './templateData'

export type HeaderFormat = '' | 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT'
export type ButtonType = 'QUICK_REPLY' | 'URL' | 'PHONE_NUMBER'

export interface ButtonDraft { type: ButtonType; text: string; url: string; phone: string; sample: string }

/** What the editor holds; {@link toRequest} turns it into the API's (Meta-shaped) components. */
export interface Draft {
  channelId: string; name: string; language: string; category: 'UTILITY' | 'MARKETING'
  headerFormat: HeaderFormat; headerText: string; headerSample: string; headerHandle: string
  body: string; bodySamples: string[]; footer: string; buttons: ButtonDraft[]
}

export const EMPTY_DRAFT: Draft = {
  channelId: '', name: '', language: 'en_US', category: 'UTILITY', headerFormat: '', headerText: '', headerSample: '',
  headerHandle: '', body: '', bodySamples: [], footer: '', buttons: [],
}

type Component = CreateTemplate['components'][number]

/**
 * The request, and for each API field path (`components[1].example.bodyText`) the editor field it belongs to, so the
 * server's validation messages show next to the right input.
 */
export function toRequest(draft: Draft): { request: CreateTemplate; fieldOf: Record<string, string> } {
  const components: Component[] = []
  const fieldOf: Record<string, string> = { name: 'name', language: 'language', category: 'category', components: 'body' }
  const at = () => `components[${components.length}]`
  if (draft.headerFormat) {
    const path = at()
    Object.assign(fieldOf, { [`${path}.text`]: 'headerText', [`${path}.format`]: 'headerFormat',
      [`${path}.example.headerText`]: 'headerSample', [`${path}.example.headerHandle`]: 'headerHandle' })
    components.push(draft.headerFormat === 'TEXT'
      ? { type: 'HEADER', format: 'TEXT', text: draft.headerText,
          ...(variableCount(draft.headerText) ? { example: { headerText: [draft.headerSample] } } : {}) }
      : { type: 'HEADER', format: draft.headerFormat, example: { headerHandle: [draft.headerHandle] } })
  }
  const body = at()
  Object.assign(fieldOf, { [`${body}.text`]: 'body', [`${body}.example.bodyText`]: 'bodySample.0' })
  const samples = draft.bodySamples.slice(0, variableCount(draft.body))
  components.push({ type: 'BODY', text: draft.body, ...(samples.length ? { example: { bodyText: [samples] } } : {}) })
  if (draft.footer.trim()) {
    fieldOf[`${at()}.text`] = 'footer'
    components.push({ type: 'FOOTER', text: draft.footer })
  }
  if (draft.buttons.length) {
    const path = at()
    fieldOf[`${path}.buttons`] = 'buttons'
    draft.buttons.forEach((_, i) => Object.assign(fieldOf, { [`${path}.buttons[${i}].text`]: `button.${i}.text`,
      [`${path}.buttons[${i}].url`]: `button.${i}.url`, [`${path}.buttons[${i}].phoneNumber`]: `button.${i}.phone`,
      [`${path}.buttons[${i}].example`]: `button.${i}.sample` }))
    components.push({ type: 'BUTTONS', buttons: draft.buttons.map((button) => {
      if (button.type === 'URL') {
        return { type: 'URL', text: button.text, url: button.url, ...(variableCount(button.url) ? { example: [button.sample] } : {}) }
      }
      if (button.type === 'PHONE_NUMBER') return { type: 'PHONE_NUMBER', text: button.text, phoneNumber: button.phone }
      return { type: 'QUICK_REPLY', text: button.text }
    }) })
  }
  return {
    request: { ...(draft.channelId ? { channelId: draft.channelId } : {}), name: draft.name.trim(),
      language: draft.language.trim(), category: draft.category, components },
    fieldOf,
  }
}

const NAME = /^[a-z0-9_]{1,512}$/

/** The numbers used as {{n}}, which must be 1..n without gaps. */
function numbered(text: string): boolean {
  const numbers = [...new Set([...text.matchAll(/\{\{\s*(\d{1,3})\s*\}\}/g)].map((m) => Number(m[1])))].sort((a, b) => a - b)
  return numbers.every((n, i) => n === i + 1)
}

/** The checks that can be made while typing (the API checks everything again); editor field → message key. */
export function check(draft: Draft): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!NAME.test(draft.name.trim())) errors.name = 'badName'
  if (!draft.body.trim()) errors.body = 'required'
  else if (draft.body.length > 1024) errors.body = 'tooLong:1024'
  else if (!numbered(draft.body)) errors.body = 'badGaps'
  else draft.bodySamples.slice(0, variableCount(draft.body)).forEach((sample, i) => { if (!sample.trim()) errors[`bodySample.${i}`] = 'needSample' })
  for (let i = draft.bodySamples.length; i < variableCount(draft.body); i++) errors[`bodySample.${i}`] = 'needSample'
  if (draft.headerFormat === 'TEXT') {
    if (!draft.headerText.trim()) errors.headerText = 'required'
    else if (draft.headerText.length > 60) errors.headerText = 'tooLong:60'
    else if (variableCount(draft.headerText) && !draft.headerSample.trim()) errors.headerSample = 'needSample'
  } else if (draft.headerFormat && !draft.headerHandle.trim()) errors.headerHandle = 'required'
  if (draft.footer.length > 60) errors.footer = 'tooLong:60'
  draft.buttons.forEach((button, i) => {
    if (!button.text.trim()) errors[`button.${i}.text`] = 'required'
    else if (button.text.length > 25) errors[`button.${i}.text`] = 'tooLong:25'
    if (button.type === 'URL' && !button.url.startsWith('https://')) errors[`button.${i}.url`] = 'required'
    if (button.type === 'URL' && variableCount(button.url) && !button.sample.trim()) errors[`button.${i}.sample`] = 'needSample'
    if (button.type === 'PHONE_NUMBER' && !/^\+?\d{6,20}$/.test(button.phone.trim())) errors[`button.${i}.phone`] = 'required'
  })
  return errors
}
