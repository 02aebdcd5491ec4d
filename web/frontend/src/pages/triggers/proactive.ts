import type { components } from '../../api/schema'

type TriggerSpec = components['schemas']['FlowTrigger']

/** Triggers that start a flow with no message from the contact (docs/flows.md "Proactive triggers"). */
export const PROACTIVE_TYPES = ['setup_submitted', 'contact_created', 'inactive', 'schedule'] as const

export function isProactive(type: string | undefined): boolean {
  return (PROACTIVE_TYPES as readonly string[]).includes(type ?? '')
}

/** What a newly picked proactive trigger starts as: valid as it is, so the flow can be saved at once. */
export function defaultSpec(type: string): TriggerSpec {
  switch (type) {
    case 'inactive': return { type: 'inactive', after: 3, unit: 'days' }
    case 'schedule': return { type: 'schedule', cron: '0 9 * * *' }
    default: return { type: type as TriggerSpec['type'] }
  }
}
