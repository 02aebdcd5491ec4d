import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import { inboxKeys } from '../../api/inboxKeys'
import { useCursorList, type Page } from '../../api/useCursorList'
import type { components } from '../../api/schema'

export type Conversation = components['schemas']['Conversation']
export type Message = components['schemas']['Message']
export type Note = components['schemas']['ConversationNote']
export type CannedReply = components['schemas']['CannedReply']
export type ConversationStatus = Conversation['status']

/** The list's filters as the API takes them; absent = any. */
export interface InboxFilters {
  botId?: string
  channelId?: string
  contactId?: string
  status?: ConversationStatus
  takenOver?: boolean
  unread?: boolean
  /** me, none or a member's id */
  assignee?: string
  /** mine (the teams I belong to) or a team's id */
  team?: string
  q?: string
  tier?: string
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
  const update = useMutation({
    mutationFn: (patch: { status?: ConversationStatus; assigneeId?: string | null; teamId?: string | null }) =>
      unwrap(api.PATCH('/api/v1/conversations/{conversationId}', { ...path, body: patch })),
    onSuccess: settle,
  })
  const addNote = useMutation({
    mutationFn: (text: string) =>
      unwrap(api.POST('/api/v1/conversations/{conversationId}/notes', { ...path, body: { text } })),
    onSuccess: () => void queries.invalidateQueries({ queryKey: inboxKeys.notes(conversationId) }),
  })
  return { markRead, takeOver, handBack, send, update, addNote }
}

/** The conversation's private notes, oldest first (the thread shows them among the messages). */
export function useNotes(conversationId: string) {
  return useQuery({
    queryKey: inboxKeys.notes(conversationId),
    queryFn: () => unwrap(api.GET('/api/v1/conversations/{conversationId}/notes', {
      params: { path: { conversationId }, query: { limit: 200 } },
    })),
  })
}

/** How many conversations need a person: all, mine, unassigned. */
export function useInboxCounts(enabled = true) {
  return useQuery({
    queryKey: inboxKeys.counts,
    queryFn: () => unwrap(api.GET('/api/v1/conversations/counts')),
    enabled,
  })
}

/** The tenant's canned replies (the first 200, by shortcut: the reply box's / menu and the settings page). */
export function useCannedReplies() {
  return useQuery({
    queryKey: inboxKeys.cannedReplies,
    queryFn: () => unwrap(api.GET('/api/v1/canned-replies', { params: { query: { limit: 200 } } })),
  })
}

/** The tenant's teams (the first 200, by name), each with its members' ids: the assign control's team picker. */
export function useTeams() {
  return useQuery({
    queryKey: ['inbox', 'teams'],
    queryFn: () => unwrap(api.GET('/api/v1/teams', { params: { query: { limit: 200 } } })),
    select: (page) => page.items,
    staleTime: 60_000,
  })
}

/** The members who can be assigned (owners, admins, agents), with their names. */
export function useAssignableMembers() {
  return useQuery({
    queryKey: ['inbox', 'members'],
    queryFn: () => unwrap(api.GET('/api/v1/members', { params: { query: { limit: 200 } } })),
    select: (page) => page.items.filter((m) => m.role !== 'viewer'),
    staleTime: 60_000,
  })
}
