import type { ConditionSpec } from '../flowForm'

/** The condition fields of docs/flows.md "Conditions"; `other` is any field typed as its full name (e.g. new ones). */
export const FIELD_CHOICES = ['contact.tier', 'contact.displayName', 'contact.personaOverride', 'contact.accessCode',
  'contact.tags', 'contact.attributes', 'conversation.variables', 'channel', 'time', 'weekday', 'other'] as const
export type FieldChoice = (typeof FIELD_CHOICES)[number]

export const ALL_OPS = ['equals', 'not_equals', 'in', 'not_in', 'exists', 'not_exists', 'contains', 'gt', 'gte', 'lt',
  'lte', 'between', 'before', 'after'] as const
export type Op = (typeof ALL_OPS)[number]

const CHOICE_OPS: readonly Op[] = ['equals', 'not_equals', 'in', 'not_in']
/** Which ops each field takes (core's ConditionField.Kind). */
export const OPS: Record<FieldChoice, readonly Op[]> = {
  'contact.tier': CHOICE_OPS,
  'contact.displayName': [...CHOICE_OPS, 'exists', 'not_exists', 'contains'],
  'contact.personaOverride': ['exists', 'not_exists'],
  'contact.accessCode': ['exists', 'not_exists'],
  /** A set of tags: has this one, has any of these, has any; negations through a `not` group. */
  'contact.tags': ['contains', 'in', 'exists'],
  'contact.attributes': ALL_OPS,
  'conversation.variables': ALL_OPS,
  channel: CHOICE_OPS,
  time: ['before', 'after', 'between'],
  weekday: CHOICE_OPS,
  other: ALL_OPS,
}

/** Fields whose values are a fixed list, chosen rather than typed. */
export const FIXED_VALUES: Partial<Record<FieldChoice, readonly string[]>> = {
  channel: ['line', 'whatsapp', 'telegram', 'web'],
  weekday: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
}

/** What an op needs besides the field: nothing, one value, a list, or [from, to]. */
export function operand(op: string | null | undefined): 'none' | 'value' | 'values' | 'range' {
  if (op === 'exists' || op === 'not_exists') return 'none'
  if (op === 'in' || op === 'not_in') return 'values'
  if (op === 'between') return 'range'
  return 'value'
}

export const NUMBER_OPS: readonly string[] = ['gt', 'gte', 'lt', 'lte']

export const NEW_TEST: ConditionSpec = { field: 'contact.attributes.', op: 'exists' }

export type NodeKind = 'test' | 'all' | 'any' | 'not'
export const NODE_KINDS: readonly NodeKind[] = ['test', 'all', 'any', 'not']

export function nodeKind(c: ConditionSpec): NodeKind {
  if (c.all) return 'all'
  if (c.any) return 'any'
  if (c.not) return 'not'
  return 'test'
}

/** The same condition as another kind of node, keeping what it held (a test becomes the group's first member). */
export function asKind(c: ConditionSpec, kind: NodeKind): ConditionSpec {
  const members = c.all ?? c.any ?? (c.not ? [c.not] : [c])
  if (kind === 'all') return { all: members }
  if (kind === 'any') return { any: members }
  if (kind === 'not') return { not: members.length === 1 ? members[0] : { all: members } }
  return firstTest(c) ?? NEW_TEST
}

function firstTest(c: ConditionSpec): ConditionSpec | undefined {
  if (nodeKind(c) === 'test') return c
  for (const member of c.all ?? c.any ?? (c.not ? [c.not] : [])) {
    const test = firstTest(member)
    if (test) return test
  }
  return undefined
}

/** `contact.attributes.age` → the field choice and the key (or the whole name for `other`). */
export function splitField(field: string | null | undefined): { choice: FieldChoice; key: string } {
  const name = field ?? ''
  for (const prefix of ['contact.attributes', 'conversation.variables'] as const) {
    if (name.startsWith(`${prefix}.`)) return { choice: prefix, key: name.substring(prefix.length + 1) }
  }
  const exact = FIELD_CHOICES.find((choice) => choice === name && choice !== 'other' && !choice.includes('attributes') && choice !== 'conversation.variables')
  return exact ? { choice: exact, key: '' } : { choice: 'other', key: name }
}

export function joinField(choice: FieldChoice, key: string): string {
  if (choice === 'contact.attributes' || choice === 'conversation.variables') return `${choice}.${key}`
  return choice === 'other' ? key : choice
}

/** A typed number as the API wants it (a number); text that is not one is sent as typed, for the API to name. */
export function numberOrText(text: string): number | string | undefined {
  if (text.trim() === '') return undefined
  const n = Number(text)
  return Number.isFinite(n) ? n : text
}
