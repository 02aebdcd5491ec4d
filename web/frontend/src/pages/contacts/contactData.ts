import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import { inboxKeys } from '../../api/inboxKeys'
import { useCursorList } from '../../api/useCursorList'
import type { components } from '../../api/schema'

export type Contact = components['schemas']['Contact']
export type ContactPatch = components['schemas']['ContactPatch']

export interface ContactFilters { q?: string; channelId?: string; blocked?: boolean; tier?: string }

const contactKeys = {
  lists: ['contacts', 'list'] as const,
  list: (filters: ContactFilters) => ['contacts', 'list', filters] as const,
  detail: (id: string) => ['contacts', 'detail', id] as const,
}

export function useContactList(filters: ContactFilters) {
  return useCursorList<Contact>(contactKeys.list(filters), (cursor) =>
    unwrap(api.GET('/api/v1/contacts', { params: { query: { ...filters, cursor } } })))
}

export function useContact(id: string) {
  return useQuery({
    queryKey: contactKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/contacts/{contactId}', { params: { path: { contactId: id } } })),
  })
}

/** PATCH with only the fields that changed; the inbox shows the contact's name and tier, so it refreshes too. */
export function useUpdateContact(id: string) {
  const queries = useQueryClient()
  return useMutation({
    mutationFn: (patch: ContactPatch) =>
      unwrap(api.PATCH('/api/v1/contacts/{contactId}', { params: { path: { contactId: id } }, body: patch })),
    onSuccess: (contact) => {
      queries.setQueryData(contactKeys.detail(id), contact)
      void queries.invalidateQueries({ queryKey: contactKeys.lists })
      void queries.invalidateQueries({ queryKey: inboxKeys.all })
    },
  })
}

export function useCreateSetupLink(id: string) {
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/contacts/{contactId}/setup-link', {
      params: { path: { contactId: id } }, body: {},
    })),
  })
}
