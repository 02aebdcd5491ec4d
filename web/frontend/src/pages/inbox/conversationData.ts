import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import { inboxKeys } from '../../api/inboxKeys'
import { useCursorList, type Page } from '../../api/useCursorList'
import type { components } from '../../api/schema'

export type Conversation = components['schemas']['Conversation']
export type Message = components['schemas']['Message']

/** The list's filters as the API takes them; absent = any. */
export interface InboxFilters {
  botId?: string
  channelId?: string
  contactId?: string
  status?: 'open' | 'closed'
  takenOver?: boolean
  unread?: boolean
}

export function useConversationList(filters: InboxFilters) {
  return useCursorList<Conversation>(inboxKeys.list(filters), (cursor) =>
    unwrap(api.GET('/api/v1/conversations', { params: { query: { ...filters, cursor } } })))
}

export function useConversation(id: string) {
  return useQuery({
    queryKey: inboxKeys.conversation(id),
    queryFn: () => unwrap(api.GET('/api/v1/conversations/{conversationId}', { params: { path: { conversationId: id } } })),
  })
}

/**
 * The thread, oldest first. Pages come newest first (direction=backward); "older" fetches the page before the oldest
 * shown. A refetch (live event) reloads from the newest page, and messages are merged by id, so nothing shows twice.
 */
export function useMessages(conversationId: string) {
  const query = useInfiniteQuery({
    queryKey: inboxKeys.messages(conversationId),
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/conversations/{conversationId}/messages', {
      params: { path: { conversationId }, query: { cursor: pageParam, direction: 'backward' } },
    })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
  const byId = new Map<string, Message>()
  query.data?.pages.forEach((p) => p.items.forEach((m) => byId.set(m.id, m)))
  // ids are UUIDv7: their text order is their time order
  const messages = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return {
    messages,
    isPending: query.isPending,
    error: query.error,
    refetch: query.refetch,
    hasOlder: query.hasNextPage,
    loadingOlder: query.isFetchingNextPage,
    loadOlder: () => query.fetchNextPage(),
  }
}

/** The agent actions on one conversation; each answers the conversation as it now is, which goes into the cache. */
export function useConversationActions(conversationId: string) {
  const queries = useQueryClient()
  const path = { params: { path: { conversationId } } }
  const settle = (conversation: Conversation) => {
    queries.setQueryData(inboxKeys.conversation(conversationId), conversation)
    void queries.invalidateQueries({ queryKey: inboxKeys.lists })
  }
  const markRead = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/conversations/{conversationId}/read', path)),
    onSuccess: settle,
  })
  const takeOver = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/conversations/{conversationId}/takeover', path)),
    onSuccess: settle,
  })
  const handBack = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/conversations/{conversationId}/release', path)),
    onSuccess: settle,
  })
  const send = useMutation({
    mutationFn: (reply: { text: string; keepBotActive: boolean }) =>
      unwrap(api.POST('/api/v1/conversations/{conversationId}/messages', { ...path, body: reply })),
    onSuccess: (message) => {
      // show the reply at once (as "queued"); the refetch and live status events then move its status along
      queries.setQueryData<InfiniteData<Page<Message>>>(inboxKeys.messages(conversationId), (data) => {
        if (!data || data.pages.length === 0) return data
        const [newest, ...older] = data.pages
        return { ...data, pages: [{ ...newest, items: [message, ...newest.items] }, ...older] }
      })
      // a reply takes the conversation over unless the bot was kept active
      void queries.invalidateQueries({ queryKey: inboxKeys.conversation(conversationId) })
      void queries.invalidateQueries({ queryKey: inboxKeys.lists })
    },
  })
  return { markRead, takeOver, handBack, send }
}
