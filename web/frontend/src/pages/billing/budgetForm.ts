import type { components } from '../../api/schema'

type Budget = components['schemas']['Budget']
type BudgetRequest = components['schemas']['BudgetRequest']

/** The budget form's text fields: dollars as typed, thresholds as "50, 80, 100". */
export interface BudgetFormValues {
  monthly: string
  daily: string
  thresholds: string
  hardCap: boolean
  atCap: 'message' | 'cheaper_model' | 'flows_only'
  capModel: string
  capMessage: string
}

const dollars = (micros: number | null | undefined) => (micros == null ? '' : String(micros / 1_000_000))

export function formFromBudget(budget: Budget): BudgetFormValues {
  return {
    monthly: dollars(budget.monthlyLimitMicros),
    daily: dollars(budget.dailyLimitMicros),
    thresholds: budget.alertThresholds.join(', '),
    hardCap: budget.hardCap,
    atCap: budget.atCap,
    capModel: budget.capModel ?? '',
    capMessage: budget.capMessage ?? '',
  }
}

/** Dollars to micro-USD; empty removes the limit (null in the merge patch). */
function micros(text: string): number | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  const value = Number(trimmed.replace(/^\$/, ''))
  return Number.isFinite(value) ? Math.round(value * 1_000_000) : NaN
}

/** The whole form as one merge patch: every member is sent, so what the form shows is what is stored. */
export function requestFromForm(form: BudgetFormValues): BudgetRequest {
  const thresholds = form.thresholds.split(/[,\s]+/).filter(Boolean).map(Number)
  return {
    monthlyLimitMicros: micros(form.monthly),
    dailyLimitMicros: micros(form.daily),
    alertThresholds: thresholds.length === 0 ? null : thresholds,
    hardCap: form.hardCap,
    atCap: form.atCap,
    capModel: form.atCap === 'cheaper_model' ? form.capModel.trim() || null : null,
    capMessage: form.capMessage.trim() || null,
  }
}
