import { useQuery } from '@tanstack/react-query'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import type { components } from '../../api/schema'

export type Table = components['schemas']['AnalyticsTable']
export type Row = Record<string, unknown>

/** The figures the page reads (every one answers an AnalyticsTable, docs/analytics.md). */
export type Figure = 'messages' | 'contacts' | 'active-contacts' | 'retention' | 'latency' | 'llm' | 'costs' | 'containment'
  | 'line-sends' | 'flows' | 'buttons'

export type Filters = { from: string; to: string; groupBy: string; botId?: string }

type Query = Record<string, string | number | undefined>

function path(figure: Figure) {
  // one typed path stands for all: they take the same query and answer the same table
  return `/api/v1/analytics/${figure}` as '/api/v1/analytics/messages'
}

export function useFigure(figure: Figure, query: Query) {
  return useQuery({
    queryKey: ['analytics', figure, query],
    queryFn: () => unwrap(api.GET(path(figure), { params: { query: query as never } })) as Promise<Table>,
  })
}

/** The figure as CSV, saved by the browser. */
export async function downloadCsv(figure: Figure, query: Query) {
  const { data, error, response } = await api.GET(path(figure), {
    params: { query: { ...query, format: 'csv' } as never }, parseAs: 'text',
  })
  if (error || !response.ok || typeof data !== 'string') return
  const url = URL.createObjectURL(new Blob([data], { type: 'text/csv' }))
  const link = document.createElement('a')
  link.href = url
  link.download = `parley-${figure}-${query.from}-${query.to}.csv`
  link.click()
  URL.revokeObjectURL(url)
}

/** The same number of days just before: "trend vs the previous period". */
export function previous(filters: Filters): Filters {
  const from = new Date(`${filters.from}T00:00:00Z`)
  const to = new Date(`${filters.to}T00:00:00Z`)
  const days = Math.round((to.getTime() - from.getTime()) / 86_400_000) + 1
  const shift = (date: Date, by: number) => new Date(date.getTime() + by * 86_400_000).toISOString().slice(0, 10)
  return { ...filters, from: shift(from, -days), to: shift(from, -1) }
}

/**
 * The 30 days ending today in the tenant's time zone, as the API's own default (docs/analytics.md): the figures'
 * dates are the tenant's local dates, not the browser's nor UTC's (from 00:00 to 08:00 in Taipei, UTC is still on
 * the day before, whose range would leave today's figures out).
 */
export function defaults(zone: string, now = new Date()): Filters {
  const to = localDate(now, zone)
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10)
  return { from, to, groupBy: 'day' }
}

/** The local date (YYYY-MM-DD) of `at` in the IANA time zone `zone`. */
export function localDate(at: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(at)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}

export function num(value: unknown): number | null {
  return typeof value === 'number' ? value : null
}

/** Change from before to now, as a signed percentage, or null when there is nothing to compare with. */
export function change(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null
  return Math.round(((now - before) / before) * 100)
}
