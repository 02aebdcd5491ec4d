import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import type { components } from '../../api/schema'

export type SegmentDefinition = components['schemas']['SegmentDefinition']

const keys = { list: ['segments', 'list'] as const }

export function useSegments() {
  return useQuery({
    queryKey: keys.list,
    queryFn: () => unwrap(api.GET('/api/v1/segments', { params: { query: { limit: 200 } } })),
  })
}

/** The live count of a definition being built; the previous count stays shown while the next one loads. */
export function useSegmentPreview(definition: SegmentDefinition) {
  return useQuery({
    queryKey: ['segments', 'preview', definition],
    queryFn: () => unwrap(api.POST('/api/v1/segments/preview', { body: { definition } })),
    placeholderData: keepPreviousData,
  })
}

export function useCreateSegment() {
  const queries = useQueryClient()
  return useMutation({
    mutationFn: (body: { name: string; definition: SegmentDefinition }) =>
      unwrap(api.POST('/api/v1/segments', { body })),
    onSuccess: () => { void queries.invalidateQueries({ queryKey: keys.list }) },
  })
}
