import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import type { components } from '../../api/schema'

export type Broadcast = components['schemas']['Broadcast']
export type BroadcastCreate = components['schemas']['BroadcastCreate']
export type Estimate = components['schemas']['BroadcastEstimate']
export type EstimateRequest = components['schemas']['BroadcastEstimateRequest']
export type Action = 'pause' | 'resume' | 'cancel' | 'retry-failed'

const keys = { list: ['broadcasts', 'list'] as const }
const LIVE_MS = 1000

/** Broadcasts, read again every second while one is running (the progress bars move). */
export function useBroadcasts() {
  return useQuery({
    queryKey: keys.list,
    queryFn: () => unwrap(api.GET('/api/v1/broadcasts', { params: { query: { limit: 50 } } })),
    refetchInterval: (query) => (query.state.data?.items.some((b) => b.state === 'running' || b.state === 'scheduled')
      ? LIVE_MS : false),
  })
}

export function useRecipients(broadcastId: string | undefined, status: string) {
  return useQuery({
    queryKey: ['broadcasts', 'recipients', broadcastId, status],
    enabled: !!broadcastId,
    queryFn: () => unwrap(api.GET('/api/v1/broadcasts/{broadcastId}/recipients', {
      params: { path: { broadcastId: broadcastId ?? '' }, query: { limit: 100, ...(status ? { status } : {}) } },
    })),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_MS * 2,
  })
}

/** Reach and cost of the composer's draft (recipients per channel, WhatsApp cost, LINE quota left), once it has a segment and a channel. */
export function useEstimate(request: EstimateRequest) {
  return useQuery({
    queryKey: ['broadcasts', 'estimate', request],
    enabled: !!request.segmentId && request.channelIds.length > 0,
    queryFn: () => unwrap(api.POST('/api/v1/broadcasts/estimate', { body: request })),
    placeholderData: keepPreviousData,
  })
}

/** Creates the draft, then sends it (now or at scheduledAt). */
export function useSendBroadcast() {
  const queries = useQueryClient()
  return useMutation({
    mutationFn: async ({ body, scheduledAt }: { body: BroadcastCreate; scheduledAt?: string }) => {
      const draft = await unwrap(api.POST('/api/v1/broadcasts', { body }))
      return unwrap(api.POST('/api/v1/broadcasts/{broadcastId}/send', {
        params: { path: { broadcastId: draft.id } }, body: scheduledAt ? { scheduledAt } : {},
      }))
    },
    onSettled: () => { void queries.invalidateQueries({ queryKey: keys.list }) },
  })
}

export function useBroadcastAction() {
  const queries = useQueryClient()
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: Action }) => {
      const params = { params: { path: { broadcastId: id } } }
      switch (action) {
        case 'pause': return unwrap(api.POST('/api/v1/broadcasts/{broadcastId}/pause', params))
        case 'resume': return unwrap(api.POST('/api/v1/broadcasts/{broadcastId}/resume', params))
        case 'cancel': return unwrap(api.POST('/api/v1/broadcasts/{broadcastId}/cancel', params))
        default: return unwrap(api.POST('/api/v1/broadcasts/{broadcastId}/retry-failed', params))
      }
    },
    onSuccess: () => { void queries.invalidateQueries({ queryKey: ['broadcasts'] }) },
  })
}
