import type { InboxFilters } from './conversationData'

/** The list's views: who should look at these conversations. */
export const VIEWS = ['needs', 'mine', 'teams', 'unassigned', 'all'] as const
export type InboxView = typeof VIEWS[number]

/** The view in the URL; "needs a person" when none is given (the default: what waits for the team). */
export function viewFrom(params: URLSearchParams): InboxView {
  const view = params.get('view')
  return (VIEWS as readonly string[]).includes(view ?? '') ? view as InboxView : 'needs'
}

/**
 * The filters live in the URL (?view=&bot=&channel=&status=&tier=&unread=1&q=), so a reload, the back button and a shared
 * link keep them, and opening a conversation keeps the list as it was.
 */
export function filtersFrom(params: URLSearchParams): InboxFilters {
  const filters: InboxFilters = {}
  const bot = params.get('bot')
  const channel = params.get('channel')
  const status = params.get('status')
  const q = params.get('q')?.trim()
  const view = viewFrom(params)
  if (view === 'needs') filters.status = 'waiting'
  if (view === 'mine') filters.assignee = 'me'
  if (view === 'teams') filters.team = 'mine'
  if (view === 'unassigned') filters.assignee = 'none'
  if (bot) filters.botId = bot
  if (channel) filters.channelId = channel
  if (status === 'open' || status === 'waiting' || status === 'resolved') filters.status = status
  if (status === 'takenOver') filters.takenOver = true
  if (params.get('unread') === '1') filters.unread = true
  if (q) filters.q = q
  const tier = params.get('tier')
  if (tier) filters.tier = tier
  return filters
}
