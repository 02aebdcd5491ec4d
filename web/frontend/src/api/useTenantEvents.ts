import { useEffect } from 'react'
import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useAuth } from '../auth/useAuth'
import { openEventStream, type TenantEvent } from './eventStream'
import { inboxKeys } from './inboxKeys'
import { notificationKeys } from '../pages/notifications/notificationKeys'

/**
 * Listens to the signed-in tenant's live events (one stream per tab, mounted by the app shell) and refreshes what
 * they change in the React Query cache, so the inbox list and the open thread update without reloading. Events
 * carry ids only (docs/api/inbox.md): the cache refetches the affected queries, which merges by id.
 */
export function useTenantEvents(): void {
  const { session } = useAuth()
  const queries = useQueryClient()
  const signedInTenant = session ? `${session.user.id}/${session.tenant?.id ?? ''}` : null
  useEffect(() => {
    // jsdom and very old browsers have no EventSource: the pages still work, they just do not update live
    if (!signedInTenant || typeof EventSource === 'undefined') return
    return openEventStream({
      onEvent: (event) => applyTenantEvent(queries, event),
      onReconnect: () => {
        void queries.invalidateQueries({ queryKey: inboxKeys.all })
        void queries.invalidateQueries({ queryKey: notificationKeys.all })
      },
    })
  }, [signedInTenant, queries])
}

/** What one event makes stale. */
export function applyTenantEvent(queries: QueryClient, { type, data }: TenantEvent): void {
  const conversationId = typeof data.conversationId === 'string' ? data.conversationId : null
  const refresh = (queryKey: readonly unknown[]) => void queries.invalidateQueries({ queryKey })
  if (type === 'resync') {
    refresh(inboxKeys.all) // the server missed events for a moment: anything shown may be stale
    refresh(notificationKeys.all)
  } else if (type.startsWith('message.')) {
    // web chat's "message.sent" names only the message: refresh every open thread, the cache refetches active ones
    refresh(conversationId ? inboxKeys.messages(conversationId) : inboxKeys.allMessages)
    if (conversationId) refresh(inboxKeys.conversation(conversationId))
    refresh(inboxKeys.lists)
  } else if (type.startsWith('conversation.')) {
    if (conversationId) refresh(inboxKeys.conversation(conversationId))
    refresh(inboxKeys.lists)
  } else if (type === 'notification.created') {
    refresh(notificationKeys.all) // the bell's count and list
  } else if (type === 'contact.memory_changed') {
    // the LLM changed a contact's memory: the contact panel's Memory section shows it
    if (typeof data.contactId === 'string') refresh(['contact-memory', data.contactId])
  } else if (type === 'channel.unhealthy') {
    // channel pages keep their lists under keys that name "channels"
    void queries.invalidateQueries({ predicate: (q) => q.queryKey.includes('channels') })
  }
}
