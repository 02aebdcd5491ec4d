import { useQuery } from '@tanstack/react-query'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'

export type StepKey = 'bot' | 'channel' | 'testChat' | 'llmKey' | 'invite' | 'billing'
export interface Step { key: StepKey; done: boolean; to: string }

/** How many of the newest bots are looked at for channels and test chats: a newcomer has one or two. */
const BOTS_LOOKED_AT = 5

/**
 * Where a new workspace stands, from what the API already tells (no state of its own): a bot exists; one of them has
 * a channel of its own; its test chat has a conversation; one of them answers with a real LLM (its own key or the
 * platform's, not the demo); someone else was invited or joined; the tenant pays (left out when this Parley has no
 * billing).
 */
export function useOnboarding(enabled: boolean) {
  return useQuery({
    queryKey: ['onboarding'],
    enabled,
    queryFn: async (): Promise<Step[]> => {
      const bots = (await unwrap(api.GET('/api/v1/bots', { params: { query: { limit: BOTS_LOOKED_AT } } }))).items
      let channel: string | undefined
      let tested = false
      for (const bot of bots) {
        const channels = (await unwrap(api.GET('/api/v1/bots/{botId}/channels', {
          params: { path: { botId: bot.id }, query: { includeTest: true } },
        }))).items
        if (!channel && channels.some((c) => !c.testOnly)) channel = bot.id
        const test = channels.find((c) => c.testOnly)
        if (!tested && test) {
          tested = (await unwrap(api.GET('/api/v1/conversations', { params: { query: { channelId: test.id, limit: 1 } } }))).items.length > 0
        }
      }
      const members = (await unwrap(api.GET('/api/v1/members', { params: { query: { limit: 2 } } }))).items
      const invited = members.length > 1
        || (await unwrap(api.GET('/api/v1/invitations'))).items.length > 0
      const first = bots[0]?.id
      const billing = await billingStep()
      return [
        { key: 'bot', done: bots.length > 0, to: '/bots' },
        { key: 'channel', done: channel !== undefined, to: first ? `/bots/${first}/channels` : '/bots' },
        { key: 'testChat', done: tested, to: first ? `/bots/${first}` : '/bots' },
        { key: 'llmKey', done: bots.some((b) => b.llm.answeredBy !== 'demo'), to: first ? `/bots/${first}` : '/bots' },
        { key: 'invite', done: invited, to: '/settings/members' },
        ...(billing ? [billing] : []),
      ]
    },
  })
}

/**
 * The billing step, or none when this Parley has no billing (503 billing-not-configured) or its state cannot be read
 * now (Stripe unreachable): the other steps still show. Done once the tenant has a subscription (a Stripe customer,
 * or the trial) or a plan that costs something (an operator's assignment; the base plan is the free one).
 */
async function billingStep(): Promise<Step | undefined> {
  try {
    const billing = await unwrap(api.GET('/api/v1/billing'))
    const paid = (billing.plan.monthlyPriceCents ?? 0) > 0
    return { key: 'billing', done: paid || billing.subscription != null, to: '/billing' }
  } catch (e) {
    if (e instanceof ApiProblem) return undefined
    throw e
  }
}
