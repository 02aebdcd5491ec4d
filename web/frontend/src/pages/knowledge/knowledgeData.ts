import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import type { components } from '../../api/schema'

export type KnowledgeSource = components['schemas']['KnowledgeSource']
export type KnowledgeSettings = components['schemas']['KnowledgeSettings']
export type KnowledgeChunk = components['schemas']['KnowledgeChunk']
export type NewSource = { type: 'qa'; question: string; answer: string } | { type: 'url'; url: string }

const POLL_MS = 2000
const keys = {
  sources: (botId: string) => ['knowledge', botId, 'sources'],
  settings: (botId: string) => ['knowledge', botId, 'settings'],
}

/**
 * Sends a file. An object so component tests can replace it: jsdom's FormData cannot travel through Node's fetch,
 * so those tests check the FormData handed over here (as the contacts import does).
 */
export const uploads = {
  file: (botId: string, form: FormData) => api.POST('/api/v1/bots/{botId}/knowledge/sources/files', {
    params: { path: { botId } }, body: {} as never, bodySerializer: () => form,
  }),
}

/** The bot's sources, polled while any is still waiting or indexing. */
export function useSources(botId: string) {
  return useQuery({
    queryKey: keys.sources(botId),
    queryFn: () => unwrap(api.GET('/api/v1/bots/{botId}/knowledge/sources', { params: { path: { botId }, query: { limit: 200 } } })),
    refetchInterval: (query) =>
      query.state.data?.items.some((s) => s.status === 'pending' || s.status === 'indexing') ? POLL_MS : false,
  })
}

export function useSettings(botId: string) {
  return useQuery({
    queryKey: keys.settings(botId),
    queryFn: () => unwrap(api.GET('/api/v1/bots/{botId}/knowledge/settings', { params: { path: { botId } } })),
  })
}

export function useSaveSettings(botId: string) {
  const queries = useQueryClient()
  return useMutation({
    mutationFn: (body: KnowledgeSettings) => unwrap(api.PATCH('/api/v1/bots/{botId}/knowledge/settings', { params: { path: { botId } }, body })),
    onSuccess: (saved) => queries.setQueryData(keys.settings(botId), saved),
  })
}

export function useAddSource(botId: string) {
  const queries = useQueryClient()
  return useMutation({
    mutationFn: (source: NewSource | File) => {
      if (source instanceof File) {
        const form = new FormData()
        form.append('file', source, source.name)
        return unwrap(uploads.file(botId, form))
      }
      return unwrap(api.POST('/api/v1/bots/{botId}/knowledge/sources', { params: { path: { botId } }, body: source }))
    },
    onSuccess: () => queries.invalidateQueries({ queryKey: keys.sources(botId) }),
  })
}

export function useSourceAction(botId: string) {
  const queries = useQueryClient()
  return useMutation({
    mutationFn: ({ sourceId, action }: { sourceId: string; action: 'reindex' | 'delete' }) => {
      const params = { params: { path: { botId, sourceId } } }
      return action === 'delete'
        ? unwrap(api.DELETE('/api/v1/bots/{botId}/knowledge/sources/{sourceId}', params))
        : unwrap(api.POST('/api/v1/bots/{botId}/knowledge/sources/{sourceId}/reindex', params))
    },
    onSuccess: () => queries.invalidateQueries({ queryKey: keys.sources(botId) }),
  })
}

export function useSearch(botId: string) {
  return useMutation({
    mutationFn: (question: string) => unwrap(api.POST('/api/v1/bots/{botId}/knowledge/search', { params: { path: { botId } }, body: { question } })),
  })
}
