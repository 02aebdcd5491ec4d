import type { components } from '../../api/schema'

export type DryRunRequest = components['schemas']['FlowDryRunRequest']

/** The sample contact and conversation of the dry-run box, as typed. */
export interface Sample {
  name: string
  tier: string
  /** key=value per line */
  attributes: string
  personaOverride: boolean
  accessCode: boolean
  /** comma-separated */
  tags: string
  channel: string
  /** key=value per line */
  variables: string
  /** `flowId:step` of the ask step the conversation waits at, or '' */
  waiting: string
  attempts: string
}

export const EMPTY_SAMPLE: Sample = { name: '', tier: '', attributes: '', personaOverride: false, accessCode: false, tags: '',
  channel: '', variables: '', waiting: '', attempts: '' }

/** `age=18` lines as a map (later lines win); lines without `=` are ignored. */
export function keyValues(text: string): Record<string, string> {
  return Object.fromEntries(text.split('\n').map((line) => line.split('=')).filter((parts) => parts.length > 1 && parts[0].trim() !== '')
    .map(([key, ...rest]) => [key.trim(), rest.join('=').trim()]))
}

/** Only what the sample sets: the API's defaults stand for the rest (no name, tier free, nothing saved). */
export function sampleRequest(sample: Sample): Partial<DryRunRequest> {
  const attributes = keyValues(sample.attributes)
  const variables = keyValues(sample.variables)
  const tags = sample.tags.split(',').map((tag) => tag.trim()).filter((tag) => tag !== '')
  const contact = {
    ...(sample.name.trim() && { displayName: sample.name.trim() }),
    ...(sample.tier.trim() && { tier: sample.tier.trim() }),
    ...(Object.keys(attributes).length > 0 && { attributes }),
    ...(sample.personaOverride && { personaOverride: true }),
    ...(sample.accessCode && { accessCode: true }),
    ...(tags.length > 0 && { tags }),
  }
  const [flowId, step] = sample.waiting.split(':')
  return {
    ...(Object.keys(contact).length > 0 && { contact }),
    ...(sample.channel && { channel: sample.channel as DryRunRequest['channel'] }),
    ...(Object.keys(variables).length > 0 && { variables }),
    ...(sample.waiting && { waiting: { flowId, step: Number(step), ...(sample.attempts.trim() && { attempts: Number(sample.attempts) }) } }),
  }
}
