import type { components } from '../../api/schema'

export type Flow = components['schemas']['Flow']
export type FlowRequest = components['schemas']['FlowRequest']
export type StepSpec = components['schemas']['FlowStep']
export type ConditionSpec = components['schemas']['FlowCondition']
export type TriggerSpec = components['schemas']['FlowTrigger']

export const TRIGGER_TYPES = ['keyword', 'regex', 'postback', 'follow', 'fallback', 'gate'] as const

export interface ButtonForm { label: string; postback: string }

/**
 * A step as the editor holds it: the API's fields (only those its type uses are sent, see steps/registry.ts), a
 * local id so React keeps each step's inputs while steps move, and a branch's sub-steps in the same form.
 */
export type StepForm = Omit<StepSpec, 'type' | 'steps' | 'elseSteps'> & {
  uid: string
  type: string
  steps?: StepForm[]
  elseSteps?: StepForm[]
}

export interface FlowForm {
  name: string
  enabled: boolean
  priority: string
  /** Only for the contacts, channels and times for which it holds; null: everyone. */
  condition: ConditionSpec | null
  /** `raw`: a trigger this editor does not edit, kept and sent back unchanged. */
  trigger: { type: string; keywords: string; match: string; pattern: string; data: string; until?: ConditionSpec; raw?: TriggerSpec }
  steps: StepForm[]
}

let uids = 0
export const nextUid = () => `step-${++uids}`

/** The form of a step read from the API (branches' sub-steps too); fields the editor does not know are kept. */
export function stepForm(spec: StepSpec): StepForm {
  const { steps, elseSteps, ...rest } = spec
  return {
    ...rest,
    type: spec.type ?? 'text',
    uid: nextUid(),
    ...(steps && { steps: steps.map(stepForm) }),
    ...(elseSteps && { elseSteps: elseSteps.map(stepForm) }),
  }
}

/** The gate condition a new gate starts with: "until the contact saved the setup page". */
export const NEW_GATE_UNTIL: ConditionSpec = { field: 'contact.personaOverride', op: 'exists' }

export function newFlowForm(): FlowForm {
  return { name: '', enabled: true, priority: '0', condition: null,
    trigger: { type: 'keyword', keywords: '', match: 'exact', pattern: '', data: '' }, steps: [stepForm({ type: 'text', text: '' })] }
}

export function formFromFlow(flow: Flow): FlowForm {
  return {
    name: flow.name,
    enabled: flow.enabled,
    priority: String(flow.priority),
    condition: flow.condition ?? null,
    trigger: {
      type: flow.trigger.type ?? 'keyword',
      keywords: (flow.trigger.keywords ?? []).join('\n'),
      match: flow.trigger.match ?? 'exact',
      pattern: flow.trigger.pattern ?? '',
      data: flow.trigger.data ?? '',
      until: flow.trigger.until ?? undefined,
      raw: (TRIGGER_TYPES as readonly string[]).includes(flow.trigger.type ?? 'keyword') ? undefined : flow.trigger,
    },
    steps: flow.steps.map(stepForm),
  }
}

export const optional = (text: string | null | undefined) => (text == null || text.trim() === '' ? undefined : text)

/** Moves the item at `from` by `delta` places (the up/down buttons), keeping the list as it is at the ends. */
export function moved<T>(items: T[], from: number, delta: number): T[] {
  const to = from + delta
  if (to < 0 || to >= items.length) return items
  const copy = [...items]
  const [item] = copy.splice(from, 1)
  copy.splice(to, 0, item)
  return copy
}

/** The error of a field or of any of its items (trigger.keywords[3]). */
export function firstError(errors: Record<string, string>, field: string): string | undefined {
  const entry = Object.entries(errors).find(([name]) => name === field || name.startsWith(`${field}[`) || name.startsWith(`${field}.`))
  return entry && (entry[0] === field ? entry[1] : `${entry[0].substring(field.length)}: ${entry[1]}`.replace(/^[.]/, ''))
}
