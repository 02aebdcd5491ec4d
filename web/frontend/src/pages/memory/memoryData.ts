import type { components } from '../../api/schema'

export type MemoryField = components['schemas']['MemoryField']
export type ContactMemory = components['schemas']['ContactMemory']

/** A field as the editor holds it: every input as text, turned into the API's field by {@link toField}. */
export interface FieldDraft {
  name: string
  type: 'number' | 'enum' | 'text' | 'boolean'
  scope: 'contact' | 'conversation'
  description: string
  defaultValue: string
  visibleToContact: boolean
  min: string
  max: string
  step: string
  values: string
  maxLength: string
}

export function blankDraft(): FieldDraft {
  return { name: '', type: 'number', scope: 'contact', description: '', defaultValue: '', visibleToContact: false,
    min: '0', max: '100', step: '5', values: '', maxLength: '' }
}

export function toDraft(field: MemoryField): FieldDraft {
  const d = field.defaultValue
  return {
    name: field.name, type: field.type as FieldDraft['type'], scope: (field.scope ?? 'contact') as FieldDraft['scope'],
    description: field.description ?? '', defaultValue: d === undefined || d === null ? '' : String(d),
    visibleToContact: field.visibleToContact ?? false,
    min: field.min?.toString() ?? '', max: field.max?.toString() ?? '', step: field.step?.toString() ?? '',
    values: (field.values ?? []).join(', '), maxLength: field.maxLength?.toString() ?? '',
  }
}

/** The API's field: only the members its type uses; the server checks the rest and names each problem. */
export function toField(d: FieldDraft): MemoryField {
  const field: MemoryField = { name: d.name.trim(), type: d.type, scope: d.scope, visibleToContact: d.visibleToContact }
  if (d.description.trim()) field.description = d.description.trim()
  const number = (text: string) => (text.trim() === '' ? undefined : Number(text))
  if (d.type === 'number') {
    field.min = number(d.min)
    field.max = number(d.max)
    if (d.step.trim()) field.step = number(d.step)
  }
  if (d.type === 'enum') field.values = d.values.split(',').map((v) => v.trim()).filter(Boolean)
  if (d.type === 'text' && d.maxLength.trim()) field.maxLength = number(d.maxLength)
  const text = d.defaultValue.trim()
  if (text) {
    field.defaultValue = d.type === 'number' ? Number(text) : d.type === 'boolean' ? text === 'true' : text
  }
  return field
}

/** A stored value as shown: booleans and numbers as written, nothing as an empty string. */
export function shown(value: unknown): string {
  return value === undefined || value === null ? '' : String(value)
}
