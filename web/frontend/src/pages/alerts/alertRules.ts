import type { components } from '../../api/schema'

export type AlertRule = components['schemas']['AlertRule']
export type AlertRuleCreate = components['schemas']['AlertRuleCreate']
export type AlertKind = AlertRuleCreate['kind']

export const KINDS: AlertKind[] = ['llm_daily_cost', 'llm_failure_rate', 'handoff_waiting', 'credentials_rejected']

/** The form's values, as typed (strings), for every kind at once. */
export interface AlertForm { kind: AlertKind; cost: string; percent: string; window: string; minCalls: string; wait: string }

export const EMPTY_FORM: AlertForm = { kind: 'llm_daily_cost', cost: '10', percent: '25', window: '15', minCalls: '20', wait: '10' }

const whole = (value: string) => Number.parseInt(value, 10)

/** The request for the form's kind: only that kind's thresholds (the API refuses the others). */
export function toRequest(form: AlertForm): AlertRuleCreate {
  switch (form.kind) {
    case 'llm_daily_cost':
      return { kind: form.kind, costMicros: Math.round(Number.parseFloat(form.cost) * 1_000_000) }
    case 'llm_failure_rate':
      return { kind: form.kind, failurePercent: whole(form.percent), windowMinutes: whole(form.window), minCalls: whole(form.minCalls) }
    case 'handoff_waiting':
      return { kind: form.kind, waitMinutes: whole(form.wait) }
    default:
      return { kind: form.kind }
  }
}

/** Money from micro-units, two decimals. */
export const money = (micros: number | null | undefined) => ((micros ?? 0) / 1_000_000).toFixed(2)

/** The values of the rule's summary text (`summaries.<kind>`). */
export function summaryValues(rule: AlertRule) {
  return { cost: money(rule.costMicros), percent: rule.failurePercent, minutes: rule.windowMinutes ?? rule.waitMinutes, calls: rule.minCalls }
}
