/**
 * React Query keys of the inbox's data. Everything lives under ['inbox'] so live events (useTenantEvents) can refresh
 * one conversation, its messages, or every conversation list (with whatever filters) by prefix.
 */
export const inboxKeys = {
  all: ['inbox'] as const,
  lists: ['inbox', 'conversations'] as const,
  list: (filters: object) => ['inbox', 'conversations', filters] as const,
  // under lists: every event that refreshes the lists refreshes the "needs a person" count too
  counts: ['inbox', 'conversations', 'counts'] as const,
  notes: (conversationId: string) => ['inbox', 'notes', conversationId] as const,
  cannedReplies: ['inbox', 'canned-replies'] as const,
  conversation: (id: string) => ['inbox', 'conversation', id] as const,
  allMessages: ['inbox', 'messages'] as const,
  messages: (conversationId: string) => ['inbox', 'messages', conversationId] as const,
}
