import { NEW_GATE_UNTIL, type FlowForm, type FlowRequest, type TriggerSpec } from './flowForm'
import { stepSpec } from './steps/registry'

/**
 * The request body: each step sends only the fields its type uses (steps/registry.ts), since the API refuses the
 * others rather than dropping them. `patch`: a flow being edited, where a removed condition is sent as null (JSON
 * Merge Patch); a new flow without one leaves it out.
 */
export function requestFromForm(form: FlowForm, patch = false): FlowRequest {
  const t = form.trigger
  const type = t.type as TriggerSpec['type']
  const trigger: TriggerSpec = t.raw && t.raw.type === t.type ? t.raw : type === 'keyword' ? { type, match: t.match as TriggerSpec['match'], keywords: t.keywords.split('\n').map((k) => k.trim()).filter(Boolean) }
    : type === 'regex' ? { type, pattern: t.pattern }
      : type === 'postback' ? { type, data: t.data }
        : type === 'gate' ? { type, until: t.until ?? NEW_GATE_UNTIL }
          : { type }
  return {
    name: form.name.trim(),
    enabled: form.enabled,
    priority: form.priority.trim() === '' ? 0 : Number(form.priority),
    trigger,
    steps: form.steps.map(stepSpec),
    ...(form.condition ? { condition: form.condition } : patch ? { condition: null } : {}),
  }
}
