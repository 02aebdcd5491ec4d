import { useQueries, useQuery } from '@tanstack/react-query'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'

export interface ChannelOption { id: string; name: string; type: string; botId: string; botName: string }

/**
 * The bots and channels to filter by (inbox, contacts). Workspaces have a handful of each, so one page of up to 200
 * is all of them. Keys of their own ('filter-options'), apart from the bot pages' lists, whose cache shape differs.
 */
export function useChannelOptions() {
  const bots = useQuery({
    queryKey: ['filter-options', 'bots'],
    queryFn: () => unwrap(api.GET('/api/v1/bots', { params: { query: { limit: 200 } } })),
    staleTime: 60_000,
  })
  const botList = bots.data?.items ?? []
  const channels = useQueries({
    queries: botList.map((bot) => ({
      queryKey: ['filter-options', 'channels', bot.id],
      queryFn: () => unwrap(api.GET('/api/v1/bots/{botId}/channels', { params: { path: { botId: bot.id }, query: { limit: 200 } } })),
      staleTime: 60_000,
    })),
  })
  const channelList: ChannelOption[] = channels.flatMap((q, i) => (q.data?.items ?? []).map((c) => ({
    id: c.id ?? '', name: c.name ?? '', type: c.type ?? 'web', botId: botList[i].id, botName: botList[i].name,
  })))
  return { bots: botList, channels: channelList }
}
