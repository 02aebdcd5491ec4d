import { useQuery } from '@tanstack/react-query'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'

export type StepKey = 'bot' | 'channel' | 'testChat' | 'invite'
export interface Step { key: StepKey; done: boolean; to: string }

/** How many of the newest bots are looked at for channels and test chats: a newcomer has one or two. */
const BOTS_LOOKED_AT = 5

/**
 * Where a new workspace stands, from what the API already tells (no state of its own): a bot exists; one of them has
 * a channel of its own; its test chat has a conversation; someone else was invited or joined.
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
      return [
        { key: 'bot', done: bots.length > 0, to: '/bots' },
        { key: 'channel', done: channel !== undefined, to: first ? `/bots/${first}/channels` : '/bots' },
        { key: 'testChat', done: tested, to: first ? `/bots/${first}` : '/bots' },
        { key: 'invite', done: invited, to: '/settings/members' },
      ]
    },
  })
}
