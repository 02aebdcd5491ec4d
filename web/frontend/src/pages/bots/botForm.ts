import type { components } from '../../api/schema'

export type Bot = components['schemas']['Bot']
export type BotRequest = components['schemas']['BotRequest']
type LlmSettings = components['schemas']['LlmSettings']

export interface TierRow { tier: string; perHour: string; perDay: string }

/** The settings editor's state: inputs hold text, so an emptied number field is "" until it is sent. */
export interface BotForm {
  name: string
  status: string
  persona: string
  provider: string
  baseUrl: string
  model: string
  /** Azure OpenAI's api-version ("" for other providers). */
  apiVersion: string
  /** A new key typed by the admin; "" keeps the stored one. */
  apiKey: string
  removeApiKey: boolean
  temperature: string
  maxTokens: string
  timeoutMs: string
  historyWindow: string
  welcomeMessage: string
  fallbackMessage: string
  limitMessage: string
  quotaMessage: string
  handoffText: string
  outputConversion: string
  perHour: string
  perDay: string
  tiers: TierRow[]
}

const text = (value: number | string | null | undefined) => (value === null || value === undefined ? '' : String(value))
const number = (value: string) => (value.trim() === '' ? null : Number(value))

export function formFromBot(bot: Bot): BotForm {
  return {
    name: bot.name,
    status: bot.status,
    persona: bot.persona ?? '',
    provider: bot.llm.provider,
    baseUrl: text(bot.llm.baseUrl),
    model: text(bot.llm.model),
    apiVersion: text(bot.llm.apiVersion),
    apiKey: '',
    removeApiKey: false,
    temperature: text(bot.llm.temperature),
    maxTokens: text(bot.llm.maxTokens),
    timeoutMs: text(bot.llm.timeoutMs),
    historyWindow: text(bot.historyWindow),
    welcomeMessage: text(bot.welcomeMessage),
    fallbackMessage: text(bot.fallbackMessage),
    limitMessage: text(bot.limitMessage),
    quotaMessage: text(bot.quotaMessage),
    handoffText: text(bot.handoffText),
    outputConversion: bot.outputConversion,
    perHour: text(bot.limits.perHour),
    perDay: text(bot.limits.perDay),
    tiers: Object.entries(bot.limits.tiers ?? {}).map(([tier, l]) => ({ tier, perHour: text(l?.perHour), perDay: text(l?.perDay) })),
  }
}

/**
 * The PATCH body (a JSON Merge Patch, RFC 7396) for the whole form. Optional texts go as "" to clear them, emptied
 * numbers as null (which removes them); the API key goes only when replaced or removed, since it is write-only.
 * Tiers merge one by one, so a tier the admin deleted from the form is sent as null to remove it.
 */
export function requestFromForm(form: BotForm, before?: Bot): BotRequest {
  const tiers: Record<string, { perHour: number | null; perDay: number | null } | null> = Object.fromEntries(
    Object.keys(before?.limits.tiers ?? {}).map((tier) => [tier, null]))
  for (const row of form.tiers.filter((r) => r.tier.trim())) {
    tiers[row.tier.trim()] = { perHour: number(row.perHour), perDay: number(row.perDay) }
  }
  // Ollama takes no key (the API refuses one); moving to it drops the stored key on the server
  const apiKey = form.provider === 'ollama' ? undefined : form.removeApiKey ? '' : form.apiKey.trim() || undefined
  return {
    name: form.name.trim(),
    status: form.status as BotRequest['status'],
    persona: form.persona,
    llm: {
      provider: form.provider as LlmSettings['provider'],
      baseUrl: form.baseUrl.trim(),
      model: form.model.trim(),
      // only Azure takes an api-version; null removes it when the bot moves to another provider
      apiVersion: form.provider === 'azure-openai' ? form.apiVersion.trim() || null : null,
      ...(apiKey !== undefined && { apiKey }),
      temperature: number(form.temperature),
      maxTokens: number(form.maxTokens),
      timeoutMs: number(form.timeoutMs),
    },
    historyWindow: number(form.historyWindow),
    welcomeMessage: form.welcomeMessage,
    fallbackMessage: form.fallbackMessage,
    limitMessage: form.limitMessage,
    quotaMessage: form.quotaMessage,
    handoffText: form.handoffText.trim(),
    outputConversion: form.outputConversion as BotRequest['outputConversion'],
    limits: {
      perHour: number(form.perHour),
      perDay: number(form.perDay),
      // null removes a tier (merge patch); the generated type does not say a map value may be null.
      tiers: tiers as NonNullable<BotRequest['limits']>['tiers'],
    },
  }
}
