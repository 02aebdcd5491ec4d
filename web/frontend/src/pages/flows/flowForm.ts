import type { components } from '../../api/schema'
import { RICH_STEP_TYPES, newRichStep } from './rich/richSteps'

export type Flow = components['schemas']['Flow']
export type FlowRequest = components['schemas']['FlowRequest']
type StepSpec = components['schemas']['FlowStep']
type TriggerSpec = components['schemas']['FlowTrigger']

export const TRIGGER_TYPES = ['keyword', 'regex', 'postback', 'follow', 'fallback'] as const
export const STEP_TYPES = ['text', 'buttons', 'image', 'set_attribute', 'handoff', 'ask_llm', 'card', 'list', 'link_button'] as const
export type StepType = (typeof STEP_TYPES)[number]
/** These end the turn, so the API wants them last (docs/flows.md "Steps"). */
export const LAST_ONLY: readonly string[] = ['handoff', 'ask_llm']

export interface ButtonForm { label: string; postback: string }

/** Steps and triggers the editor shows but does not edit yet (made through the API): saved back exactly as read. */
export const API_ONLY_STEP_TYPES = ['branch', 'ask', 'goto'] as const

export interface StepForm {
  /** A local id so React keeps each step's inputs while steps move. */
  uid: string
  type: StepType
  /** A step of a type this editor does not edit (branch, ask, goto): kept and sent back unchanged. */
  raw?: StepSpec
  text: string
  style: string
  buttons: ButtonForm[]
  url: string
  previewUrl: string
  key: string
  value: string
  message: string
  instruction: string
}

export interface FlowForm {
  name: string
  enabled: boolean
  priority: string
  /** `raw`: a trigger this editor does not edit (a gate), kept and sent back unchanged. */
  trigger: { type: string; keywords: string; match: string; pattern: string; data: string; raw?: TriggerSpec }
  steps: StepForm[]
}

let uids = 0
const nextUid = () => `step-${++uids}`

export function newStep(type: StepType = 'text'): StepForm {
  return { uid: nextUid(), type, text: '', style: 'buttons', buttons: type === 'buttons' ? [{ label: '', postback: '' }] : [],
    url: '', previewUrl: '', key: '', value: '', message: '', instruction: '',
    raw: RICH_STEP_TYPES.includes(type) ? newRichStep(type) : undefined }
}

export function newFlowForm(): FlowForm {
  return { name: '', enabled: true, priority: '0', trigger: { type: 'keyword', keywords: '', match: 'exact', pattern: '', data: '' }, steps: [newStep()] }
}

export function formFromFlow(flow: Flow): FlowForm {
  return {
    name: flow.name,
    enabled: flow.enabled,
    priority: String(flow.priority),
    trigger: {
      type: flow.trigger.type ?? 'keyword',
      keywords: (flow.trigger.keywords ?? []).join('\n'),
      match: flow.trigger.match ?? 'exact',
      pattern: flow.trigger.pattern ?? '',
      data: flow.trigger.data ?? '',
      raw: (TRIGGER_TYPES as readonly string[]).includes(flow.trigger.type ?? 'keyword') ? undefined : flow.trigger,
    },
    steps: flow.steps.map((s: StepSpec) => (STEP_TYPES as readonly string[]).includes(s.type ?? 'text')
      && !RICH_STEP_TYPES.includes(s.type ?? 'text') ? ({
      ...newStep((s.type ?? 'text') as StepType),
      text: s.text ?? '', style: s.style ?? 'buttons', buttons: (s.buttons ?? []).map((b) => ({ label: b.label ?? '', postback: b.postback ?? '' })),
      url: s.url ?? '', previewUrl: s.previewUrl ?? '', key: s.key ?? '', value: s.value ?? '', message: s.message ?? '',
      instruction: s.instruction ?? '',
    }) : { ...newStep(), type: s.type as StepType, raw: s }),
  }
}

const optional = (text: string) => (text.trim() === '' ? undefined : text)

/** Only the fields each trigger and step type uses: the API refuses the others rather than dropping them. */
function stepSpec(step: StepForm): StepSpec {
  switch (step.type) {
    case 'text': return { type: 'text', text: step.text }
    case 'buttons': return { type: 'buttons', text: step.text, style: step.style as StepSpec['style'], buttons: step.buttons.map((b) => ({ label: b.label, postback: b.postback })) }
    case 'image': return { type: 'image', url: step.url.trim(), previewUrl: optional(step.previewUrl.trim()) }
    case 'set_attribute': return { type: 'set_attribute', key: step.key.trim(), value: step.value }
    case 'handoff': return { type: 'handoff', message: optional(step.message) }
    case 'ask_llm': return { type: 'ask_llm', instruction: step.instruction }
    default: return step.raw ?? { type: step.type }
  }
}

export function requestFromForm(form: FlowForm): FlowRequest {
  const t = form.trigger
  const type = t.type as TriggerSpec['type']
  const trigger: TriggerSpec = t.raw && t.raw.type === t.type ? t.raw : type === 'keyword' ? { type, match: t.match as TriggerSpec['match'], keywords: t.keywords.split('\n').map((k) => k.trim()).filter(Boolean) }
    : type === 'regex' ? { type, pattern: t.pattern }
      : type === 'postback' ? { type, data: t.data }
        : { type }
  return {
    name: form.name.trim(),
    enabled: form.enabled,
    priority: form.priority.trim() === '' ? 0 : Number(form.priority),
    trigger,
    steps: form.steps.map(stepSpec),
  }
}

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
