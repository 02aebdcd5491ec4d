import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query'

export interface Page<T> {
  items: T[]
  nextCursor?: string | null
}

/**
 * A cursor-paginated list endpoint (every Parley list answers `{items, nextCursor}`) as one growing list with
 * `loadMore`. `fetchPage(cursor)` gets undefined for the first page.
 */
export function useCursorList<T>(queryKey: QueryKey, fetchPage: (cursor: string | undefined) => Promise<Page<T>>) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
  return {
    items: query.data?.pages.flatMap((p) => p.items) ?? [],
    isPending: query.isPending,
    error: query.error,
    refetch: query.refetch,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => query.fetchNextPage(),
  }
}
