import type { InboxFilters } from './conversationData'

/**
 * The filters live in the URL (?bot=&channel=&status=&unread=1), so a reload, the back button and a shared link
 * keep them, and opening a conversation keeps the list as it was.
 */
export function filtersFrom(params: URLSearchParams): InboxFilters {
  const filters: InboxFilters = {}
  const bot = params.get('bot')
  const channel = params.get('channel')
  const status = params.get('status')
  if (bot) filters.botId = bot
  if (channel) filters.channelId = channel
  if (status === 'open' || status === 'closed') filters.status = status
  if (status === 'takenOver') filters.takenOver = true
  if (params.get('unread') === '1') filters.unread = true
  return filters
}
